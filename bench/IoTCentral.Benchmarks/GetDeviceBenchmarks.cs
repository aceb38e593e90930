using BenchmarkDotNet.Attributes;
using IoTCentral.Emulator;
using IoTCentral.Engine;
using IoTCentral.Engine.Internal;

namespace IoTCentral.Benchmarks;

/// <summary>
/// One GET of a device: the engine's call (pipeline, retry policy, error mapping, JSON to a Device) against a raw
/// HttpClient GET that reads the body as text, to the same emulator on loopback in this process. Pacing is off, as
/// the module has it against the emulator, so the ratio is the engine's own cost per call.
/// </summary>
[MemoryDiagnoser]
public class GetDeviceBenchmarks
{
    private readonly HttpClientHandler handler = new();
    private EmulatorServer server = null!;
    private IoTCentralClient client = null!;
    private HttpClient http = null!;

    [GlobalSetup]
    public void Setup()
    {
        server = EmulatorServer.StartAsync(new EmulatorOptions()).GetAwaiter().GetResult();
        var options = new IoTCentralClientOptions { ApplicationUrl = server.ApplicationUrl, RequestsPerSecond = 0 };
        client = IoTCentralClient.CreateWithApiToken(options, SecureStrings.ToReadOnly(server.AdminApiToken));
        client.Devices.CreateAsync(new Models.Device { Id = BenchCalls.DeviceId, DisplayName = "bench" }, CancellationToken.None).GetAwaiter().GetResult();
        http = BenchCalls.RawClient(handler, server.ApplicationUrl, server.AdminApiToken);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        client.Dispose();
        http.Dispose();
        handler.Dispose();
        server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "HttpClient GET, body as string")]
    public Task<string> RawHttpClient() => BenchCalls.RawGetAsync(http);

    [Benchmark(Description = "engine Devices.GetAsync")]
    public Task<Models.Device> Engine() => BenchCalls.EngineGetAsync(client);

    [Benchmark(Description = "engine Devices.GetAsync, caller blocks")]
    public Models.Device EngineCallerBlocks() => BenchCalls.EngineGetBlocking(client);
}
