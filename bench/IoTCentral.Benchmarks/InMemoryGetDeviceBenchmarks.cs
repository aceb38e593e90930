using Azure.Core.Pipeline;
using BenchmarkDotNet.Attributes;
using IoTCentral.Engine;
using IoTCentral.Engine.Internal;
using IoTCentral.Engine.Pipeline;
using IoTCentralBench;

namespace IoTCentral.Benchmarks;

/// <summary>
/// The engine's own CPU and garbage per call, with no network and no emulator: every side gets the same answer from
/// an in-memory handler (the bytes the emulator sends for a device). Over loopback those costs are a small part of
/// a call and hide in its noise; here they are all there is. The engine runs over the same stack as in the module
/// (its caller-thread handler under Azure.Core's HttpClient transport).
/// </summary>
[MemoryDiagnoser]
public class InMemoryGetDeviceBenchmarks
{
    private CannedDeviceHandler handler = null!;
    private HttpClient http = null!;
    private IoTCentralClient client = null!;

    [GlobalSetup]
    public void Setup()
    {
        handler = new CannedDeviceHandler();
        var applicationUrl = new Uri("http://127.0.0.1:1/");
        http = BenchCalls.RawClient(handler, applicationUrl, "SharedAccessSignature sr=bench");

        var options = new IoTCentralClientOptions
        {
            ApplicationUrl = applicationUrl,
            RequestsPerSecond = 0,
            Transport = new HttpClientTransport(new HttpClient(new CallerThreadHandler(handler))),
        };
        client = IoTCentralClient.CreateWithApiToken(options, SecureStrings.ToReadOnly("SharedAccessSignature sr=bench"));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        client.Dispose();
        http.Dispose();
        handler.Dispose();
    }

    [Benchmark(Baseline = true, Description = "in memory: HttpClient GET, body as string")]
    public Task<string> RawHttpClient() => BenchCalls.RawGetAsync(http);

    [Benchmark(Description = "in memory: HttpClient.Send, body as string")]
    public string RawHttpClientSend()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, BenchCalls.DevicePath);
        using var response = http.Send(request);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(response.Content.ReadAsStream());
        return reader.ReadToEnd();
    }

    [Benchmark(Description = "in memory: engine Devices.GetAsync")]
    public Task<Models.Device> Engine() => BenchCalls.EngineGetAsync(client);

    [Benchmark(Description = "in memory: engine, caller blocks")]
    public Models.Device EngineCallerBlocks() => BenchCalls.EngineGetBlocking(client);
}
