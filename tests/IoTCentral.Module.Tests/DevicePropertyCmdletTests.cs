using System.Management.Automation;

namespace IoTCentral.Module.Tests;

/// <summary>Properties at the device, component, module and module-component levels, and their acknowledgement state.</summary>
public sealed class DevicePropertyCmdletTests : DeviceDataTestBase
{
    private const string SetProperty = "IoTCentral.Commands.DeviceProperty.SetIoTCentralDevicePropertyCommand";

    // An IoT Edge device: module "env" with a writable root property and a component "sensor" with one of its own.
    private const string EdgeTemplateScript = """
        $edgeTemplate = New-IoTCentralDeviceTemplate -InputObject @{
            '@id' = $edgeTemplateId; '@type' = @('ModelDefinition', 'DeviceModel'); displayName = 'Edge gateway'
            capabilityModel = @{
                '@id' = 'dtmi:test:edge:cm;1'; '@type' = 'Interface'
                contents = @(
                    @{ '@type' = 'Property'; name = 'location'; schema = 'string'; writable = $true }
                    @{ '@type' = @('Relationship', 'EdgeModule'); name = 'env'; displayName = 'Environment'
                       target = @(@{ '@id' = 'dtmi:test:edge:env;1'; '@type' = 'Interface'; contents = @(
                           @{ '@type' = 'Property'; name = 'sendInterval'; schema = 'integer'; writable = $true }
                           @{ '@type' = 'Component'; name = 'sensor'; schema = @{ '@id' = 'dtmi:test:edge:sensor;1'; '@type' = 'Interface'; contents = @(
                               @{ '@type' = 'Property'; name = 'threshold'; schema = 'double'; writable = $true }) } }) }) }
                )
            }
        }
        """;

    public DevicePropertyCmdletTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    private static PSObject State(PowerShellResult result, int index) => result.Output[index];

    /// <summary>Publishes a new edge template, makes $deviceId a device of it, then runs the script.</summary>
    private PowerShellResult RunOnNewEdgeDevice(string script) =>
        Run(
            EdgeTemplateScript + "\nNew-IoTCentralDevice -Id $deviceId -Template $edgeTemplate.Id | Out-Null\n" + script,
            ("edgeTemplateId", "dtmi:test:edge" + Guid.NewGuid().ToString("N")[..8] + ";1"),
            ("deviceId", UniqueId("edge")));

    [Fact]
    public void A_writable_property_is_pending_until_the_device_acknowledges_it()
    {
        var deviceId = NewPhone(simulated: false);
        var written = Run("Set-IoTCentralDeviceProperty -DeviceId $id -Value @{ telemetryInterval = 10 } -PassThru", ("id", deviceId));
        written.AssertNoErrors();
        var pending = Assert.Single(written.Output);
        Assert.Equal("IoTCentral.Models.DevicePropertyState", pending.BaseObject.GetType().FullName);
        Assert.Equal(("telemetryInterval", deviceId), ((string)pending.Properties["Name"].Value, (string)pending.Properties["DeviceId"].Value));
        Assert.Equal(10L, pending.Properties["DesiredValue"].Value);
        Assert.NotNull(pending.Properties["DesiredVersion"].Value);
        Assert.Equal(false, pending.Properties["Acknowledged"].Value);

        FeedOf(deviceId).ReportProperties("""{"values":{"telemetryInterval":10},"ackCode":200,"ackDescription":"applied"}""");

        var read = Run(
            "$p = Get-IoTCentralDeviceProperty -DeviceId $id; $p.telemetryInterval; $p.'$metadata' | Where-Object Name -eq telemetryInterval",
            ("id", deviceId));
        read.AssertNoErrors();
        Assert.Equal(10L, read.Output[0].BaseObject);
        var acknowledged = read.Output[1];
        Assert.Equal(true, acknowledged.Properties["Acknowledged"].Value);
        Assert.Equal(200, acknowledged.Properties["AckCode"].Value);
        Assert.Equal("applied", acknowledged.Properties["AckDescription"].Value);
        Assert.Equal(acknowledged.Properties["DesiredVersion"].Value, acknowledged.Properties["AckVersion"].Value);
    }

    [Fact]
    public void Reported_component_properties_read_as_object_properties_at_both_levels()
    {
        var deviceId = NewPhone(simulated: false);
        FeedOf(deviceId).ReportProperties("""{"component":"device_info","values":{"manufacturer":"Contoso","model":"P1","totalMemory":8}}""");

        var result = Run(
            """
            (Get-IoTCentralDeviceProperty -DeviceId $id -Component device_info).manufacturer
            (Get-IoTCentralDeviceProperty -DeviceId $id).device_info.model
            Get-IoTCentralDevice -Id $id | Get-IoTCentralDeviceProperty -Component device_info
            """,
            ("id", deviceId));
        result.AssertNoErrors();
        Assert.Equal("Contoso", result.Output[0].BaseObject);
        Assert.Equal("P1", result.Output[1].BaseObject);
        var info = result.Output[2];
        Assert.Equal("IoTCentral.DeviceProperties", info.TypeNames[0]);
        Assert.Equal(8L, info.Properties["totalMemory"].Value);
        var display = info.Members["PSStandardMembers"] as PSMemberSet;
        var shown = ((PSPropertySet)display!.Members["DefaultDisplayPropertySet"]).ReferencedPropertyNames;
        Assert.Contains("manufacturer", shown);
        Assert.DoesNotContain("$metadata", shown);
    }

    [Fact]
    public void Cloud_properties_merge_by_default_and_replace_sets_exactly_the_values_given()
    {
        var deviceId = NewPhone(simulated: false);
        var result = Run(
            """
            Set-IoTCentralDeviceProperty -DeviceId $id -Value '{"owner": "Ops", "telemetryInterval": 10}'
            Set-IoTCentralDeviceProperty -DeviceId $id -Value ([pscustomobject]@{ telemetryInterval = 20 })
            $merged = Get-IoTCentralDeviceProperty -DeviceId $id
            $merged.owner
            ($merged.'$metadata' | Where-Object Name -eq telemetryInterval).DesiredValue
            Set-IoTCentralDeviceProperty -DeviceId $id -Value @{ telemetryInterval = 5 } -Replace
            $replaced = Get-IoTCentralDeviceProperty -DeviceId $id
            [string]::IsNullOrEmpty($replaced.owner)
            ($replaced.'$metadata' | Where-Object Name -eq telemetryInterval).DesiredValue
            """,
            ("id", deviceId));
        result.AssertNoErrors();
        Assert.Equal(new object[] { "Ops", 20L, true, 5L }, result.Output.Select(o => o.BaseObject).ToArray());
    }

    [Fact]
    public void Module_and_module_component_properties_are_written_and_read_and_listed()
    {
        var result = RunOnNewEdgeDevice(
            """
            Get-IoTCentralDeviceModule -DeviceId $deviceId
            Get-IoTCentralDeviceComponent -DeviceId $deviceId -Module env
            Set-IoTCentralDeviceProperty -DeviceId $deviceId -Module env -Value @{ sendInterval = 20 } -PassThru
            Set-IoTCentralDeviceProperty -DeviceId $deviceId -Module env -Component sensor -Value @{ threshold = 2.5 } -PassThru
            ((Get-IoTCentralDeviceProperty -DeviceId $deviceId -Module env -Component sensor).'$metadata').DesiredValue
            """);
        result.AssertNoErrors();
        var module = result.Output[0];
        Assert.Equal("IoTCentral.Models.DeviceModule", module.BaseObject.GetType().FullName);
        Assert.Equal(("env", "Environment"), ((string)module.Properties["Name"].Value, (string)module.Properties["DisplayName"].Value));
        var component = result.Output[1];
        Assert.Equal(("sensor", "env"), ((string)component.Properties["Name"].Value, (string)component.Properties["Module"].Value));
        var moduleState = result.Output[2];
        Assert.Equal(("env", (string?)null, 20L), ((string)moduleState.Properties["Module"].Value, (string?)moduleState.Properties["Component"].Value, moduleState.Properties["DesiredValue"].Value));
        var componentState = result.Output[3];
        Assert.Equal(("env", "sensor", 2.5), ((string)componentState.Properties["Module"].Value, (string)componentState.Properties["Component"].Value, componentState.Properties["DesiredValue"].Value));
        Assert.Equal(2.5, result.Output[4].BaseObject);
    }

    [Fact]
    public void Piped_modules_and_components_bind_to_Module_and_Component()
    {
        var result = RunOnNewEdgeDevice(
            """
            Get-IoTCentralDeviceModule -DeviceId $deviceId | Get-IoTCentralDeviceComponent | ForEach-Object { $_.Module + '/' + $_.Name }
            Get-IoTCentralDeviceModule -DeviceId $deviceId | Get-IoTCentralDeviceComponent |
                Set-IoTCentralDeviceProperty -Value @{ threshold = 3.5 } -PassThru | ForEach-Object { $_.Module + '/' + $_.Component + '/' + $_.Name }
            Get-IoTCentralDeviceModule -DeviceId $deviceId | Set-IoTCentralDeviceProperty -Value @{ sendInterval = 9 } -PassThru | ForEach-Object { $_.Module + '/' + $_.Name }
            """);
        result.AssertNoErrors();
        Assert.Equal(new object[] { "env/sensor", "env/sensor/threshold", "env/sendInterval", "env/threshold" }, result.Output.Select(o => o.BaseObject).ToArray());
    }

    [Fact]
    public void A_value_that_is_not_an_object_fails_before_any_request_and_the_service_refuses_read_only_properties()
    {
        var deviceId = NewPhone(simulated: false);
        var local = Run("Set-IoTCentralDeviceProperty -DeviceId $id -Value 42 -Verbose; Set-IoTCentralDeviceProperty -DeviceId $id -Value '[1,2]' -Verbose; Set-IoTCentralDeviceProperty -DeviceId $id -Value @{} -Verbose", ("id", deviceId));
        Assert.Equal(3, local.Errors.Count);
        Assert.All(local.Errors, e =>
        {
            Assert.Equal("IoTCentral.InvalidPropertyValue," + SetProperty, e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
        });
        Assert.False(SentAnyRequest(local));

        var refused = Run("Set-IoTCentralDeviceProperty -DeviceId $id -Component device_info -Value @{ manufacturer = 'x' }; 'went on'", ("id", deviceId));
        Assert.Equal("went on", refused.Output.Single().BaseObject);
        var error = Assert.Single(refused.Errors);
        Assert.Equal("IoTCentral.DeviceInvalidArgument," + SetProperty, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("requestId", error.ErrorDetails.Message);
    }

    [Fact]
    public void Properties_of_an_unknown_device_are_a_non_terminating_ObjectNotFound()
    {
        var result = Run("Get-IoTCentralDeviceProperty -DeviceId no-such-device -Component device_info; Get-IoTCentralDeviceComponent -DeviceId no-such-device; 'went on'");
        Assert.Equal("went on", result.Output.Single().BaseObject);
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e =>
        {
            Assert.StartsWith("IoTCentral.DeviceNotFound,", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category);
            Assert.Equal("no-such-device", e.TargetObject);
        });
    }
}
