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

/// <summary>What the emulator's management endpoint never does: Location-only operations, failed operations, foreign operation URLs.</summary>
public class ManagementClientTests
{
    private const string Subscription = "00000000-0000-0000-0000-000000000001";
    private static readonly Uri Arm = new("https://management.example.test/");

    [Fact]
    public async Task Delete_followed_only_by_Location_finishes_when_it_stops_answering_202()
    {
        var location = Arm + "subscriptions/s/operationResults/op1?api-version=2021-06-01";
        var handler = FakeHandler.Sequence(
            () => FakeHandler.Status(HttpStatusCode.Accepted, ("Location", location), ("Retry-After", "7")),
            () => FakeHandler.Status(HttpStatusCode.Accepted, ("Location", location), ("Retry-After", "2")),
            () => FakeHandler.Status(HttpStatusCode.NoContent));
        using var client = Create(handler);

        var start = await client.BeginDeleteAsync(Subscription, "rg", "app", CancellationToken.None);
        var operation = start.Operation;
        Assert.Equal("InProgress", operation.Status);
        Assert.Null(operation.StatusUrl);
        Assert.Equal(TimeSpan.FromSeconds(7), operation.RetryAfter);

        await client.PollAsync(operation, CancellationToken.None);
        Assert.Equal("InProgress", operation.Status);
        Assert.Equal(TimeSpan.FromSeconds(2), operation.RetryAfter);
        await client.PollAsync(operation, CancellationToken.None);
        Assert.Equal("Succeeded", operation.Status);
        Assert.Equal("DELETE", handler.Requests[0].Method);
        Assert.EndsWith("/resourceGroups/rg/providers/Microsoft.IoTCentral/iotApps/app?api-version=2021-06-01", handler.Requests[0].Uri.ToString());
    }

    [Fact]
    public async Task A_failed_operation_throws_its_error()
    {
        var status = Arm + "subscriptions/s/operationStatuses/op2?api-version=2021-06-01";
        var handler = FakeHandler.Sequence(
            () => FakeHandler.Json(HttpStatusCode.Created, """{"name":"app","properties":{"subdomain":"app"}}""", ("Azure-AsyncOperation", status)),
            () => FakeHandler.Json(HttpStatusCode.OK, """{"status":"Failed","error":{"code":"QuotaExceeded","message":"No more applications.","target":"sku"}}"""));
        using var client = Create(handler);

        var start = await client.BeginCreateOrUpdateAsync(Subscription, "rg", "app", new Dictionary<string, object?> { ["location"] = "westus" }, CancellationToken.None);
        Assert.Equal("Create", start.Operation.Action);
        Assert.Equal(new Uri("https://app.azureiotcentral.com"), start.Application!.ApplicationUrl);
        var error = await Assert.ThrowsAsync<IoTCentralException>(() => client.PollAsync(start.Operation, CancellationToken.None));
        Assert.Equal("QuotaExceeded", error.ErrorCode);
        Assert.Equal("sku", error.Target);
        Assert.Equal("Failed", start.Operation.Status);
    }

    [Fact]
    public async Task Arm_errors_keep_target_and_details()
    {
        var handler = FakeHandler.Sequence(() => FakeHandler.Json(HttpStatusCode.BadRequest,
            """{"error":{"code":"InvalidTemplateDeployment","message":"Validation failed.","target":"properties","details":[{"code":"InvalidSubdomain","message":"Bad subdomain.","target":"properties.subdomain"}]}}"""));
        using var client = Create(handler);

        var error = await Assert.ThrowsAsync<IoTCentralException>(() => client.GetAsync(Subscription, "rg", "app", CancellationToken.None));
        Assert.Equal("properties", error.Target);
        Assert.Equal("InvalidSubdomain: Bad subdomain. (properties.subdomain)", error.Details.Single());
    }

    [Fact]
    public async Task An_operation_url_on_another_host_is_refused()
    {
        var handler = FakeHandler.Sequence(() => FakeHandler.Status(HttpStatusCode.Accepted, ("Azure-AsyncOperation", "https://elsewhere.example.test/op")));
        using var client = Create(handler);

        var error = await Assert.ThrowsAsync<IoTCentralException>(() => client.BeginDeleteAsync(Subscription, "rg", "app", CancellationToken.None));
        Assert.Equal("RequestToOtherHost", error.ErrorCode);
    }

    private static ManagementClient Create(FakeHandler handler) =>
        ManagementClient.CreateWithAccessToken(TestClients.Options(handler, Arm), TestClients.Secure("opaque-arm-token"));
}
