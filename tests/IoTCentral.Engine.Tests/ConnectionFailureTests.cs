using System;
using System.Threading;
using System.Threading.Tasks;
using IoTCentral.Engine.Tests.Support;
using IoTCentral.Models;
using Xunit;

namespace IoTCentral.Engine.Tests;

/// <summary>Failures a retry cannot cure end the call at the first attempt, with what to do about them.</summary>
public class ConnectionFailureTests
{
    [Fact]
    public async Task Refused_connection_fails_at_the_first_attempt_with_a_hint()
    {
        var url = new Uri($"http://127.0.0.1:{TestClients.ClosedPort()}");
        using var client = IoTCentralClient.CreateWithApiToken(new IoTCentralClientOptions { ApplicationUrl = url }, TestClients.Secure(TestClients.ApiToken));
        var sink = new RecordingSink();

        IoTCentralException error;
        using (RequestLog.BeginScope(sink))
        {
            error = await Assert.ThrowsAsync<IoTCentralException>(() => client.Roles.ListAsync(null, CancellationToken.None));
        }

        Assert.Equal("ServiceUnreachable", error.ErrorCode);
        Assert.Contains("nothing accepts connections there", error.Message);
        Assert.Single(sink.Verbose);
        Assert.Empty(sink.Warnings);
    }

    [Fact]
    public async Task Untrusted_server_certificate_fails_at_the_first_attempt_naming_TrustedServerCertificate()
    {
        using var server = new TlsLoopbackServer();
        using var client = IoTCentralClient.CreateWithApiToken(new IoTCentralClientOptions { ApplicationUrl = server.Url }, TestClients.Secure(TestClients.ApiToken));
        var sink = new RecordingSink();

        IoTCentralException error;
        using (RequestLog.BeginScope(sink))
        {
            error = await Assert.ThrowsAsync<IoTCentralException>(() => client.Roles.ListAsync(null, CancellationToken.None));
        }

        Assert.Equal("ServiceUnreachable", error.ErrorCode);
        Assert.Contains("-TrustedServerCertificate", error.Message);
        Assert.Empty(sink.Warnings);
        Assert.Equal(1, server.Handshakes);
    }
}
