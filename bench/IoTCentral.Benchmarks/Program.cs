using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/IoTCentral.Benchmarks -- --inProcess   (BenchmarkDotNet's options follow --)
// Runs every benchmark of both classes, so no --filter is needed (a '*' would be expanded by a Unix shell or pwsh):
// first over loopback to an in-process emulator, then against an in-memory answer (the engine's own cost alone).
BenchmarkRunner.Run(new[] { typeof(IoTCentral.Benchmarks.GetDeviceBenchmarks), typeof(IoTCentral.Benchmarks.InMemoryGetDeviceBenchmarks) }, args: args);
