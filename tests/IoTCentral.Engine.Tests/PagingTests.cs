using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using IoTCentral.Engine.Tests.Support;
using IoTCentral.Models;
using Xunit;

namespace IoTCentral.Engine.Tests;

public class PagingTests
{
    [Fact]
    public async Task Pages_are_followed_through_nextLink_verbatim()
    {
        var app = TestClients.UniqueAppUrl();
        var handler = new FakeHandler((request, _) => request.Uri.Query.Contains("continuationToken=p2")
            ? FakeHandler.Json(HttpStatusCode.OK, $$"""{"value":[{"id":"d2"}],"nextLink":"{{app}}api/devices?api-version=2022-07-31&continuationToken=p3"}""")
            : request.Uri.Query.Contains("continuationToken=p3")
                ? FakeHandler.Json(HttpStatusCode.OK, """{"value":[{"id":"d3"},{"id":"d4"}]}""")
                : FakeHandler.Json(HttpStatusCode.OK, $$"""{"value":[{"id":"d1"}],"nextLink":"{{app}}api/devices?api-version=2022-07-31&continuationToken=p2"}"""));
        using var client = TestClients.WithApiToken(handler, url: app);

        var ids = new List<string>();
        string? nextLink = null;
        var pages = 0;
        do
        {
            var page = await client.Devices.ListAsync(nextLink, CancellationToken.None);
            ids.AddRange(page.Items.Select(d => d.Id));
            nextLink = page.NextLink;
            pages++;
        }
        while (nextLink is not null);

        Assert.Equal(new[] { "d1", "d2", "d3", "d4" }, ids);
        Assert.Equal(3, pages);
        Assert.Equal(app + "api/devices?api-version=2022-07-31", handler.Requests[0].Uri.AbsoluteUri);
        Assert.Equal(app + "api/devices?api-version=2022-07-31&continuationToken=p2", handler.Requests[1].Uri.AbsoluteUri);
    }

    [Theory]
    [InlineData("https://evil.example.com/api/devices?api-version=2022-07-31")]
    [InlineData("http://{host}/api/devices?api-version=2022-07-31")]
    [InlineData("https://{host}:8443/api/devices?api-version=2022-07-31")]
    public async Task NextLink_to_another_origin_is_refused_without_sending(string nextLink)
    {
        var app = TestClients.UniqueAppUrl();
        var handler = FakeHandler.Sequence(() => FakeHandler.Json(HttpStatusCode.OK, """{"value":[]}"""));
        using var client = TestClients.WithApiToken(handler, url: app);

        var error = await Assert.ThrowsAsync<IoTCentral.Models.IoTCentralException>(
            () => client.Devices.ListAsync(nextLink.Replace("{host}", app.Host), CancellationToken.None));

        Assert.Contains("Refusing to send", error.Message);
        Assert.Equal("RequestToOtherHost", error.ErrorCode);
        Assert.Equal(0, error.Status);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Escape_hatch_refuses_absolute_urls_of_other_hosts()
    {
        var handler = FakeHandler.Sequence(() => FakeHandler.Json(HttpStatusCode.OK, "{}"));
        using var client = TestClients.WithApiToken(handler);

        var error = await Assert.ThrowsAsync<IoTCentral.Models.IoTCentralException>(
            () => client.SendAsync("GET", "https://attacker.example.net/steal", null, null, null, CancellationToken.None));
        Assert.Equal("RequestToOtherHost", error.ErrorCode);

        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Escape_hatch_builds_api_urls_and_keeps_an_explicit_api_version()
    {
        var app = TestClients.UniqueAppUrl();
        var handler = FakeHandler.Sequence(() => FakeHandler.Json(HttpStatusCode.OK, "{}"));
        using var client = TestClients.WithApiToken(handler, url: app);

        await client.SendAsync("GET", "/devices/x/credentials", null, null, null, CancellationToken.None);
        await client.SendAsync("GET", "devices?$top=5", null, "2022-10-31-preview", null, CancellationToken.None);
        await client.SendAsync("GET", "devices?api-version=2022-06-30-preview", null, null, null, CancellationToken.None);

        Assert.Equal(app + "api/devices/x/credentials?api-version=2022-07-31", handler.Requests[0].Uri.AbsoluteUri);
        Assert.Equal(app + "api/devices?$top=5&api-version=2022-10-31-preview", handler.Requests[1].Uri.AbsoluteUri);
        Assert.Equal(app + "api/devices?api-version=2022-06-30-preview", handler.Requests[2].Uri.AbsoluteUri);
    }
}
