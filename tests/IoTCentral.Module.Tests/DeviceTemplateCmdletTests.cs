using System.Management.Automation;

namespace IoTCentral.Module.Tests;

public sealed class DeviceTemplateCmdletTests : DeviceDataTestBase
{
    private const string NewTemplate = "IoTCentral.Commands.DeviceTemplate.NewIoTCentralDeviceTemplateCommand";

    public DeviceTemplateCmdletTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    private static string SmallTemplate(string id) => $$$"""
        {"@id":"{{{id}}}","@type":["ModelDefinition","DeviceModel"],"displayName":"Small",
         "capabilityModel":{"@id":"{{{id.Replace(";1", ":cm;1")}}}","@type":"Interface","contents":[
           {"@type":"Telemetry","name":"temperature","schema":"double"}]}}
        """;

    private static string UniqueDtmi(string name) => "dtmi:test:" + name + Guid.NewGuid().ToString("N")[..8] + ";1";

    [Fact]
    public void The_sample_template_is_listed_got_by_id_and_its_capability_model_reads_like_json()
    {
        var result = Run(
            """
            Get-IoTCentralDeviceTemplate | Where-Object Id -eq $id
            $t = Get-IoTCentralDeviceTemplate -Id $id
            $t.CapabilityModel.contents | Where-Object { $_.'@type' -eq 'Component' } | ForEach-Object { $_.name }
            [pscustomobject]@{ Id = $id } | Get-IoTCentralDeviceTemplate | ForEach-Object DisplayName
            """,
            ("id", PhoneTemplateId));
        result.AssertNoErrors();
        Assert.Equal("IoTCentral.Models.DeviceTemplate", result.Output[0].BaseObject.GetType().FullName);
        Assert.Equal(new object[] { "sensors", "device_info" }, result.Output.Skip(1).Take(2).Select(o => o.BaseObject).ToArray());
        Assert.Equal("Phone as a device", result.Output[3].BaseObject);
    }

    [Fact]
    public void A_template_that_devices_use_is_not_removed()
    {
        var id = UniqueDtmi("used");
        var device = "uses-" + Guid.NewGuid().ToString("N")[..8];
        var result = Run(
            """
            $json | New-IoTCentralDeviceTemplate | Out-Null
            New-IoTCentralDevice -Id $device -Template $id | Out-Null
            Remove-IoTCentralDeviceTemplate -Id $id -Force
            (Get-IoTCentralDeviceTemplate -Id $id).Id
            """,
            ("json", SmallTemplate(id)),
            ("id", id),
            ("device", device));
        Assert.Equal(id, Assert.Single(result.Output).BaseObject);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("IoTCentral.DeviceTemplateInUse,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceBusy, error.CategoryInfo.Category);
        Assert.Equal(id, error.TargetObject);
    }

    [Fact]
    public void Templates_are_published_from_a_hashtable_from_json_text_and_copied_from_a_template_object()
    {
        var fromHashtable = UniqueDtmi("hash");
        var fromJson = UniqueDtmi("json");
        var result = Run(
            """
            New-IoTCentralDeviceTemplate -InputObject @{
                '@id' = $a; '@type' = @('ModelDefinition', 'DeviceModel'); displayName = 'From a hashtable'
                capabilityModel = @{ '@id' = 'dtmi:test:cm;1'; '@type' = 'Interface'; contents = @(@{ '@type' = 'Telemetry'; name = 'level'; schema = 'double' }) }
            }
            $json | New-IoTCentralDeviceTemplate
            Get-IoTCentralDeviceTemplate -Id $a | New-IoTCentralDeviceTemplate -WhatIf -Verbose
            """,
            ("a", fromHashtable),
            ("json", SmallTemplate(fromJson)));
        result.AssertNoErrors();
        Assert.Equal(2, result.Output.Count);
        Assert.Equal(fromHashtable, result.Output[0].Properties["Id"].Value);
        Assert.Equal("From a hashtable", result.Output[0].Properties["DisplayName"].Value);
        Assert.Equal(fromJson, result.Output[1].Properties["Id"].Value);
    }

    [Fact]
    public void Set_merges_the_display_name_and_passes_through_and_remove_honours_whatif_then_deletes()
    {
        var id = UniqueDtmi("set");
        var result = Run(
            """
            $json | New-IoTCentralDeviceTemplate | Out-Null
            Set-IoTCentralDeviceTemplate -Id $id -DisplayName 'Renamed'
            Get-IoTCentralDeviceTemplate -Id $id | Set-IoTCentralDeviceTemplate -Description 'Lab' -PassThru
            Remove-IoTCentralDeviceTemplate -Id $id -Force -WhatIf
            (Get-IoTCentralDeviceTemplate -Id $id).Id
            Get-IoTCentralDeviceTemplate -Id $id | Remove-IoTCentralDeviceTemplate -Force
            Get-IoTCentralDeviceTemplate | Where-Object Id -eq $id
            """,
            ("id", id),
            ("json", SmallTemplate(id)));
        result.AssertNoErrors();
        Assert.Equal(2, result.Output.Count);
        Assert.Equal("Renamed", result.Output[0].Properties["DisplayName"].Value);
        Assert.Equal("Lab", result.Output[0].Properties["Description"].Value);
        Assert.Equal(id, result.Output[1].BaseObject);
    }

    [Fact]
    public void Set_without_a_change_stops_before_any_request()
    {
        var result = Run("Set-IoTCentralDeviceTemplate -Id $id -Verbose", ("id", PhoneTemplateId));
        Assert.Equal("IoTCentral.NoChangesSpecified,IoTCentral.Commands.DeviceTemplate.SetIoTCentralDeviceTemplateCommand", result.TerminatingRecord!.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, result.TerminatingRecord.CategoryInfo.Category);
        Assert.False(SentAnyRequest(result));
    }

    [Theory]
    [InlineData("""{"@type":["ModelDefinition","DeviceModel"],"capabilityModel":{"@type":"Interface"}}""", "no \"@id\"")]
    [InlineData("""{"@id":"urn:contoso:phone:1","@type":["ModelDefinition","DeviceModel"],"capabilityModel":{}}""", "is not valid: a device template id is a DTMI")]
    [InlineData("""{"@id":"dtmi:contoso:x;1","capabilityModel":{}}""", "no \"@type\"")]
    [InlineData("""{"@id":"dtmi:contoso:x;1","@type":"Interface","contents":[]}""", "looks like a DTDL interface")]
    [InlineData("""{"@id":"dtmi:contoso:x;1","@type":["ModelDefinition"],""", "not valid JSON")]
    [InlineData("""[1, 2]""", "is a JSON object")]
    public void A_bad_template_file_is_reported_by_name_before_any_request(string content, string expected)
    {
        var file = Path.Combine(Path.GetTempPath(), "template-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(file, content);
        try
        {
            var result = Run("New-IoTCentralDeviceTemplate -Path $file -Verbose; 'went on'", ("file", file));
            var error = Assert.Single(result.Errors);
            Assert.Equal("IoTCentral.InvalidDeviceTemplate," + NewTemplate, error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
            Assert.Equal(file, error.TargetObject);
            Assert.Contains(file, error.Exception.Message);
            Assert.Contains(expected, error.Exception.Message);
            Assert.Equal("went on", result.Output.Single().BaseObject);
            Assert.False(SentAnyRequest(result));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_missing_file_and_a_non_object_input_fail_before_any_request()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-template-" + Guid.NewGuid().ToString("N") + ".json");
        var result = Run("New-IoTCentralDeviceTemplate -Path $file -Verbose; New-IoTCentralDeviceTemplate -InputObject 42 -Verbose", ("file", missing));
        Assert.Equal(2, result.Errors.Count);
        Assert.Equal("IoTCentral.TemplateFileNotFound," + NewTemplate, result.Errors[0].FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, result.Errors[0].CategoryInfo.Category);
        Assert.Equal("IoTCentral.InvalidDeviceTemplate," + NewTemplate, result.Errors[1].FullyQualifiedErrorId);
        Assert.False(SentAnyRequest(result));
    }

    [Fact]
    public void An_unknown_template_is_a_non_terminating_ObjectNotFound_with_the_id_as_target()
    {
        var result = Run("Get-IoTCentralDeviceTemplate -Id 'dtmi:no:such;1'; Remove-IoTCentralDeviceTemplate -Id 'dtmi:no:such;1' -Force; 'went on'");
        Assert.Equal("went on", result.Output.Single().BaseObject);
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e =>
        {
            Assert.StartsWith("IoTCentral.DeviceTemplateNotFound,", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category);
            Assert.Equal("dtmi:no:such;1", e.TargetObject);
        });
    }

    [Fact]
    public void A_template_id_that_is_not_a_dtmi_is_refused_by_parameter_validation()
    {
        var result = Run("Get-IoTCentralDeviceTemplate -Id 'not a dtmi' -Verbose");
        Assert.StartsWith("ParameterArgumentValidationError,", result.TerminatingRecord!.FullyQualifiedErrorId);
        Assert.False(SentAnyRequest(result));
    }
}
