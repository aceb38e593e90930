using IoTCentral.Engine;

namespace IoTCentral.Benchmarks;

/// <summary>The calls both benchmark classes time, so that their sides differ only in what answers them.</summary>
internal static class BenchCalls
{
    public const string DeviceId = "bench-one";

    public const string DevicePath = "/api/devices/" + DeviceId + "?api-version=2022-07-31";

    /// <summary>A raw HttpClient with the API token, as a script would set one up.</summary>
    public static HttpClient RawClient(HttpMessageHandler handler, Uri applicationUrl, string apiToken)
    {
        var http = new HttpClient(handler, disposeHandler: false) { BaseAddress = applicationUrl };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", apiToken);
        return http;
    }

    public static async Task<string> RawGetAsync(HttpClient http)
    {
        using var response = await http.GetAsync(DevicePath).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync().ConfigureAwait(false);
    }

    public static Task<Models.Device> EngineGetAsync(IoTCentralClient client) => client.Devices.GetAsync(DeviceId, CancellationToken.None);

    /// <summary>As a cmdlet calls it: the calling thread blocks on the call, so the engine sends on that thread.</summary>
    public static Models.Device EngineGetBlocking(IoTCentralClient client)
    {
        using (CallerThread.BeginBlockingScope())
        {
            return client.Devices.GetAsync(DeviceId, CancellationToken.None).GetAwaiter().GetResult();
        }
    }
}
