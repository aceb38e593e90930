using System.Collections;
using System.Diagnostics;

namespace IoTCentral.Module.Tests;

/// <summary>
/// A long runbook, scaled down: the emulator issues one-minute tokens (standing for one-hour tokens), and the
/// script keeps calling for more than three of their lifetimes (standing for three hours) on one session.
/// </summary>
public sealed class RunbookTests
{
    [Fact]
    public async Task A_service_principal_session_keeps_working_across_several_token_refreshes()
    {
        var lifetime = TimeSpan.FromMinutes(1);
        await using var emulator = await EntraEmulator.StartAsync(tokenLifetime: lifetime);
        var (clientId, secret) = await emulator.AddServicePrincipalWithSecretAsync(EntraEmulator.OperatorRole);
        using var shell = new PowerShellHost();
        var watch = Stopwatch.StartNew();
        var result = shell.Run(
            """
            Connect-IoTCentral -ApplicationUrl $url -AuthorityHost $authority -TrustedServerCertificate $trusted -ServicePrincipal -TenantId $tenant -Credential $credential | Out-Null
            $until = [datetime]::UtcNow.AddSeconds($seconds)
            $calls = 0
            while ([datetime]::UtcNow -lt $until) {
                New-IoTCentralDevice -Id ("runbook-" + $calls) | Out-Null
                $calls++
                [System.Threading.Thread]::Sleep(5000)
            }
            $calls
            @(Get-IoTCentralDevice).Count
            """,
            new Hashtable
            {
                ["url"] = emulator.ApplicationUrl,
                ["authority"] = emulator.Server.AuthorityHost,
                ["trusted"] = emulator.Server.TlsCertificate,
                ["tenant"] = EntraEmulator.TenantId,
                ["credential"] = new System.Management.Automation.PSCredential(clientId, Secrets.Protect(secret)),
                ["seconds"] = (lifetime * 3.25).TotalSeconds,
            });
        result.AssertNoErrors();
        Assert.True(watch.Elapsed > lifetime * 3, "the run must outlast three token lifetimes");
        var calls = (int)result.Output[0].BaseObject;
        Assert.True(calls >= 30, "expected a call every 5 s; made " + calls);
        Assert.Equal(calls, (int)result.Output[1].BaseObject);
    }
}
