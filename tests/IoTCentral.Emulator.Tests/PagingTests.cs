using System.Net;
using System.Text.Json;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Emulator.Tests;

public sealed class PagingTests
{
    private static Task<TestEmulator> StartAsync() => TestEmulator.StartAsync(new EmulatorOptions { PageSize = 2 });

    private static async Task CreateDevicesAsync(ApiClient admin, IEnumerable<string> ids)
    {
        foreach (var id in ids)
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync(ApiClient.Api($"/devices/{id}"), new { displayName = id })).Status);
        }
    }

    private static List<string> Ids(IEnumerable<ApiResponse> pages) =>
        pages.SelectMany(p => p.Json.GetProperty("value").EnumerateArray().Select(v => v.GetProperty("id").GetString()!)).ToList();

    [Fact]
    public async Task DeviceList_FollowsNextLink_AndReturnsEachDeviceExactlyOnce()
    {
        await using var emulator = await StartAsync();
        var expected = new[] { "dev-c", "dev-a", "dev-e", "dev-b", "dev-d" };
        await CreateDevicesAsync(emulator.Admin, expected);

        var pages = await emulator.Admin.GetAllPagesAsync(ApiClient.Api("/devices"));

        Assert.Equal(3, pages.Count);
        Assert.All(pages, p => Assert.InRange(p.Json.GetProperty("value").GetArrayLength(), 1, 2));
        Assert.Equal(expected.Order(StringComparer.Ordinal), Ids(pages));
        foreach (var page in pages.SkipLast(1))
        {
            var nextLink = new Uri(page.Json.GetProperty("nextLink").GetString()!);
            Assert.True(nextLink.IsAbsoluteUri);
            Assert.Equal(emulator.Server.ApplicationUrl.Authority, nextLink.Authority);
            Assert.Equal("/api/devices", nextLink.AbsolutePath);
            Assert.Contains("api-version=2022-07-31", nextLink.Query);
            Assert.Contains("continuationToken=", nextLink.Query);
            await SpecSchemas.AssertValidAsync("DeviceCollection", page.Body);
        }

        Assert.False(pages[^1].Json.TryGetProperty("nextLink", out _), "the last page must not have a nextLink");
    }

    [Fact]
    public async Task NextLink_StillContinues_WhenTheLastIdOfThePageWasRemoved_AndSeesDevicesAddedAhead()
    {
        await using var emulator = await StartAsync();
        await CreateDevicesAsync(emulator.Admin, ["dev-a", "dev-b", "dev-c", "dev-e"]);

        var first = await emulator.Admin.GetAsync(ApiClient.Api("/devices"));
        Assert.Equal(["dev-a", "dev-b"], Ids([first]));
        Assert.Equal(HttpStatusCode.NoContent, (await emulator.Admin.DeleteAsync(ApiClient.Api("/devices/dev-b"))).Status);
        await CreateDevicesAsync(emulator.Admin, ["dev-d", "dev-0"]);

        var nextLink = new Uri(first.Json.GetProperty("nextLink").GetString()!);
        var rest = await emulator.Admin.GetAllPagesAsync(nextLink.PathAndQuery);

        Assert.Equal(["dev-c", "dev-d", "dev-e"], Ids(rest));
    }

    [Fact]
    public async Task NextLink_KeepsThePreviewApiVersion()
    {
        await using var emulator = await StartAsync();
        await CreateDevicesAsync(emulator.Admin, ["p1", "p2", "p3"]);

        var first = await emulator.Admin.GetAsync("/api/devices?api-version=2022-10-31-preview");

        Assert.Contains("api-version=2022-10-31-preview", first.Json.GetProperty("nextLink").GetString());
    }

    [Fact]
    public async Task Paging_SurvivesADeletionBetweenPages()
    {
        await using var emulator = await StartAsync();
        await CreateDevicesAsync(emulator.Admin, ["k1", "k2", "k3", "k4", "k5"]);
        var first = await emulator.Admin.GetAsync(ApiClient.Api("/devices"));
        Assert.Equal(HttpStatusCode.NoContent, (await emulator.Admin.DeleteAsync(ApiClient.Api("/devices/k1"))).Status);

        var rest = await emulator.Admin.GetAllPagesAsync(first.Json.GetProperty("nextLink").GetString()!);

        Assert.Equal(["k1", "k2", "k3", "k4", "k5"], Ids([first, .. rest]));
    }

    [Fact]
    public async Task RoleAndApiTokenLists_ArePagedToo()
    {
        await using var emulator = await StartAsync();
        foreach (var id in new[] { "t1", "t2", "t3" })
        {
            await emulator.CreateTokenAsync(id, RoleIds.Operator);
        }

        var rolePages = await emulator.Admin.GetAllPagesAsync(ApiClient.Api("/roles"));
        var tokenPages = await emulator.Admin.GetAllPagesAsync(ApiClient.Api("/apiTokens"));

        Assert.Equal(3, rolePages.Count);
        Assert.Equal(6, Ids(rolePages).Distinct().Count());
        Assert.Equal(2, tokenPages.Count);
        Assert.Equal(["t1", "t2", "t3"], Ids(tokenPages));
    }

    [Fact]
    public async Task EmptyList_HasEmptyValueAndNoNextLink()
    {
        await using var emulator = await StartAsync();

        var page = await emulator.Admin.GetAsync(ApiClient.Api("/devices"));

        Assert.Equal(JsonValueKind.Array, page.Json.GetProperty("value").ValueKind);
        Assert.Equal(0, page.Json.GetProperty("value").GetArrayLength());
        Assert.False(page.Json.TryGetProperty("nextLink", out _));
    }

    [Theory]
    [InlineData("continuationToken=%%%")]
    [InlineData("maxpagesize=0")]
    [InlineData("maxpagesize=abc")]
    public async Task BadPagingParameters_Are400(string query)
    {
        await using var emulator = await StartAsync();

        var response = await emulator.Admin.GetAsync(ApiClient.Api("/devices") + "&" + query);

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task MaxPageSize_CanShrinkPages()
    {
        await using var emulator = await StartAsync();
        await CreateDevicesAsync(emulator.Admin, ["m1", "m2", "m3"]);

        var pages = await emulator.Admin.GetAllPagesAsync("/api/devices?api-version=2022-10-31-preview&maxpagesize=1");

        Assert.Equal(3, pages.Count);
        Assert.Equal(["m1", "m2", "m3"], Ids(pages));
    }
}
