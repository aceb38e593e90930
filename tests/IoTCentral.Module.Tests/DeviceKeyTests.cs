using System.Collections;
using System.Management.Automation;
using System.Net;
using System.Security;
using System.Security.Cryptography;
using System.Text;

namespace IoTCentral.Module.Tests;

/// <summary>New-IoTCentralDeviceKey: the derivation the Device Provisioning Service checks, done locally.</summary>
public sealed class DeviceKeyTests
{
    // The sample of https://learn.microsoft.com/azure/iot-dps/how-to-legacy-device-symm-key: a group key, a
    // registration id and the device key the article derives from them.
    private const string DocGroupKey = "8isrFI1sGsIlvvFSSFRiMfCNzv21fjbE/+ah/lSh3lF8e2YG1Te7w1KpZhJFFXJrqYKi9yegxkqIChbqOS9Egw==";
    private const string DocRegistrationId = "sn-007-888-abc-mac-a1-b2-c3-d4-e5-f6";
    private const string DocDerivedKey = "Jsm0lyGpjaVYVP2g3FnmnmG9dI/9qU24wNoykUmermc=";

    [Fact]
    public void The_key_derived_from_the_documented_group_key_is_the_documented_device_key()
    {
        using var shell = new PowerShellHost();
        var result = shell.Run(
            "New-IoTCentralDeviceKey -DeviceId $id -GroupKey $key -AsPlainText",
            new Hashtable { ["id"] = DocRegistrationId, ["key"] = Secrets.Protect(DocGroupKey) });

        result.AssertNoErrors();
        var derived = Assert.Single(result.Output);
        Assert.Equal("IoTCentral.Models.PlainTextDeviceKey", derived.BaseObject.GetType().FullName);
        Assert.Equal(DocRegistrationId, derived.Properties["DeviceId"].Value);
        Assert.Equal(DocDerivedKey, derived.Properties["Key"].Value);
    }

    [Fact]
    public void Piped_ids_each_get_their_own_key_as_a_SecureString_that_no_stream_shows()
    {
        var groupKey = RandomNumberGenerator.GetBytes(64);
        var ids = new[] { "pump-01", "pump-02", "pump-03:(a@b)" };
        using var shell = new PowerShellHost();
        var result = shell.Run(
            "$ids | ForEach-Object { [pscustomobject]@{ Id = $_ } } | New-IoTCentralDeviceKey -GroupKey $key -Verbose",
            new Hashtable { ["ids"] = ids, ["key"] = Secrets.Protect(Convert.ToBase64String(groupKey)) });

        result.AssertNoErrors();
        Assert.Equal(ids, result.Output.Select(o => (string)o.Properties["DeviceId"].Value));
        using var hmac = new HMACSHA256(groupKey);
        foreach (var (output, id) in result.Output.Zip(ids))
        {
            Assert.Equal("IoTCentral.Models.DeviceKey", output.BaseObject.GetType().FullName);
            var expected = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(id)));
            Assert.Equal(expected, new NetworkCredential(string.Empty, Assert.IsType<SecureString>(output.Properties["Key"].Value)).Password);
            Assert.DoesNotContain(expected, result.AllText());
        }
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("")]
    public void A_group_key_that_is_not_base64_stops_before_any_key_and_the_error_does_not_show_it(string badKey)
    {
        using var shell = new PowerShellHost();
        var result = shell.Run(
            "'dev-1', 'dev-2' | New-IoTCentralDeviceKey -GroupKey $key",
            new Hashtable { ["key"] = badKey.Length == 0 ? new SecureString() : Secrets.Protect(badKey) });

        Assert.Empty(result.Output);
        var error = result.TerminatingRecord;
        Assert.NotNull(error);
        Assert.Equal("IoTCentral.InvalidGroupKey,IoTCentral.Commands.DeviceKey.NewIoTCentralDeviceKeyCommand", error!.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Null(error.TargetObject);
        if (badKey.Length > 0)
        {
            Assert.DoesNotContain(badKey, result.AllText());
        }
    }
}
