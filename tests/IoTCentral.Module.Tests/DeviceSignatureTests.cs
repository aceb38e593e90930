using System.Collections;
using System.Management.Automation;
using IoTCentral.Emulator;

namespace IoTCentral.Module.Tests;

/// <summary>
/// The emulator's device feed refusing a device's signature (its clock an hour ahead of this computer's, so every
/// 15-minute signature has expired): an error of that device, which points at the clocks and not at signing in.
/// </summary>
public sealed class DeviceSignatureTests
{
    [Fact]
    public async Task A_refused_signature_is_an_error_of_each_device_that_names_the_clocks_not_the_sign_in()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { Clock = new ShiftedClock(TimeSpan.FromHours(1)) });
        using var shell = new PowerShellHost();
        var ids = new[] { "sig-1", "sig-2" };
        var vars = new Hashtable { ["url"] = server.ApplicationUrl.ToString(), ["token"] = Secrets.Protect(server.AdminApiToken), ["ids"] = ids };
        shell.Run("Connect-IoTCentral -ApplicationUrl $url -ApiToken $token | Out-Null; $ids | New-IoTCentralDevice | Out-Null", vars).AssertNoErrors();

        var sent = shell.Run("$ids | Send-IoTCentralEmulatorTelemetry -Value @{ temperature = 21.5 }; 'after'", vars);

        Assert.Null(sent.TerminatingError);
        Assert.Equal("after", Assert.Single(sent.Output).BaseObject);
        Assert.Equal(ids, sent.Errors.Select(e => (string)e.TargetObject));
        Assert.All(sent.Errors, error =>
        {
            Assert.StartsWith("IoTCentral.DeviceSignatureRejected,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.SecurityError, error.CategoryInfo.Category);
            Assert.Contains("expired", error.Exception.Message, StringComparison.Ordinal);
            Assert.Contains("clock", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
            Assert.DoesNotContain("Connect-IoTCentral", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
        });
        Assert.DoesNotContain("sig=", sent.AllText(), StringComparison.Ordinal);

        // The caller's own token still works: nothing about the session was wrong.
        var read = shell.Run("(Get-IoTCentralDevice -Id sig-1).Id", vars);
        read.AssertNoErrors();
        Assert.Equal("sig-1", Assert.Single(read.Output).BaseObject);
    }
}
