using System.Net;
using System.Threading;
using System.Threading.Tasks;
using IoTCentral.Engine.Tests.Support;
using IoTCentral.Models;
using Xunit;

namespace IoTCentral.Engine.Tests;

public class ErrorTests
{
    [Fact]
    public async Task Json_error_body_gives_status_code_message_and_request_id()
    {
        var handler = FakeHandler.Sequence(() => FakeHandler.Json(
            HttpStatusCode.NotFound,
            """{"error":{"code":"404.000.000.001","message":"Device 'nope' was not found.","requestId":"req-123","time":"Tue, 01 Aug 2023 10:00:00 GMT"}}"""));
        using var client = TestClients.WithApiToken(handler);

        var error = await Assert.ThrowsAsync<IoTCentralException>(() => client.Devices.GetAsync("nope", CancellationToken.None));

        Assert.Equal(404, error.Status);
        Assert.Equal("404.000.000.001", error.ErrorCode);
        Assert.Equal("Device 'nope' was not found.", error.Message);
        Assert.Equal("req-123", error.RequestId);
        Assert.Equal($"GET {handler.Requests[0].Uri.GetLeftPart(System.UriPartial.Path)}?api-version=2022-07-31", error.Request);
    }

    [Fact]
    public async Task Non_json_502_body_falls_back_to_header_code_and_status_message()
    {
        var handler = FakeHandler.Sequence(() =>
        {
            var response = FakeHandler.Status(HttpStatusCode.BadGateway, ("x-ms-error-code", "GatewayFailure"), ("x-ms-request-id", "hdr-9"));
            response.Content = new System.Net.Http.StringContent("<html><body>Bad gateway</body></html>");
            return response;
        });
        using var client = TestClients.WithApiToken(handler, o => o.MaxRetries = 0);

        var error = await Assert.ThrowsAsync<IoTCentralException>(() => client.Roles.ListAsync(null, CancellationToken.None));

        Assert.Equal(502, error.Status);
        Assert.Equal("GatewayFailure", error.ErrorCode);
        Assert.Equal("hdr-9", error.RequestId);
        Assert.StartsWith("The service returned 502 (Bad Gateway).", error.Message);
        Assert.Contains("Bad gateway", error.Message);
    }

    [Fact]
    public async Task Empty_error_body_still_names_the_status()
    {
        var handler = FakeHandler.Sequence(() => FakeHandler.Status(HttpStatusCode.Forbidden));
        using var client = TestClients.WithApiToken(handler);

        var error = await Assert.ThrowsAsync<IoTCentralException>(() => client.ApiTokens.RemoveAsync("t1", CancellationToken.None));

        Assert.Equal(403, error.Status);
        Assert.Null(error.ErrorCode);
        Assert.Equal("The service returned 403 (Forbidden).", error.Message);
        Assert.StartsWith("DELETE https://", error.Request);
    }

    [Fact]
    public async Task Success_with_an_unexpected_body_is_an_InvalidResponse_error()
    {
        var handler = FakeHandler.Sequence(() => FakeHandler.Json(HttpStatusCode.OK, "[1,2]"));
        using var client = TestClients.WithApiToken(handler);

        var error = await Assert.ThrowsAsync<IoTCentralException>(() => client.Roles.GetAsync("r1", CancellationToken.None));

        Assert.Equal("InvalidResponse", error.ErrorCode);
        Assert.Equal(200, error.Status);
    }
}
