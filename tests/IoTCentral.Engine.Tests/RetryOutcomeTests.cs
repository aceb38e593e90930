using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IoTCentral.Engine.Tests.Support;
using IoTCentral.Models;
using Xunit;

namespace IoTCentral.Engine.Tests;

/// <summary>
/// What a retry's answer means when an earlier attempt's answer was lost: the earlier attempt may have done the work,
/// so "already gone" and "already there" can be the caller's own success.
/// </summary>
public class RetryOutcomeTests
{
    private const string UserJson = """{"id":"u1","type":"email","email":"pat@contoso.com","roles":[{"role":"ae2c9854"}]}""";

    private static readonly User NewUser = new() { Id = "u1", Type = UserType.Email, Email = "pat@contoso.com", Roles = new[] { new RoleAssignment("ae2c9854") } };

    [Fact]
    public async Task Delete_that_finds_nothing_after_a_lost_answer_has_succeeded()
    {
        var handler = new FakeHandler((_, index) => index == 0 ? throw Reset() : FakeHandler.Json(HttpStatusCode.NotFound, NotFoundBody));
        using var client = TestClients.WithApiToken(handler);
        var sink = new RecordingSink();

        using (RequestLog.BeginScope(sink))
        {
            await client.Devices.RemoveAsync("d1", CancellationToken.None);
        }

        Assert.Equal(new[] { "DELETE", "DELETE" }, handler.Requests.Select(r => r.Method));
        Assert.Contains(sink.Verbose, line => line.Contains("the delete took effect"));
    }

    [Fact]
    public async Task Delete_that_finds_nothing_after_a_server_error_has_succeeded()
    {
        var handler = FakeHandler.Sequence(
            () => FakeHandler.Status(HttpStatusCode.BadGateway),
            () => FakeHandler.Json(HttpStatusCode.NotFound, NotFoundBody));
        using var client = TestClients.WithApiToken(handler);

        await client.ApiTokens.RemoveAsync("t1", CancellationToken.None);

        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Delete_that_finds_nothing_after_a_throttle_is_not_found()
    {
        // A 429 means the service did not process the first attempt, so the 404 is the true answer.
        var handler = FakeHandler.Sequence(
            () => FakeHandler.Status((HttpStatusCode)429, ("retry-after-ms", "10")),
            () => FakeHandler.Json(HttpStatusCode.NotFound, NotFoundBody));
        using var client = TestClients.WithApiToken(handler);

        var error = await Assert.ThrowsAsync<IoTCentralException>(() => client.Devices.RemoveAsync("d1", CancellationToken.None));

        Assert.Equal(404, error.Status);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Delete_answered_404_at_once_is_not_found()
    {
        var handler = FakeHandler.Sequence(() => FakeHandler.Json(HttpStatusCode.NotFound, NotFoundBody));
        using var client = TestClients.WithApiToken(handler);

        var error = await Assert.ThrowsAsync<IoTCentralException>(() => client.Users.RemoveAsync("u1", CancellationToken.None));

        Assert.Equal(404, error.Status);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Create_refused_as_a_conflict_after_a_lost_answer_is_confirmed_by_reading_it_back()
    {
        var handler = new FakeHandler((request, index) => index switch
        {
            0 => throw Reset(),
            1 => FakeHandler.Json(HttpStatusCode.Conflict, """{"error":{"code":"Conflict","message":"exists"}}"""),
            _ => FakeHandler.Json(HttpStatusCode.OK, UserJson),
        });
        using var client = TestClients.WithApiToken(handler);

        var user = await client.Users.CreateAsync(NewUser, CancellationToken.None);

        Assert.Equal("pat@contoso.com", user.Email);
        Assert.Equal(new[] { "PUT", "PUT", "GET" }, handler.Requests.Select(r => r.Method));
        Assert.EndsWith("/api/users/u1", handler.Requests[2].Uri.AbsolutePath);
    }

    [Fact]
    public async Task Conflict_on_the_first_answer_is_reported_without_reading_back()
    {
        var handler = FakeHandler.Sequence(() => FakeHandler.Json(HttpStatusCode.Conflict, """{"error":{"code":"Conflict","message":"exists"}}"""));
        using var client = TestClients.WithApiToken(handler);

        var error = await Assert.ThrowsAsync<IoTCentralException>(() => client.Users.CreateAsync(NewUser, CancellationToken.None));

        Assert.Equal(409, error.Status);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Conflict_after_a_lost_answer_stands_when_the_resource_cannot_be_read_back()
    {
        var handler = new FakeHandler((_, index) => index switch
        {
            0 => FakeHandler.Status(HttpStatusCode.InternalServerError),
            1 => FakeHandler.Json(HttpStatusCode.Conflict, """{"error":{"code":"UserAlreadyExists","message":"another user has this identity"}}"""),
            _ => FakeHandler.Json(HttpStatusCode.NotFound, NotFoundBody),
        });
        using var client = TestClients.WithApiToken(handler);

        var error = await Assert.ThrowsAsync<IoTCentralException>(() => client.Users.CreateAsync(NewUser, CancellationToken.None));

        Assert.Equal(409, error.Status);
        Assert.Equal("UserAlreadyExists", error.ErrorCode);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task Api_token_confirmed_after_a_lost_answer_says_its_value_was_lost()
    {
        var handler = new FakeHandler((_, index) => index switch
        {
            0 => throw Reset(),
            1 => FakeHandler.Json(HttpStatusCode.Conflict, """{"error":{"code":"ApiTokenAlreadyExists","message":"exists"}}"""),
            _ => FakeHandler.Json(HttpStatusCode.OK, """{"id":"t1","roles":[{"role":"ae2c9854"}],"expiry":"2030-01-01T00:00:00Z"}"""),
        });
        using var client = TestClients.WithApiToken(handler);

        var error = await Assert.ThrowsAsync<IoTCentralException>(
            () => client.ApiTokens.CreateAsync("t1", new[] { new RoleAssignment("ae2c9854") }, null, CancellationToken.None));

        Assert.Equal("ApiTokenValueLost", error.ErrorCode);
        Assert.Contains("Remove-IoTCentralApiToken -Id t1", error.Message);
    }

    private const string NotFoundBody = """{"error":{"code":"NotFound","message":"not found"}}""";

    private static HttpRequestException Reset() => new("The response ended prematurely.", new System.IO.IOException("reset"));
}
