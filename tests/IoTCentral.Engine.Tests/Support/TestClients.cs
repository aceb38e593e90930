using System;
using System.Net.Http;
using System.Security;
using Azure.Core.Pipeline;

namespace IoTCentral.Engine.Tests.Support;

public static class TestClients
{
    public const string ApiToken = "SharedAccessSignature sr=5f1a2b3c&sig=SECRET-SIGNATURE-VALUE&skn=admin&se=4102444800000";

    /// <summary>A host of its own per test, so the process-wide rate limiter buckets never couple tests.</summary>
    public static Uri UniqueAppUrl(string scheme = "https") => new($"{scheme}://app-{Guid.NewGuid():N}.azureiotcentral.com");

    public static IoTCentralClientOptions Options(HttpMessageHandler handler, Uri? url = null, Action<IoTCentralClientOptions>? configure = null)
    {
        var options = new IoTCentralClientOptions
        {
            ApplicationUrl = url ?? UniqueAppUrl(),
            RetryDelay = TimeSpan.FromMilliseconds(5),
            MaxRetryDelay = TimeSpan.FromMilliseconds(50),
            MaxRetries = 3,
            Transport = new HttpClientTransport(handler),
        };
        configure?.Invoke(options);
        return options;
    }

    public static IoTCentralClient WithApiToken(HttpMessageHandler handler, Action<IoTCentralClientOptions>? configure = null, Uri? url = null) =>
        IoTCentralClient.CreateWithApiToken(Options(handler, url, configure), Secure(ApiToken));

    public static SecureString Secure(string value)
    {
        var secure = new SecureString();
        foreach (var c in value)
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }

    /// <summary>A port that was free a moment ago and has no listener now: connecting to it is refused at once.</summary>
    public static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static string Plain(SecureString value) => new System.Net.NetworkCredential(string.Empty, value).Password;
}
