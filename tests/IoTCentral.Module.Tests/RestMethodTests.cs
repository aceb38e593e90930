using System.Collections;
using System.Management.Automation;

namespace IoTCentral.Module.Tests;

public sealed class RestMethodTests : ModuleTestBase
{
    public RestMethodTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public void Get_returns_json_as_PSCustomObjects()
    {
        var result = Shell.Run("(Invoke-IoTCentralRestMethod GET '/roles/ae2c9854-393b-4f97-8c42-479d70ce626e').displayName");
        result.AssertNoErrors();
        Assert.Equal("Operator", Assert.Single(result.Output).BaseObject);
    }

    [Fact]
    public void Put_sends_a_hashtable_body_and_WhatIf_sends_nothing()
    {
        var id = UniqueId("rest");
        var result = Shell.Run(
            """
            Invoke-IoTCentralRestMethod PUT "/devices/$id-skipped" -Body @{ displayName = 'never' } -WhatIf
            $d = Invoke-IoTCentralRestMethod PUT "/devices/$id" -Body @{ displayName = 'From REST'; simulated = $true }
            $d.displayName, $d.simulated
            Invoke-IoTCentralRestMethod GET "/devices/$id-skipped"
            """,
            new Hashtable { ["id"] = id });
        Assert.Equal(new object[] { "From REST", true }, result.Output.Select(o => o.BaseObject).ToArray());
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("IoTCentral.DeviceNotFound,IoTCentral.Commands.Rest.InvokeIoTCentralRestMethodCommand", error.FullyQualifiedErrorId);
    }

    [Fact]
    public void A_json_string_body_and_an_explicit_api_version_are_sent_as_given()
    {
        var id = UniqueId("json");
        var result = Shell.Run(
            """
            (Invoke-IoTCentralRestMethod PUT "/devices/$id" -Body '{"displayName":"json body"}' -ApiVersion 2022-10-31-preview).displayName
            Invoke-IoTCentralRestMethod GET '/roles' -ApiVersion 1999-01-01
            """,
            new Hashtable { ["id"] = id });
        Assert.Equal("json body", Assert.Single(result.Output).BaseObject);
        Assert.Equal(ErrorCategory.InvalidArgument, Assert.Single(result.Errors).CategoryInfo.Category);
    }

    [Fact]
    public void A_url_of_another_host_and_a_stream_body_are_refused_with_module_errors_before_sending()
    {
        var result = Shell.Run(
            """
            Invoke-IoTCentralRestMethod GET 'https://evil.example.com/api/devices' -Verbose
            Invoke-IoTCentralRestMethod PUT '/devices/stream-body' -Body ([System.IO.MemoryStream]::new([byte[]](1, 2, 3))) -Verbose
            'went on'
            """);
        Assert.Equal("went on", Assert.Single(result.Output).BaseObject);
        Assert.Equal(2, result.Errors.Count);
        Assert.StartsWith("IoTCentral.RequestToOtherHost,", result.Errors[0].FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.SecurityError, result.Errors[0].CategoryInfo.Category);
        Assert.StartsWith("IoTCentral.InvalidBody,", result.Errors[1].FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, result.Errors[1].CategoryInfo.Category);
        Assert.DoesNotContain(result.Verbose, v => v.Contains(" -> ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Get-IoTCentralDevice -Id '..'")]
    [InlineData("Remove-IoTCentralDevice -Id '.' -Force")]
    [InlineData("Get-IoTCentralDeviceCredential -DeviceId '..'")]
    [InlineData("Set-IoTCentralDevice -Id '.' -DisplayName x")]
    public void Dot_ids_fail_parameter_validation_instead_of_an_unhandled_exception(string script)
    {
        var result = Shell.Run(script);
        Assert.StartsWith("ParameterArgumentValidationError,", result.TerminatingRecord!.FullyQualifiedErrorId);
        Assert.Contains("cannot be '.' or '..'", result.TerminatingRecord.Exception.Message);
    }

    [Fact]
    public void A_body_over_4_MiB_is_refused_before_sending_with_its_own_error()
    {
        var id = UniqueId("big");
        var result = Shell.Run(
            """
            $big = 'x' * 5MB
            Invoke-IoTCentralRestMethod PUT "/devices/$id" -Body @{ displayName = $big }
            New-IoTCentralDeviceTemplate -InputObject @{
                '@id' = "dtmi:contoso:$($id.Replace('-', ''));1"; '@type' = @('ModelDefinition', 'DeviceModel'); displayName = 'Big'
                capabilityModel = @{ '@id' = "dtmi:contoso:$($id.Replace('-', '')):model;1"; '@type' = 'Interface'; description = $big; contents = @() }
            }
            Invoke-IoTCentralRestMethod GET "/devices/$id"
            """,
            new Hashtable { ["id"] = id });
        Assert.Empty(result.Output);
        Assert.Equal(3, result.Errors.Count);
        foreach (var error in result.Errors.Take(2))
        {
            Assert.StartsWith("IoTCentral.BodyTooLarge,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains("at most 4,194,304 bytes", error.Exception.Message);
        }

        // Nothing was sent, so the device was never created.
        Assert.StartsWith("IoTCentral.DeviceNotFound,", result.Errors[2].FullyQualifiedErrorId);
    }

    [Fact]
    public void All_streams_every_item_of_every_page_and_Select_First_stops_the_paging()
    {
        var id = UniqueId("all");
        Shell.Run("1..5 | ForEach-Object { New-IoTCentralDevice -Id \"$id-$_\" -DisplayName $id } | Out-Null", new Hashtable { ["id"] = id }).AssertNoErrors();
        const string path = "\"/devices?filter=$([uri]::EscapeDataString(\"displayName eq '$id'\"))\"";

        var all = Shell.Run($"Invoke-IoTCentralRestMethod GET {path} -ApiVersion 2022-10-31-preview -All -Verbose | ForEach-Object id", new Hashtable { ["id"] = id });
        all.AssertNoErrors();
        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"{id}-{i}"), all.Output.Select(o => (string)o.BaseObject));
        Assert.Equal(3, all.Verbose.Count(v => v.StartsWith("GET ", StringComparison.Ordinal)));

        var first = Shell.Run($"Invoke-IoTCentralRestMethod GET {path} -ApiVersion 2022-10-31-preview -All -Verbose | Select-First 1", new Hashtable { ["id"] = id });
        first.AssertNoErrors();
        Assert.Single(first.Output);
        Assert.Single(first.Verbose, v => v.StartsWith("GET ", StringComparison.Ordinal));
    }

    [Fact]
    public void All_on_a_single_resource_writes_it_and_All_with_another_method_is_refused_before_sending()
    {
        var result = Shell.Run(
            """
            (Invoke-IoTCentralRestMethod GET '/roles/ae2c9854-393b-4f97-8c42-479d70ce626e' -All).displayName
            Invoke-IoTCentralRestMethod DELETE '/devices/never-sent' -All -Verbose
            """);
        Assert.Equal("Operator", Assert.Single(result.Output).BaseObject);
        var error = Assert.Single(result.Errors);
        Assert.Equal("IoTCentral.AllNeedsGet,IoTCentral.Commands.Rest.InvokeIoTCentralRestMethodCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.DoesNotContain(result.Verbose, v => v.StartsWith("DELETE ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_preview_only_path_goes_with_the_preview_api_version_unless_one_is_given()
    {
        var result = Shell.Run(
            """
            Invoke-IoTCentralRestMethod POST '/query' -Body @{ query = 'SELECT TOP 1 $id FROM dtmi:none:such;1' } -Verbose | Out-Null
            Invoke-IoTCentralRestMethod GET '/roles' -Verbose | Out-Null
            Invoke-IoTCentralRestMethod POST '/query' -Body @{ query = 'SELECT TOP 1 $id FROM dtmi:none:such;1' } -ApiVersion 2022-07-31 -Verbose
            """);
        var sent = result.Verbose.Where(v => v.StartsWith("POST ", StringComparison.Ordinal) || v.StartsWith("GET ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, sent.Count);
        Assert.Contains("/api/query?api-version=2022-10-31-preview", sent[0]);
        Assert.Contains("/api/roles?api-version=2022-07-31", sent[1]);
        Assert.Contains("/api/query?api-version=2022-07-31", sent[2]);

        // Under the GA version the path does not exist: the explicit choice was sent, and failed, as asked.
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
    }
}
