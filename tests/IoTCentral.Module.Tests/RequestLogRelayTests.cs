using System.Collections;
using System.Management.Automation;
using IoTCentral.Emulator;

namespace IoTCentral.Module.Tests;

/// <summary>How the engine's request log reaches the user: while the call waits, and never as a prompt.</summary>
public sealed class RequestLogRelayTests
{
    [Fact]
    public async Task A_throttling_warning_shows_while_the_command_still_waits_to_retry()
    {
        // One request per four seconds: Connect's check takes the slot, so the next request is throttled for up to 4 s.
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { RateLimit = 0.25 });
        using var shell = new PowerShellHost();
        var requestsAtFirstWarning = -1L;

        var result = shell.Run(
            "Connect-IoTCentral -ApplicationUrl $url -ApiToken $token | Out-Null; Get-IoTCentralRole -Name Administrator",
            new Hashtable { ["url"] = server.ApplicationUrl.ToString(), ["token"] = Secrets.Protect(server.AdminApiToken) },
            onWarning: _ =>
            {
                if (requestsAtFirstWarning < 0)
                {
                    requestsAtFirstWarning = server.Load.Requests;
                }
            });

        result.AssertNoErrors();
        Assert.Equal("Administrator", Assert.Single(result.Output).Properties["DisplayName"].Value);
        Assert.StartsWith("The service throttled the request (429); retrying in ", Assert.Single(result.Warnings));
        Assert.Equal(1, server.Load.RateLimited);
        Assert.Equal(3, server.Load.Requests);
        Assert.Equal(2, requestsAtFirstWarning);
    }

    [Fact]
    public void Debug_in_a_host_that_cannot_be_prompted_relays_the_log_without_a_prompt()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var closed = "http://127.0.0.1:" + ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var shell = new PowerShellHost(host: new TestHost());

        var result = shell.Run(
            "Connect-IoTCentral -ApplicationUrl $url -ApiToken $token -SkipValidation | Out-Null; Get-IoTCentralRole -Debug",
            new Hashtable { ["url"] = closed, ["token"] = Secrets.Protect(EmulatorDefaults.DevelopmentAdminApiToken) });

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("IoTCentral.RoleUnreachable", error.FullyQualifiedErrorId);
        Assert.Contains(result.Debug, line => line.Contains("-> failed after"));
        Assert.Contains(result.Debug, line => line.StartsWith("Request GET ", StringComparison.Ordinal));
    }
}
