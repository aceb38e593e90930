using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using IoTCentral.Engine.Tests.Support;
using Xunit;

namespace IoTCentral.Engine.Tests;

public class RateLimiterTests
{
    [Fact]
    public async Task Requests_over_the_budget_are_spaced_out()
    {
        var handler = FakeHandler.Sequence(() => FakeHandler.Json(HttpStatusCode.OK, """{"value":[]}"""));
        using var client = TestClients.WithApiToken(handler, o => o.RequestsPerSecond = 10);
        var stopwatch = Stopwatch.StartNew();

        // A burst of 10 passes at once, the other 15 at 10 per second: at least 1.5 s in all.
        await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => client.Roles.ListAsync(null, CancellationToken.None)));

        Assert.Equal(25, handler.Requests.Count);
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromSeconds(1.2), $"took only {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task Clients_of_the_same_host_share_one_budget()
    {
        var app = TestClients.UniqueAppUrl();
        var handler = FakeHandler.Sequence(() => FakeHandler.Json(HttpStatusCode.OK, """{"value":[]}"""));
        using var first = TestClients.WithApiToken(handler, o => o.RequestsPerSecond = 5, app);
        using var second = TestClients.WithApiToken(handler, o => o.RequestsPerSecond = 5, app);
        var stopwatch = Stopwatch.StartNew();

        // 5 each would fit one client's burst; together 10 exceed it by 5 requests, about 1 s.
        await Task.WhenAll(Enumerable.Range(0, 5).SelectMany(_ => new[] { first, second }).Select(c => c.Roles.ListAsync(null, CancellationToken.None)));

        Assert.Equal(10, handler.Requests.Count);
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromSeconds(0.7), $"took only {stopwatch.Elapsed}");
    }
}
