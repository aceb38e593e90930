using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/IoTCentral.Benchmarks -- --inProcess   (BenchmarkDotNet's options follow --)
// Runs every benchmark of the class, so no --filter is needed (a '*' would be expanded by a Unix shell or pwsh).
BenchmarkRunner.Run<IoTCentral.Benchmarks.GetDeviceBenchmarks>(args: args);
