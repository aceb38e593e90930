using System.Net;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Emulator.Tests;

/// <summary>
/// The preview's filter and orderby on DeviceTemplates_List and DeviceGroups_List, and maxpagesize on the lists that
/// take it (Devices_List has its own class, DeviceListOptionsTests).
/// </summary>
public sealed class PreviewListOptionsTests
{
    private const string Preview = "2022-10-31-preview";

    /// <summary>Each list with filter and orderby: its path and the schema of its collection.</summary>
    public static TheoryData<string, string> FilteredLists => new()
    {
        { "/deviceTemplates", "DeviceTemplateCollection" },
        { "/deviceGroups", "DeviceGroupCollection" },
    };

    /// <summary>Lists that take maxpagesize (the items <see cref="StartAsync"/> creates fill each with at least three).</summary>
    public static TheoryData<string> PagedLists => new()
    {
        "/deviceTemplates",
        "/deviceGroups",
        "/deviceGroups/all/devices",
        "/devices/g1/relationships",
        "/users",
    };

    private static string Preview_(string path, string query) => $"/api{path}?api-version={Preview}&{query}";

    /// <summary>Three templates and three groups named Zeta, Alpha, Alpha (ids t1..t3 and g1..g3), and related devices.</summary>
    private static async Task<TestEmulator> StartAsync()
    {
        var emulator = await TestEmulator.StartAsync(new EmulatorOptions { PageSize = 2 });
        var names = new[] { ("1", "Zeta"), ("2", "Alpha"), ("3", "Alpha") };
        foreach (var (n, name) in names)
        {
            var template = DeviceTemplates.WithContents($"dtmi:test:t{n};1");
            template["displayName"] = name;
            await DeviceTemplates.PutAsync(emulator.Admin, $"dtmi:test:t{n};1", template);
            Assert.Equal(HttpStatusCode.OK, (await emulator.Admin.PutAsync(ApiClient.Api($"/deviceGroups/g{n}"), new { displayName = name, filter = "SELECT * FROM devices" })).Status);
            Assert.Equal(HttpStatusCode.OK, (await emulator.Admin.PutAsync(ApiClient.Api($"/devices/g{n}"), new { displayName = name })).Status);
            Assert.Equal(HttpStatusCode.OK, (await emulator.Admin.PutAsync(ApiClient.Api($"/users/u{n}"), new { type = "email", email = $"u{n}@contoso.com", roles = new[] { new { role = RoleIds.Operator } } })).Status);
        }

        Assert.Equal(HttpStatusCode.OK, (await emulator.Admin.PutAsync(ApiClient.Api("/deviceGroups/all"), new { displayName = "All", filter = "SELECT * FROM devices" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await emulator.Admin.PutAsync(ApiClient.Api("/devices/g4"), new { })).Status);
        foreach (var target in new[] { "g2", "g3", "g4" })
        {
            Assert.Equal(HttpStatusCode.OK, (await emulator.Admin.PutAsync(ApiClient.Api($"/devices/g1/relationships/r{target}"), new { source = "g1", target })).Status);
        }

        return emulator;
    }

    private static List<string> Ids(IEnumerable<ApiResponse> pages) =>
        pages.SelectMany(p => p.Json.GetProperty("value").EnumerateArray()
            .Select(v => (v.TryGetProperty("id", out var id) ? id : v.GetProperty("@id")).GetString()!)).ToList();

    // Template ids are DTMIs (in "@id"); the test names them by their middle part so one expectation fits both lists.
    private static List<string> Short(IEnumerable<string> ids) => ids.Select(id => id.StartsWith("dtmi:test:t", StringComparison.Ordinal) ? "g" + id[11..^2] : id).ToList();

    [Theory]
    [MemberData(nameof(FilteredLists))]
    public async Task Filter_and_orderby_select_and_order_across_pages(string path, string schema)
    {
        await using var emulator = await StartAsync();

        var alpha = await emulator.Admin.GetAllPagesAsync(Preview_(path, "filter=" + Uri.EscapeDataString("displayName eq 'Alpha'")));
        var byName = await emulator.Admin.GetAllPagesAsync(Preview_(path, "orderby=" + Uri.EscapeDataString("displayName desc") + "&filter=" + Uri.EscapeDataString("displayName ne 'All'")));
        var byId = await emulator.Admin.GetAllPagesAsync(Preview_(path, "orderby=id%20desc&maxpagesize=1&filter=" + Uri.EscapeDataString("id ne 'all'")));

        Assert.Equal(["g2", "g3"], Short(Ids(alpha)));
        Assert.Equal(["g1", "g3", "g2"], Short(Ids(byName)));
        Assert.Equal(["g3", "g2", "g1"], Short(Ids(byId)));
        Assert.Equal(3, byId.Count);
        var nextLink = byId[0].Json.GetProperty("nextLink").GetString()!;
        Assert.Contains("orderby=id%20desc", nextLink);
        Assert.Contains("maxpagesize=1", nextLink);
        foreach (var page in alpha.Concat(byName).Concat(byId))
        {
            await PreviewSpecSchemas.AssertValidAsync(schema, page.Body);
        }
    }

    [Theory]
    [MemberData(nameof(FilteredLists))]
    public async Task Unsupported_expressions_are_400_in_the_error_shape(string path, string schema)
    {
        _ = schema;
        await using var emulator = await StartAsync();

        foreach (var (query, expected) in new[]
                 {
                     ("filter=" + Uri.EscapeDataString("enabled eq true"), "'enabled'"),
                     ("filter=" + Uri.EscapeDataString("displayName gt 'A'"), "'gt'"),
                     ("orderby=template", "orderby"),
                     ("maxpagesize=101", "maxpagesize"),
                     ("maxpagesize=0", "maxpagesize"),
                 })
        {
            var message = await ErrorAssert.IsErrorAsync(await emulator.Admin.GetAsync(Preview_(path, query)), HttpStatusCode.BadRequest);
            Assert.Contains(expected, message);
        }
    }

    [Theory]
    [MemberData(nameof(FilteredLists))]
    public async Task Filter_or_orderby_under_the_GA_api_version_is_400_naming_the_preview(string path, string schema)
    {
        _ = schema;
        await using var emulator = await StartAsync();

        foreach (var query in new[] { "filter=" + Uri.EscapeDataString("id eq 'g1'"), "orderby=id" })
        {
            var message = await ErrorAssert.IsErrorAsync(await emulator.Admin.GetAsync(ApiClient.Api(path) + "&" + query), HttpStatusCode.BadRequest);
            Assert.Contains(Preview, message);
        }
    }

    [Theory]
    [MemberData(nameof(PagedLists))]
    public async Task Maxpagesize_pages_every_item_once(string path)
    {
        await using var emulator = await StartAsync();

        var plain = await emulator.Admin.GetAllPagesAsync($"/api{path}?api-version={Preview}");
        var paged = await emulator.Admin.GetAllPagesAsync(Preview_(path, "maxpagesize=1"));

        Assert.True(Ids(plain).Count >= 3);
        Assert.Equal(Ids(plain), Ids(paged));
        Assert.All(paged, page => Assert.Single(page.Json.GetProperty("value").EnumerateArray()));
        Assert.All(paged.SkipLast(1), page => Assert.Contains("maxpagesize=1", page.Json.GetProperty("nextLink").GetString()));
    }
}
