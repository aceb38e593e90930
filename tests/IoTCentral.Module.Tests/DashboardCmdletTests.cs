using System.Management.Automation;

namespace IoTCentral.Module.Tests;

/// <summary>Get-/New-/Set-/Remove-IoTCentralDashboard against the emulator (preview api-version).</summary>
public sealed class DashboardCmdletTests : ModuleTestBase
{
    // One markdown tile: the smallest configuration the spec accepts.
    private const string TileScript = """
        $tile = @{ displayName = 'Notes'; x = 0; y = 0; width = 2; height = 2
                   configuration = @{ type = 'markdown'; description = 'Shift notes'; href = 'https://contoso.com/notes' } }
        """;

    public DashboardCmdletTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public void A_dashboard_read_edited_and_set_keeps_its_tiles_and_its_definition_and_a_json_file_create_copies()
    {
        var id = UniqueId("ops").Replace("-", ":", StringComparison.Ordinal);
        var file = Path.Combine(Path.GetTempPath(), id.Replace(':', '_') + ".json");
        File.WriteAllText(file, """
            {
              "displayName": "From a file",
              "tiles": [
                { "displayName": "Devices", "x": 0, "y": 0, "width": 1, "height": 1,
                  "configuration": { "type": "label", "text": "Devices", "textSize": 14 } }
              ]
            }
            """);
        using var cleanup = new TempFile(file);
        var result = RunWith(
            TileScript + """

            New-IoTCentralDashboard -Id $id -DisplayName 'Operations' -Definition @{ tiles = @($tile) } -Verbose
            $read = Get-IoTCentralDashboard -Id $id
            $read
            $read.Tiles[0].displayName = 'Notes for the shift'
            $read | Set-IoTCentralDashboard -DisplayName 'Operations 2' -Favorite -PassThru
            New-IoTCentralDashboard -Id ($id + 'copy') -Definition (Get-IoTCentralDashboard -Id $id).Definition
            New-IoTCentralDashboard -Id ($id + 'file') -Path $file
            Get-IoTCentralDashboard | Where-Object Id -Like "$id*" | Remove-IoTCentralDashboard -Force
            @(Get-IoTCentralDashboard | Where-Object Id -Like "$id*").Count
            """,
            ("id", id),
            ("file", file));

        result.AssertNoErrors();
        Assert.Equal(6, result.Output.Count);
        var created = result.Output[0];
        Assert.Equal("IoTCentral.Models.Dashboard", created.BaseObject.GetType().FullName);
        Assert.Equal(1, created.Properties["TileCount"].Value);
        Assert.Contains(result.Verbose, v => v.StartsWith("PUT ", StringComparison.Ordinal) && v.Contains("api-version=2022-10-31-preview", StringComparison.Ordinal));
        var read = (PSObject)result.Output[1];
        var tileId = (string)((PSObject)((object[])read.Properties["Tiles"].Value)[0]).Properties["id"].Value;

        var updated = result.Output[2];
        Assert.Equal("Operations 2", updated.Properties["DisplayName"].Value);
        Assert.Equal(true, updated.Properties["Favorite"].Value);
        var updatedTile = (PSObject)((object[])updated.Properties["Tiles"].Value)[0];
        Assert.Equal("Notes for the shift", updatedTile.Properties["displayName"].Value);
        Assert.Equal(tileId, updatedTile.Properties["id"].Value);

        var copy = result.Output[3];
        Assert.Equal(id + "copy", copy.Properties["Id"].Value);
        Assert.Equal("Operations 2", copy.Properties["DisplayName"].Value);
        Assert.Equal("markdown", ((PSObject)((PSObject)((object[])copy.Properties["Tiles"].Value)[0]).Properties["configuration"].Value).Properties["type"].Value);
        var fromFile = result.Output[4];
        Assert.Equal("From a file", fromFile.Properties["DisplayName"].Value);
        Assert.Equal(1, fromFile.Properties["TileCount"].Value);
        Assert.Equal(0, result.Output[5].BaseObject);
    }

    private sealed class TempFile(string path) : IDisposable
    {
        public void Dispose() => File.Delete(path);
    }

    [Fact]
    public void An_invalid_dashboard_is_refused_before_any_request()
    {
        var result = RunWith(
            TileScript + """

            New-IoTCentralDashboard -Id broken -Json '{"displayName": "x", "tiles": [' -Verbose
            $tile.width = 20
            $tile.configuration.type = 'sparkline'
            New-IoTCentralDashboard -Id broken -DisplayName 'Broken' -Definition @{ tiles = @($tile) } -Verbose
            New-IoTCentralDashboard -Id broken -Definition @{ tiles = @() } -Verbose
            Set-IoTCentralDashboard -Id broken -Json '{"displayName": null}' -Verbose
            New-IoTCentralDashboard -Id broken -Path ./no-such-dashboard.json -Verbose
            """);

        Assert.Empty(result.Output);
        Assert.False(SentAnyRequest(result), string.Join("\n", result.Verbose));
        Assert.Equal(5, result.Errors.Count);
        foreach (var error in result.Errors.Take(4))
        {
            Assert.StartsWith("IoTCentral.InvalidDashboard,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        }

        Assert.Contains("-Json", result.Errors[0].Exception.Message, StringComparison.Ordinal);
        Assert.Contains("tiles[0].width", result.Errors[1].Exception.Message, StringComparison.Ordinal);
        Assert.Contains("sparkline", result.Errors[1].Exception.Message, StringComparison.Ordinal);
        Assert.Contains("displayName", result.Errors[2].Exception.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be removed", result.Errors[3].Exception.Message, StringComparison.Ordinal);
        Assert.StartsWith("IoTCentral.DefinitionFileNotFound,", result.Errors[4].FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, result.Errors[4].CategoryInfo.Category);

        var badId = RunWith("New-IoTCentralDashboard -Id 'no spaces' -DisplayName x");
        Assert.NotNull(badId.TerminatingRecord);
        Assert.StartsWith("ParameterArgumentValidationError,", badId.TerminatingRecord!.FullyQualifiedErrorId);
    }

    [Fact]
    public void A_stale_etag_an_unknown_id_and_WhatIf_change_nothing()
    {
        var id = UniqueId("etag").Replace("-", ":", StringComparison.Ordinal);
        var result = RunWith(
            """
            $first = New-IoTCentralDashboard -Id $id -DisplayName 'First'
            Set-IoTCentralDashboard -Id $id -DisplayName 'Second'
            $first | Set-IoTCentralDashboard -DisplayName 'Third'
            Set-IoTCentralDashboard -Id $id -DisplayName 'Fourth' -ETag $first.ETag
            Get-IoTCentralDashboard -Id nosuchdashboard
            Set-IoTCentralDashboard -Id $id -DisplayName 'WhatIf' -WhatIf
            Remove-IoTCentralDashboard -Id $id -WhatIf
            (Get-IoTCentralDashboard -Id $id).DisplayName
            Set-IoTCentralDashboard -Id $id
            """,
            ("id", id));

        Assert.Equal("Second", Assert.Single(result.Output).BaseObject);
        Assert.Equal(4, result.Errors.Count);
        Assert.StartsWith("IoTCentral.DashboardPreconditionFailed,", result.Errors[0].FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.WriteError, result.Errors[0].CategoryInfo.Category);
        Assert.StartsWith("IoTCentral.DashboardPreconditionFailed,", result.Errors[1].FullyQualifiedErrorId);
        Assert.StartsWith("IoTCentral.DashboardNotFound,", result.Errors[2].FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, result.Errors[2].CategoryInfo.Category);
        Assert.StartsWith("IoTCentral.NoChangesSpecified,", result.Errors[3].FullyQualifiedErrorId);
        Assert.Equal("nosuchdashboard", result.Errors[2].TargetObject);
    }
}
