using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/IoTCentral.Benchmarks -- --filter '*'   (add --job short for a quick run)
BenchmarkSwitcher.FromAssembly(typeof(IoTCentral.Benchmarks.GetDeviceBenchmarks).Assembly).Run(args);
