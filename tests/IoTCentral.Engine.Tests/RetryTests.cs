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

public class RetryTests
{
    private const string RolesPage = """{"value":[{"id":"r1","displayName":"Administrator"}]}""";

    [Fact]
    public async Task Throttled_request_waits_for_Retry_After_seconds_then_succeeds()
    {
        var handler = FakeHandler.Sequence(
            () => FakeHandler.Status((HttpStatusCode)429, ("Retry-After", "1")),
            () => FakeHandler.Json(HttpStatusCode.OK, RolesPage));
        using var client = TestClients.WithApiToken(handler);

        var page = await client.Roles.ListAsync(null, CancellationToken.None);

        Assert.Equal("Administrator", page.Items.Single().DisplayName);
        Assert.Equal(2, handler.Requests.Count);
        Assert.True(Gap(handler, 0) >= TimeSpan.FromMilliseconds(900), $"waited only {Gap(handler, 0)}");
    }

    [Theory]
    [InlineData("retry-after-ms")]
    [InlineData("x-ms-retry-after-ms")]
    public async Task Throttled_request_honours_millisecond_retry_headers(string header)
    {
        var handler = FakeHandler.Sequence(
            () => FakeHandler.Status((HttpStatusCode)429, (header, "400")),
            () => FakeHandler.Json(HttpStatusCode.OK, RolesPage));
        using var client = TestClients.WithApiToken(handler);

        await client.Roles.ListAsync(null, CancellationToken.None);

        Assert.Equal(2, handler.Requests.Count);
        // The back-off alone is at most 50 ms here, so a gap this long can only come from the header.
        Assert.True(Gap(handler, 0) >= TimeSpan.FromMilliseconds(300), $"waited only {Gap(handler, 0)}");
    }

    [Fact]
    public async Task Each_throttled_retry_is_reported_as_a_warning()
    {
        var handler = FakeHandler.Sequence(
            () => FakeHandler.Status((HttpStatusCode)429, ("retry-after-ms", "20")),
            () => FakeHandler.Status((HttpStatusCode)429, ("retry-after-ms", "20")),
            () => FakeHandler.Json(HttpStatusCode.OK, RolesPage));
        using var client = TestClients.WithApiToken(handler, o => o.MaxRetries = 5);
        var sink = new RecordingSink();

        using (RequestLog.BeginScope(sink))
        {
            await client.Roles.ListAsync(null, CancellationToken.None);
        }

        Assert.Equal(2, sink.Warnings.Count);
        Assert.StartsWith("The service throttled the request (429); retrying in ", sink.Warnings[0]);
        Assert.EndsWith("attempt 2 of 6", sink.Warnings[0]);
        Assert.EndsWith("attempt 3 of 6", sink.Warnings[1]);
    }

    [Fact]
    public async Task Service_unavailable_then_success_is_retried()
    {
        var handler = FakeHandler.Sequence(
            () => FakeHandler.Status(HttpStatusCode.ServiceUnavailable),
            () => FakeHandler.Status(HttpStatusCode.BadGateway),
            () => FakeHandler.Json(HttpStatusCode.OK, """{"id":"d1","displayName":"Thermostat"}"""));
        using var client = TestClients.WithApiToken(handler);

        var device = await client.Devices.GetAsync("d1", CancellationToken.None);

        Assert.Equal("Thermostat", device.DisplayName);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task Retries_stop_after_MaxRetries_and_the_last_error_is_thrown()
    {
        var handler = FakeHandler.Sequence(() => FakeHandler.Status(HttpStatusCode.ServiceUnavailable));
        using var client = TestClients.WithApiToken(handler, o => o.MaxRetries = 2);

        var error = await Assert.ThrowsAsync<IoTCentralException>(() => client.Roles.GetAsync("r1", CancellationToken.None));

        Assert.Equal(503, error.Status);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task Post_is_not_retried_on_503()
    {
        var handler = FakeHandler.Sequence(
            () => FakeHandler.Status(HttpStatusCode.ServiceUnavailable),
            () => FakeHandler.Json(HttpStatusCode.Created, "{}"));
        using var client = TestClients.WithApiToken(handler);

        var error = await Assert.ThrowsAsync<IoTCentralException>(
            () => client.SendAsync("POST", "devices/d1/commands/reboot", "{}", null, null, CancellationToken.None));

        Assert.Equal(503, error.Status);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Post_is_retried_on_503_when_the_caller_allows_it()
    {
        var handler = FakeHandler.Sequence(
            () => FakeHandler.Status(HttpStatusCode.ServiceUnavailable),
            () => FakeHandler.Json(HttpStatusCode.Created, """{"id":"c1"}"""));
        using var client = TestClients.WithApiToken(handler);

        var response = await client.SendAsync("POST", "devices/d1/commands/reboot", "{}", null, true, CancellationToken.None);

        Assert.Equal(201, response.Status);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Get_is_not_retried_when_the_caller_forbids_it()
    {
        var handler = FakeHandler.Sequence(
            () => FakeHandler.Status(HttpStatusCode.ServiceUnavailable),
            () => FakeHandler.Json(HttpStatusCode.OK, RolesPage));
        using var client = TestClients.WithApiToken(handler);

        await Assert.ThrowsAsync<IoTCentralException>(() => client.SendAsync("GET", "roles", null, null, false, CancellationToken.None));

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Merge_patch_is_retried_after_a_throttle_and_a_server_error()
    {
        var handler = FakeHandler.Sequence(
            () => FakeHandler.Status((HttpStatusCode)429, ("retry-after-ms", "10")),
            () => FakeHandler.Status(HttpStatusCode.ServiceUnavailable),
            () => FakeHandler.Json(HttpStatusCode.OK, """{"id":"d1","enabled":false}"""));
        using var client = TestClients.WithApiToken(handler);

        var device = await client.Devices.UpdateAsync("d1", new System.Collections.Generic.Dictionary<string, object?> { ["enabled"] = false }, CancellationToken.None);

        Assert.False(device.Enabled);
        Assert.Equal(3, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Equal("application/merge-patch+json", r.ContentType));
    }

    [Fact]
    public async Task Device_command_is_retried_after_429_without_AllowRetry()
    {
        var handler = FakeHandler.Sequence(
            () => FakeHandler.Status((HttpStatusCode)429, ("retry-after-ms", "10")),
            () => FakeHandler.Json(HttpStatusCode.Created, """{"id":"c1","responseCode":200}"""));
        using var client = TestClients.WithApiToken(handler);

        var result = await client.DeviceCommands.RunAsync("d1", null, null, "reboot", false, null, null, null, false, CancellationToken.None);

        Assert.Equal(200, result.ResponseCode);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Device_command_is_not_retried_after_a_lost_answer_without_AllowRetry()
    {
        var handler = new FakeHandler((_, index) => index == 0
            ? throw new HttpRequestException("The connection was reset.", new System.IO.IOException("reset"))
            : FakeHandler.Json(HttpStatusCode.Created, """{"id":"c1"}"""));
        using var client = TestClients.WithApiToken(handler);

        var error = await Assert.ThrowsAsync<IoTCentralException>(
            () => client.DeviceCommands.RunAsync("d1", null, null, "reboot", false, null, null, null, false, CancellationToken.None));

        Assert.Equal("ServiceUnreachable", error.ErrorCode);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Put_is_retried_after_a_lost_answer()
    {
        var handler = new FakeHandler((_, index) => index == 0
            ? throw new HttpRequestException("The connection was reset.", new System.IO.IOException("reset"))
            : FakeHandler.Json(HttpStatusCode.OK, """{"id":"d1","displayName":"Pump"}"""));
        using var client = TestClients.WithApiToken(handler);

        var device = await client.Devices.CreateAsync(new Device { Id = "d1", DisplayName = "Pump" }, CancellationToken.None);

        Assert.Equal("Pump", device.DisplayName);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Dropped_connection_then_success_is_retried_over_real_http()
    {
        using var server = new LoopbackServer(connection => connection == 0 ? null : RolesPage);
        var options = new IoTCentralClientOptions
        {
            ApplicationUrl = server.Url,
            RetryDelay = TimeSpan.FromMilliseconds(10),
            MaxRetryDelay = TimeSpan.FromMilliseconds(50),
        };
        using var client = IoTCentralClient.CreateWithApiToken(options, TestClients.Secure(TestClients.ApiToken));

        var page = await client.Roles.ListAsync(null, CancellationToken.None);

        Assert.Equal("r1", page.Items.Single().Id);
        Assert.True(server.Connections >= 2, $"only {server.Connections} connection(s)");
    }

    [Fact]
    public async Task Unreachable_service_becomes_ServiceUnreachable_naming_the_host()
    {
        using var server = new LoopbackServer(_ => null);
        var options = new IoTCentralClientOptions
        {
            ApplicationUrl = server.Url,
            MaxRetries = 1,
            RetryDelay = TimeSpan.FromMilliseconds(10),
            MaxRetryDelay = TimeSpan.FromMilliseconds(20),
        };
        using var client = IoTCentralClient.CreateWithApiToken(options, TestClients.Secure(TestClients.ApiToken));

        var sink = new RecordingSink();
        IoTCentralException error;
        using (RequestLog.BeginScope(sink))
        {
            error = await Assert.ThrowsAsync<IoTCentralException>(() => client.Roles.ListAsync(null, CancellationToken.None));
        }

        Assert.Equal(2, sink.Verbose.Count);
        Assert.All(sink.Verbose, line => Assert.Contains("-> failed after", line));
        Assert.Single(sink.Warnings);
        Assert.Equal(0, error.Status);
        Assert.Equal("ServiceUnreachable", error.ErrorCode);
        Assert.Contains(server.Url.Authority, error.Message);
        Assert.NotNull(error.InnerException);
        Assert.StartsWith("GET http://127.0.0.1:", error.Request);
        Assert.True(server.Connections >= 2);
    }

    [Fact]
    public async Task Attempt_that_exceeds_the_network_timeout_is_retried()
    {
        var handler = new FakeHandler(async (_, index, cancellationToken) =>
        {
            if (index == 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
            }

            return FakeHandler.Json(HttpStatusCode.OK, RolesPage);
        });
        using var client = TestClients.WithApiToken(handler, o => o.NetworkTimeout = TimeSpan.FromMilliseconds(300));

        var page = await client.Roles.ListAsync(null, CancellationToken.None);

        Assert.Single(page.Items);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Timeouts_on_every_attempt_become_ServiceUnreachable()
    {
        var handler = new FakeHandler(async (_, _, cancellationToken) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
            return FakeHandler.Json(HttpStatusCode.OK, RolesPage);
        });
        using var client = TestClients.WithApiToken(handler, o =>
        {
            o.NetworkTimeout = TimeSpan.FromMilliseconds(200);
            o.MaxRetries = 1;
        });

        var error = await Assert.ThrowsAsync<IoTCentralException>(() => client.Roles.ListAsync(null, CancellationToken.None));

        Assert.Equal("ServiceUnreachable", error.ErrorCode);
        Assert.Contains("no response within 0.2 s", error.Message);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Cancellation_passes_through_as_OperationCanceledException()
    {
        var handler = FakeHandler.Sequence(() => FakeHandler.Status((HttpStatusCode)429, ("Retry-After", "30")));
        using var client = TestClients.WithApiToken(handler);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Roles.ListAsync(null, cancellation.Token));

        Assert.Single(handler.Requests);
    }

    private static TimeSpan Gap(FakeHandler handler, int index) => handler.Requests[index + 1].At - handler.Requests[index].At;

    [Fact]
    public async Task A_body_over_the_limit_is_refused_before_anything_is_sent()
    {
        var handler = FakeHandler.Sequence(() => FakeHandler.Json(HttpStatusCode.OK, "{}"));
        using var client = TestClients.WithApiToken(handler);
        var body = "{\"displayName\":\"" + new string('x', 4 * 1024 * 1024) + "\"}";

        var error = await Assert.ThrowsAsync<IoTCentralException>(() => client.SendAsync("PUT", "deviceTemplates/dtmi:contoso:big;1", body, null, null, CancellationToken.None));

        Assert.Equal("BodyTooLarge", error.ErrorCode);
        Assert.Contains("at most 4,194,304 bytes", error.Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task A_413_answer_is_never_retried()
    {
        var handler = FakeHandler.Sequence(
            () => FakeHandler.Json(HttpStatusCode.RequestEntityTooLarge, """{"error":{"code":"RequestTooLarge","message":"too large"}}"""),
            () => FakeHandler.Json(HttpStatusCode.OK, "{}"));
        using var client = TestClients.WithApiToken(handler);

        var error = await Assert.ThrowsAsync<IoTCentralException>(() => client.SendAsync("PUT", "devices/d1", "{}", null, true, CancellationToken.None));

        Assert.Equal(413, error.Status);
        Assert.Single(handler.Requests);
    }
}
