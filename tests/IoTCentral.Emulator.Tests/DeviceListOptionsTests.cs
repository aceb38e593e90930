using System.Net;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Emulator.Tests;

/// <summary>The preview's filter, orderby and maxpagesize on Devices_List (the subset docs/emulator.md lists).</summary>
public sealed class DeviceListOptionsTests
{
    private const string Preview = "2022-10-31-preview";

    private static string List(string query) => $"/api/devices?api-version={Preview}&{query}";

    private static async Task<TestEmulator> StartWithDevicesAsync()
    {
        var emulator = await TestEmulator.StartAsync(new EmulatorOptions { PageSize = 2 });
        var devices = new (string Id, object Body)[]
        {
            ("d1", new { displayName = "Zeta", enabled = true, simulated = false, template = "dtmi:a:one;1" }),
            ("d2", new { displayName = "Alpha", enabled = false, simulated = true }),
            ("d3", new { displayName = "Mid's", enabled = true, simulated = true }),
            ("d4", new { displayName = "Alpha", enabled = true, simulated = false }),
            ("d5", new { displayName = "Beta", enabled = false, simulated = false }),
        };
        foreach (var (id, body) in devices)
        {
            Assert.Equal(HttpStatusCode.OK, (await emulator.Admin.PutAsync(ApiClient.Api($"/devices/{id}"), body)).Status);
        }

        return emulator;
    }

    private static List<string> Ids(IEnumerable<ApiResponse> pages) =>
        pages.SelectMany(p => p.Json.GetProperty("value").EnumerateArray().Select(v => v.GetProperty("id").GetString()!)).ToList();

    [Theory]
    [InlineData("enabled eq true", new[] { "d1", "d3", "d4" })]
    [InlineData("enabled eq true and simulated eq false", new[] { "d1", "d4" })]
    [InlineData("simulated eq true or displayName eq 'Beta'", new[] { "d2", "d3", "d5" })]
    [InlineData("displayName ne 'Alpha' and (enabled eq false or simulated eq true)", new[] { "d3", "d5" })]
    [InlineData("displayName eq 'Mid''s'", new[] { "d3" })]
    [InlineData("template eq 'dtmi:a:one;1'", new[] { "d1" })]
    [InlineData("template eq null", new[] { "d2", "d3", "d4", "d5" })]
    [InlineData("ID EQ 'd2'", new[] { "d2" })]
    public async Task Filter_selects_devices_across_pages(string filter, string[] expected)
    {
        await using var emulator = await StartWithDevicesAsync();

        var pages = await emulator.Admin.GetAllPagesAsync(List("filter=" + Uri.EscapeDataString(filter)));

        Assert.Equal(expected, Ids(pages));
        foreach (var page in pages)
        {
            await SpecSchemas.AssertValidAsync("DeviceCollection", page.Body);
        }
    }

    [Fact]
    public async Task Orderby_displayName_desc_with_maxpagesize_keeps_the_options_in_every_nextLink()
    {
        await using var emulator = await StartWithDevicesAsync();

        var pages = await emulator.Admin.GetAllPagesAsync(List("orderby=displayName%20desc&maxpagesize=1&filter=" + Uri.EscapeDataString("id ne 'd5'")));

        Assert.Equal(["d1", "d3", "d4", "d2"], Ids(pages));
        Assert.Equal(4, pages.Count);
        var nextLink = pages[0].Json.GetProperty("nextLink").GetString()!;
        Assert.Contains("orderby=displayName%20desc", nextLink);
        Assert.Contains("maxpagesize=1", nextLink);
        Assert.Contains("api-version=" + Preview, nextLink);
    }

    [Fact]
    public async Task Orderby_displayName_breaks_ties_by_id_and_id_desc_reverses()
    {
        await using var emulator = await StartWithDevicesAsync();

        Assert.Equal(["d2", "d4", "d5", "d3", "d1"], Ids(await emulator.Admin.GetAllPagesAsync(List("orderby=displayName"))));
        Assert.Equal(["d5", "d4", "d3", "d2", "d1"], Ids(await emulator.Admin.GetAllPagesAsync(List("orderby=id%20desc"))));
    }

    [Theory]
    [InlineData("filter=" + "organizations%20eq%20'x'", "organizations")]
    [InlineData("filter=" + "enabled%20gt%20true", "'gt'")]
    [InlineData("filter=" + "enabled%20eq%20'yes'", "true or false")]
    [InlineData("filter=" + "displayName%20eq%20true", "a string")]
    [InlineData("filter=" + "(enabled%20eq%20true", "not closed")]
    [InlineData("filter=" + "enabled%20eq%20true%20xor", "unexpected text")]
    [InlineData("orderby=" + "template", "orderby")]
    [InlineData("orderby=" + "id%20sideways", "orderby")]
    public async Task Unsupported_expressions_are_400_naming_the_problem(string query, string expected)
    {
        await using var emulator = await StartWithDevicesAsync();

        var response = await emulator.Admin.GetAsync(List(query));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains(expected, response.Json.GetProperty("error").GetProperty("message").GetString());
        await SpecSchemas.AssertValidAsync("Error", response.Body);
    }

    [Fact]
    public async Task Filter_under_the_GA_api_version_is_400()
    {
        await using var emulator = await StartWithDevicesAsync();

        var response = await emulator.Admin.GetAsync(ApiClient.Api("/devices") + "&filter=" + Uri.EscapeDataString("enabled eq true"));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains(Preview, response.Json.GetProperty("error").GetProperty("message").GetString());
    }
}
