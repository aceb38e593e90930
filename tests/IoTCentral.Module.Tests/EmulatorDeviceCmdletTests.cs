using System.Management.Automation;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Module.Tests;

/// <summary>
/// Register-/Unregister-IoTCentralEmulatorCommandResponse and Connect-/Disconnect-IoTCentralEmulatorDevice: a
/// non-simulated device's command answers and connection, set through the emulator's device feed as the device.
/// </summary>
public sealed class EmulatorDeviceCmdletTests : DeviceDataTestBase
{
    public EmulatorDeviceCmdletTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public void A_registered_response_answers_the_command_until_it_is_unregistered()
    {
        var deviceId = NewPhone(simulated: false);
        var result = Run(
            """
            Register-IoTCentralEmulatorCommandResponse -DeviceId $id -CommandName lightOn -ResponseCode 202 -Response @{ pulsesDone = 3 }
            '---'
            $answer = Invoke-IoTCentralCommand -DeviceId $id -Name lightOn -Request @{ duration = 1; delay = 0; pulses = 3 }
            $answer.ResponseCode
            $answer.Response.pulsesDone
            Unregister-IoTCentralEmulatorCommandResponse -DeviceId $id -CommandName lightOn
            '---'
            """,
            ("id", deviceId));
        result.AssertNoErrors();
        Assert.Equal(new object[] { "---", 202, 3L, "---" }, result.Output.Select(o => o.BaseObject));

        var after = Run("Invoke-IoTCentralCommand -DeviceId $id -Name lightOn -Request @{ duration = 1; delay = 0; pulses = 3 }", ("id", deviceId));
        var error = Assert.Single(after.Errors);
        // The service's 408 for a device that does not respond.
        Assert.StartsWith("IoTCentral.DeviceRequestFailed", error.FullyQualifiedErrorId);
        Assert.Contains("Request timeout", error.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(after.Output);
    }

    [Fact]
    public void PassThru_tells_what_was_registered_and_devices_pipe_in_by_property_name()
    {
        var first = NewPhone(simulated: false, prefix: "answerpipe");
        var second = NewPhone(simulated: false, prefix: "answerpipe");
        var result = Run(
            """
            Get-IoTCentralDevice | Where-Object Id -in $ids | Register-IoTCentralEmulatorCommandResponse -CommandName lightOn -ResponseCode 500 -PassThru
            Get-IoTCentralDevice | Where-Object Id -in $ids | Unregister-IoTCentralEmulatorCommandResponse -CommandName lightOn -PassThru
            """,
            ("ids", new[] { first, second }));
        result.AssertNoErrors();
        Assert.Equal(4, result.Output.Count);
        var registered = result.Output.Take(2).ToList();
        Assert.All(registered, r => Assert.Equal("IoTCentral.Models.EmulatorCommandResponse", r.BaseObject.GetType().FullName));
        Assert.Equal(new[] { first, second }.Order(), registered.Select(r => (string)r.Properties["DeviceId"].Value).Order());
        Assert.All(registered, r => Assert.Equal((true, 500, "lightOn"), ((bool)r.Properties["Registered"].Value, (int)r.Properties["ResponseCode"].Value, (string)r.Properties["CommandName"].Value)));
        Assert.All(result.Output.Skip(2), r => Assert.Equal(false, r.Properties["Registered"].Value));
        Assert.Equal(new Uri(Emulator.ApplicationUrl).Authority, ((Uri)registered[0].Properties["ApplicationUrl"].Value).Authority);
    }

    [Fact]
    public async Task Connect_and_disconnect_are_deviceConnectivity_messages_and_devices_pipe_in()
    {
        using var listener = new WebhookListener();
        var deviceId = NewPhone(simulated: false, prefix: "connect");
        var hook = UniqueId("hook");
        var export = UniqueId("export");
        Run(
            """
            New-IoTCentralExportDestination -Id $hook -Url $url | Out-Null
            New-IoTCentralExport -Id $export -Source deviceConnectivity -Destination $hook -Filter "SELECT * FROM $template WHERE `$id = '$device'" | Out-Null
            """,
            ("hook", hook), ("export", export), ("url", listener.Url), ("template", PhoneTemplateId), ("device", deviceId)).AssertNoErrors();
        try
        {
            var result = Run(
                """
                Get-IoTCentralDevice -Id $id | Connect-IoTCentralEmulatorDevice
                (Get-IoTCentralDevice -Id $id).Provisioned
                [pscustomobject]@{ DeviceId = $id } | Disconnect-IoTCentralEmulatorDevice -PassThru
                """,
                ("id", deviceId));
            result.AssertNoErrors();
            Assert.Equal(true, result.Output[0].BaseObject);
            var passThru = Assert.Single(result.Output.Skip(1));
            Assert.Equal(("Disconnect", deviceId), ((string)passThru.Properties["Kind"].Value, (string)passThru.Properties["DeviceId"].Value));

            await listener.WaitForAsync(m => m["messageType"]?.GetValue<string>() == "disconnected");
            Assert.Equal(
                new[] { "connected", "disconnected" },
                listener.Received.Where(r => r.Body["deviceId"]?.GetValue<string>() == deviceId).Select(r => r.Body["messageType"]!.GetValue<string>()));
        }
        finally
        {
            Run("Remove-IoTCentralExport -Id $export -Force; Remove-IoTCentralExportDestination -Id $hook -Force", ("export", export), ("hook", hook)).AssertNoErrors();
        }
    }

    [Fact]
    public void WhatIf_sends_nothing()
    {
        var deviceId = NewPhone(simulated: false);
        var result = Run(
            """
            Register-IoTCentralEmulatorCommandResponse -DeviceId $id -CommandName lightOn -WhatIf -Verbose
            Unregister-IoTCentralEmulatorCommandResponse -DeviceId $id -CommandName lightOn -WhatIf -Verbose
            Connect-IoTCentralEmulatorDevice -DeviceId $id -WhatIf -Verbose
            Disconnect-IoTCentralEmulatorDevice -DeviceId $id -WhatIf -Verbose
            """,
            ("id", deviceId));
        result.AssertNoErrors();
        Assert.Empty(result.Output);
        Assert.DoesNotContain(result.Verbose, v => v.Contains(" -> ", StringComparison.Ordinal));

        var after = Run("(Get-IoTCentralDevice -Id $id).Provisioned", ("id", deviceId));
        after.AssertNoErrors();
        Assert.Equal(false, after.Output.Single().BaseObject);
    }

    [Fact]
    public void Bad_input_is_refused_before_any_request()
    {
        var deviceId = NewPhone(simulated: false);
        var badResponse = Run("Register-IoTCentralEmulatorCommandResponse -DeviceId $id -CommandName lightOn -Response '{ not json' -Verbose", ("id", deviceId));
        var badResponseError = Assert.Single(badResponse.Errors);
        Assert.StartsWith("IoTCentral.InvalidCommandResponse", badResponseError.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, badResponseError.CategoryInfo.Category);
        Assert.False(SentAnyRequest(badResponse));

        var badName = Run("Unregister-IoTCentralEmulatorCommandResponse -DeviceId $id -CommandName 'light on' -Verbose", ("id", deviceId));
        Assert.StartsWith("ParameterArgumentValidationError", badName.TerminatingRecord!.FullyQualifiedErrorId);
        Assert.False(SentAnyRequest(badName));

        var badId = Run("Connect-IoTCentralEmulatorDevice -DeviceId 'not a/device' -Verbose");
        Assert.StartsWith("ParameterArgumentValidationError", badId.TerminatingRecord!.FullyQualifiedErrorId);
        Assert.False(SentAnyRequest(badId));
    }

    [Fact]
    public void A_command_the_template_does_not_have_and_an_unknown_device_are_the_services_errors()
    {
        var deviceId = NewPhone(simulated: false);
        var unknownCommand = Run("Register-IoTCentralEmulatorCommandResponse -DeviceId $id -CommandName noSuchCommand", ("id", deviceId));
        var error = Assert.Single(unknownCommand.Errors);
        Assert.StartsWith("IoTCentral.CommandNotFound", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal(deviceId, error.TargetObject);

        var missing = Run("Disconnect-IoTCentralEmulatorDevice -DeviceId $id", ("id", UniqueId("missing")));
        var notFound = Assert.Single(missing.Errors);
        Assert.StartsWith("IoTCentral.DeviceNotFound", notFound.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, notFound.CategoryInfo.Category);
    }

    [Fact]
    public void A_real_application_is_refused_before_any_request()
    {
        var result = Run(
            """
            $cloud = Connect-IoTCentral -Subdomain contoso -ApiToken $token -SkipValidation
            try { Connect-IoTCentralEmulatorDevice -DeviceId phone-01 -Session $cloud -Verbose }
            finally { Disconnect-IoTCentral -Session $cloud }
            """,
            ("token", Secrets.Protect(Emulator.Server.AdminApiToken)));
        var error = result.TerminatingRecord!;
        Assert.StartsWith("IoTCentral.NotAnEmulator", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
        Assert.DoesNotContain(result.Verbose, v => v.Contains(" -> ", StringComparison.Ordinal));
    }
}
