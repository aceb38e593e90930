using System.Net;
using Azure.Core.Pipeline;
using BenchmarkDotNet.Attributes;
using IoTCentral.Engine;
using IoTCentral.Engine.Internal;
using IoTCentral.Engine.Pipeline;

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

    /// <summary>Answers every request at once with a device, headers as the emulator sends them.</summary>
    private sealed class CannedDeviceHandler : HttpMessageHandler
    {
        private static readonly byte[] Body = System.Text.Encoding.UTF8.GetBytes(
            "{\"id\":\"bench-one\",\"etag\":\"7a8b0757c9e54b05a1d18b4563c3e920\",\"displayName\":\"bench-one\",\"enabled\":true,\"provisioned\":false,\"simulated\":false}");

        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(Body);
            content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
            response.Headers.TryAddWithoutValidation("x-ms-request-id", "c27de49b-b6cd-4da9-8097-8d502ac10e07");
            if (request.Headers.TryGetValues("x-ms-client-request-id", out var ids))
            {
                response.Headers.TryAddWithoutValidation("x-ms-client-request-id", ids);
            }

            return response;
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(Send(request, cancellationToken));
    }
}
