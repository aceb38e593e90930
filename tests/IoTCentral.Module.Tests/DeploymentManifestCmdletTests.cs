using System.Management.Automation;

namespace IoTCentral.Module.Tests;

/// <summary>
/// Get-/New-/Set-/Remove-IoTCentralDeploymentManifest and Publish-IoTCentralDeploymentManifest against the emulator
/// (preview api-version). The phone template of the base class has no IoT Edge modules, so its devices are not edge devices.
/// </summary>
public sealed class DeploymentManifestCmdletTests : DeviceDataTestBase
{
    // A bare IoT Edge deployment, as deployment.json files hold it.
    private const string DeploymentScript = """
        $deployment = @{ modulesContent = @{
            '$edgeAgent' = @{ 'properties.desired' = @{ schemaVersion = '1.1'; modules = @{
                SimulatedTemperatureSensor = @{ type = 'docker'; status = 'running'; restartPolicy = 'always'
                    settings = @{ image = 'mcr.microsoft.com/azureiotedge-simulated-temperature-sensor:1.0' } } } } }
            '$edgeHub' = @{ 'properties.desired' = @{ schemaVersion = '1.1'; routes = @{ upstream = 'FROM /messages/* INTO $upstream' } } } } }
        """;

    private const string EdgeTemplateScript = """
        $edgeTemplate = New-IoTCentralDeviceTemplate -InputObject @{
            '@id' = $edgeTemplateId; '@type' = @('ModelDefinition', 'DeviceModel'); displayName = 'Edge gateway'
            capabilityModel = @{ '@id' = 'dtmi:test:manifest:cm;1'; '@type' = 'Interface'; contents = @(
                @{ '@type' = @('Relationship', 'EdgeModule'); name = 'SimulatedTemperatureSensor'
                   target = @(@{ '@id' = 'dtmi:test:manifest:sensor;1'; '@type' = 'Interface'; contents = @() }) }) }
        }
        """;

    public DeploymentManifestCmdletTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public void A_manifest_from_a_deployment_file_round_trips_and_applies_to_an_edge_device()
    {
        // A bare deployment as Visual Studio Code writes deployment.json: it becomes the manifest's data.
        var file = Path.GetTempFileName();
        File.WriteAllText(file, """
            { "modulesContent": {
                "$edgeAgent": { "properties.desired": { "schemaVersion": "1.1", "modules": {
                    "SimulatedTemperatureSensor": { "type": "docker", "settings": { "image": "mcr.microsoft.com/azureiotedge-simulated-temperature-sensor:1.0" } } } } },
                "$edgeHub": { "properties.desired": { "schemaVersion": "1.1", "routes": {} } } } }
            """);
        PowerShellResult result;
        try
        {
            result = Run(
                EdgeTemplateScript + """

                New-IoTCentralDeploymentManifest -Id $id -DisplayName 'Sensor' -Path $file
                Set-IoTCentralDeploymentManifest -Id $id -DisplayName 'Sensor 1.1' -Verbose
                $read = Get-IoTCentralDeploymentManifest -Id $id
                $read
                New-IoTCentralDevice -Id $deviceId -Template $edgeTemplate.Id | Out-Null
                $read | Publish-IoTCentralDeploymentManifest -DeviceId $deviceId -PassThru
                Publish-IoTCentralDeploymentManifest -DeviceId $deviceId -ManifestId $id
                Remove-IoTCentralDeploymentManifest -Id $id -Force
                Get-IoTCentralDeploymentManifest -Id $id
                """,
                ("id", UniqueId("sensor").Replace("-", ";", StringComparison.Ordinal)),
                ("edgeTemplateId", "dtmi:test:manifest" + Guid.NewGuid().ToString("N")[..8] + ";1"),
                ("deviceId", UniqueId("edge")),
                ("file", file));
        }
        finally
        {
            File.Delete(file);
        }

        Assert.True(result.Output.Count == 3, string.Join(" | ", result.Errors.Select(e => e.FullyQualifiedErrorId + " " + e)));
        var created = result.Output[0];
        Assert.Equal("IoTCentral.Models.DeploymentManifest", created.BaseObject.GetType().FullName);
        Assert.Equal("Sensor", created.Properties["DisplayName"].Value);
        var data = (PSObject)created.Properties["Data"].Value;
        Assert.NotNull(data.Properties["modulesContent"]);
        Assert.Contains(result.Verbose, v => v.StartsWith("PATCH ", StringComparison.Ordinal) && v.Contains("2022-10-31-preview", StringComparison.Ordinal));
        Assert.Equal("Sensor 1.1", result.Output[1].Properties["DisplayName"].Value);
        var applied = result.Output[2];
        Assert.Equal("Sensor 1.1", applied.Properties["DisplayName"].Value);
        Assert.NotNull(((PSObject)applied.Properties["Data"].Value).Properties["modulesContent"]);

        var notFound = Assert.Single(result.Errors);
        Assert.StartsWith("IoTCentral.DeploymentManifestNotFound,", notFound.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, notFound.CategoryInfo.Category);
    }

    [Fact]
    public void Applying_to_a_device_that_is_not_an_edge_device_or_an_unknown_manifest_is_a_mapped_error()
    {
        var phone = NewPhone(simulated: false);
        var result = Run(
            DeploymentScript + """

            $manifest = New-IoTCentralDeploymentManifest -Id $id -DisplayName 'Sensor' -Definition $deployment
            Publish-IoTCentralDeploymentManifest -DeviceId $phone -ManifestId $id
            Publish-IoTCentralDeploymentManifest -DeviceId $phone -ManifestId nosuchmanifest -Verbose
            $manifest | Publish-IoTCentralDeploymentManifest -DeviceId $phone -WhatIf
            [IoTCentral.Models.DeploymentManifest]::new() | Publish-IoTCentralDeploymentManifest -DeviceId $phone -Verbose
            Remove-IoTCentralDeploymentManifest -Id $id -Force
            """,
            ("id", UniqueId("m").Replace("-", ":", StringComparison.Ordinal)),
            ("phone", phone));

        Assert.Empty(result.Output);
        Assert.Equal(3, result.Errors.Count);
        Assert.StartsWith("IoTCentral.DeviceIsNotAnEdgeDevice,", result.Errors[0].FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, result.Errors[0].CategoryInfo.Category);
        Assert.Equal(phone, result.Errors[0].TargetObject);
        Assert.StartsWith("IoTCentral.DeploymentManifestNotFound,", result.Errors[1].FullyQualifiedErrorId);
        Assert.Equal("nosuchmanifest", result.Errors[1].TargetObject);
        Assert.StartsWith("IoTCentral.InvalidDeploymentManifest,", result.Errors[2].FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, result.Errors[2].CategoryInfo.Category);
        Assert.Contains("'data'", result.Errors[2].Exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Verbose, v => v.Contains("applyDeploymentManifest", StringComparison.Ordinal));
    }

    [Fact]
    public void An_invalid_manifest_is_refused_before_any_request_and_a_stale_etag_is_a_precondition_error()
    {
        var result = Run(
            """
            New-IoTCentralDeploymentManifest -Id bad -Json '{"displayName": "x", "data": ' -Verbose
            New-IoTCentralDeploymentManifest -Id bad -DisplayName 'No data' -Verbose
            New-IoTCentralDeploymentManifest -Id bad -Json '{"displayName": "x", "data": [1, 2]}' -Verbose
            New-IoTCentralDeploymentManifest -Id bad -Json '[]' -Verbose
            """);
        Assert.Empty(result.Output);
        Assert.False(SentAnyRequest(result), string.Join("\n", result.Verbose));
        Assert.Equal(4, result.Errors.Count);
        Assert.All(result.Errors, e =>
        {
            Assert.StartsWith("IoTCentral.InvalidDeploymentManifest,", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
        });
        Assert.Contains("'data' is required", result.Errors[1].Exception.Message, StringComparison.Ordinal);

        var stale = Run(
            """
            $first = New-IoTCentralDeploymentManifest -Id $id -Json '{"displayName": "One", "data": {"modulesContent": {}}}'
            Set-IoTCentralDeploymentManifest -Id $id -DisplayName 'Two'
            $first | Set-IoTCentralDeploymentManifest -DisplayName 'Three'
            (Get-IoTCentralDeploymentManifest -Id $id).DisplayName
            Remove-IoTCentralDeploymentManifest -Id $id -WhatIf
            Remove-IoTCentralDeploymentManifest -Id $id -Force
            """,
            ("id", UniqueId("m").Replace("-", ":", StringComparison.Ordinal)));
        Assert.Equal("Two", Assert.Single(stale.Output).BaseObject);
        var precondition = Assert.Single(stale.Errors);
        Assert.StartsWith("IoTCentral.DeploymentManifestPreconditionFailed,", precondition.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.WriteError, precondition.CategoryInfo.Category);
    }
}
