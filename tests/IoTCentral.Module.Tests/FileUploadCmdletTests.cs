using System.Management.Automation;

namespace IoTCentral.Module.Tests;

/// <summary>
/// Get-/New-/Set-/Remove-IoTCentralFileUpload against the emulator (real clock: a change settles one second after it
/// is made, so -Wait polls a few times). The class has its own emulator, so the one configuration is its alone.
/// </summary>
public sealed class FileUploadCmdletTests : ModuleTestBase
{
    private const string Key = "c2VjcmV0LXN0b3JhZ2Uta2V5LXZhbHVl";
    private const string ConnectionText = "DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=" + Key + ";EndpointSuffix=core.windows.net";

    public FileUploadCmdletTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public void A_configuration_goes_through_its_states_and_keeps_its_secret_out_of_every_stream()
    {
        var result = RunWith(
            """
            $created = New-IoTCentralFileUpload -ConnectionString $connection -Container uploads -SasTtl ([timespan]::FromHours(2)) -Verbose -Debug
            $created
            Get-IoTCentralFileUpload -Wait -PollInterval 0.2
            Set-IoTCentralFileUpload -Container archive -ReadAccess -PassThru -Wait -PollInterval 0.2
            Set-IoTCentralFileUpload -Container stale -ETag $created.ETag
            Remove-IoTCentralFileUpload -Force -Wait -PollInterval 0.2
            Get-IoTCentralFileUpload
            """,
            ("connection", Secrets.Protect(ConnectionText)));

        Assert.True(result.Output.Count == 3, string.Join(" | ", result.Output.Select(o => o?.BaseObject?.ToString() ?? "null")) + " || " + string.Join(" | ", result.Errors.Select(e => e.FullyQualifiedErrorId + " " + e)));
        var created = result.Output[0];
        Assert.Equal("IoTCentral.Models.FileUpload", created.BaseObject.GetType().FullName);
        Assert.Equal("pending", created.Properties["State"].Value);
        Assert.Equal(TimeSpan.FromHours(2), created.Properties["SasTtl"].Value);
        Assert.Null(created.Properties["ConnectionString"]);
        Assert.Equal("succeeded", result.Output[1].Properties["State"].Value);
        Assert.Equal("archive", result.Output[2].Properties["Container"].Value);
        Assert.Equal(true, result.Output[2].Properties["ReadAccess"].Value);
        Assert.Equal("succeeded", result.Output[2].Properties["State"].Value);
        Assert.Contains(result.Progress, p => p.Activity == "Waiting for the file upload configuration");

        Assert.True(result.Errors.Count == 2, string.Join("\n", result.Errors.Select(e => e.FullyQualifiedErrorId)));
        Assert.StartsWith("IoTCentral.FileUploadPreconditionFailed,", result.Errors[0].FullyQualifiedErrorId);
        Assert.StartsWith("IoTCentral.FileUploadNotFound,", result.Errors[1].FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, result.Errors[1].CategoryInfo.Category);
        Assert.DoesNotContain(Key, result.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_input_is_refused_before_anything_is_sent()
    {
        var result = RunWith(
            """
            New-IoTCentralFileUpload -ConnectionString $connection -Container uploads -SasTtl ([timespan]::FromMilliseconds(1500))
            """,
            ("connection", Secrets.Protect(ConnectionText)));
        Assert.Empty(result.Output);
        Assert.StartsWith("IoTCentral.InvalidSasTtl,", result.TerminatingRecord!.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, result.TerminatingRecord.CategoryInfo.Category);

        var none = RunWith("Set-IoTCentralFileUpload");
        Assert.StartsWith("IoTCentral.NoChangesSpecified,", none.TerminatingRecord!.FullyQualifiedErrorId);

        var whatIf = RunWith("New-IoTCentralFileUpload -ConnectionString $connection -Container uploads -WhatIf; Get-IoTCentralFileUpload", ("connection", Secrets.Protect(ConnectionText)));
        Assert.Empty(whatIf.Output);
        Assert.StartsWith("IoTCentral.FileUploadNotFound,", Assert.Single(whatIf.Errors).FullyQualifiedErrorId);
    }
}
