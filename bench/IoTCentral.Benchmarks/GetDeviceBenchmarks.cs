using System.Security;
using BenchmarkDotNet.Attributes;
using IoTCentral.Emulator;
using IoTCentral.Engine;

namespace IoTCentral.Benchmarks;

/// <summary>
/// One GET of a device: the engine's call (pipeline, retry policy, error mapping, JSON to a Device) against a raw
/// HttpClient GET that reads the body as text, to the same emulator on loopback in this process. Pacing is off, as
/// the module has it against the emulator, so the ratio is the engine's own cost per call.
/// </summary>
[MemoryDiagnoser]
public class GetDeviceBenchmarks
{
    private const string DeviceId = "bench-one";

    private EmulatorServer server = null!;
    private IoTCentralClient client = null!;
    private HttpClient http = null!;
    private string path = null!;

    [GlobalSetup]
    public void Setup()
    {
        server = EmulatorServer.StartAsync(new EmulatorOptions()).GetAwaiter().GetResult();
        var options = new IoTCentralClientOptions { ApplicationUrl = server.ApplicationUrl, RequestsPerSecond = 0 };
        client = IoTCentralClient.CreateWithApiToken(options, Secure(server.AdminApiToken));
        client.Devices.CreateAsync(new Models.Device { Id = DeviceId, DisplayName = "bench" }, CancellationToken.None).GetAwaiter().GetResult();

        http = new HttpClient { BaseAddress = server.ApplicationUrl };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", server.AdminApiToken);
        path = "/api/devices/" + DeviceId + "?api-version=" + options.ApiVersion;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        client.Dispose();
        http.Dispose();
        server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "HttpClient GET, body as string")]
    public async Task<string> RawHttpClient()
    {
        using var response = await http.GetAsync(path).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync().ConfigureAwait(false);
    }

    [Benchmark(Description = "engine Devices.GetAsync")]
    public Task<Models.Device> Engine() => client.Devices.GetAsync(DeviceId, CancellationToken.None);

    /// <summary>As a cmdlet calls it: the calling thread blocks on the call, so the engine sends on that thread.</summary>
    [Benchmark(Description = "engine Devices.GetAsync, caller blocks")]
    public Models.Device EngineCallerBlocks()
    {
        using (CallerThread.BeginBlockingScope())
        {
            return client.Devices.GetAsync(DeviceId, CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    private static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text)
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }
}
