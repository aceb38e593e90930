using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using IoTCentral.Emulator.Auth;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Emulator.Tests;

/// <summary>Destinations_* and Exports_* (preview only) against the preview spec's schemas, and webhook delivery to a loopback listener.</summary>
public sealed partial class DataExportTests
{
    private const string Phone = DeviceTemplates.PhoneId;

    private static string Preview(string path) => $"/api{path}?api-version=2022-10-31-preview";

    private static object Webhook(string url, object? authorization = null) => new
    {
        displayName = "Hook",
        type = "webhook@v1",
        url,
        queryCustomizations = new Dictionary<string, object> { ["code"] = new { value = "q-secret", secret = true }, ["plain"] = new { value = "p" } },
        headerCustomizations = new Dictionary<string, object> { ["x-store"] = new { value = "contoso" } },
        authorization = authorization ?? new { type = "header", value = "Bearer hook-secret" },
    };

    private static object Export(string source, string destination, string? filter = null, bool enabled = true) => new
    {
        displayName = "Export " + source,
        enabled,
        source,
        filter,
        enrichments = new Dictionary<string, object> { ["store"] = new { value = "Seattle" }, ["owner"] = new { target = Phone, path = "owner" } },
        destinations = new[] { new { id = destination } },
    };

    private static async Task<JsonElement> OkAsync(Task<ApiResponse> call, string definition)
    {
        var response = await call;
        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
        await PreviewSpecSchemas.AssertValidAsync(definition, response.Body);
        return response.Json;
    }

    // The instant the fake clock of the delivery tests starts at.
    private static readonly DateTimeOffset ClockStart = new(2030, 5, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Webhook destinations "hook" and, when given, "other", each sending to its listener.</summary>
    private static async Task PutHooksAsync(ApiClient admin, WebhookListener hook, WebhookListener? other = null)
    {
        await OkAsync(admin.PutAsync(Preview("/dataExport/destinations/hook"), Webhook(hook.Url)), "WebhookV1Destination");
        if (other is not null)
        {
            await OkAsync(admin.PutAsync(Preview("/dataExport/destinations/other"), Webhook(other.Url)), "WebhookV1Destination");
        }
    }

    [Fact]
    public async Task EveryDestinationTypeAndAuthorization_MatchesPreviewSchema_WithSecretsMasked()
    {
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { PageSize = 3 });
        var admin = emulator.Admin;
        var cases = new (string Id, string Definition, object Body, string? Secret)[]
        {
            ("blob-cs", "BlobStorageV1Destination", new { displayName = "Blob", type = "blobstorage@v1", authorization = new { type = "connectionString", connectionString = "AccountKey=blob-secret", containerName = "c" } }, "blob-secret"),
            ("blob-mi", "BlobStorageV1Destination", new { displayName = "Blob", type = "blobstorage@v1", authorization = new { type = "systemAssignedManagedIdentity", endpointUri = "https://a.blob.core.windows.net/", containerName = "c" } }, null),
            ("adx-sp", "DataExplorerV1Destination", new { displayName = "ADX", type = "dataexplorer@v1", clusterUrl = "https://c.kusto.windows.net", database = "d", table = "t", authorization = new { type = "servicePrincipal", clientId = "c", tenantId = "t", clientSecret = "adx-secret" } }, "adx-secret"),
            ("adx-mi", "DataExplorerV1Destination", new { displayName = "ADX", type = "dataexplorer@v1", clusterUrl = "https://c.kusto.windows.net", database = "d", table = "t", authorization = new { type = "systemAssignedManagedIdentity" } }, null),
            ("eh-cs", "EventHubsV1Destination", new { displayName = "EH", type = "eventhubs@v1", authorization = new { type = "connectionString", connectionString = "SharedAccessKey=eh-secret" } }, "eh-secret"),
            ("eh-mi", "EventHubsV1Destination", new { displayName = "EH", type = "eventhubs@v1", authorization = new { type = "systemAssignedManagedIdentity", hostName = "h.servicebus.windows.net", eventHubName = "e" } }, null),
            ("sbq-cs", "ServiceBusQueueV1Destination", new { displayName = "Q", type = "servicebusqueue@v1", authorization = new { type = "connectionString", connectionString = "SharedAccessKey=sbq-secret" } }, "sbq-secret"),
            ("sbq-mi", "ServiceBusQueueV1Destination", new { displayName = "Q", type = "servicebusqueue@v1", authorization = new { type = "systemAssignedManagedIdentity", hostName = "h", queueName = "q" } }, null),
            ("sbt-cs", "ServiceBusTopicV1Destination", new { displayName = "T", type = "servicebustopic@v1", authorization = new { type = "connectionString", connectionString = "SharedAccessKey=sbt-secret" } }, "sbt-secret"),
            ("sbt-mi", "ServiceBusTopicV1Destination", new { displayName = "T", type = "servicebustopic@v1", authorization = new { type = "systemAssignedManagedIdentity", hostName = "h", topicName = "t" } }, null),
            ("hook-header", "WebhookV1Destination", Webhook("http://127.0.0.1:9/x"), "hook-secret"),
            ("hook-oauth", "WebhookV1Destination", Webhook("http://127.0.0.1:9/x", new { type = "oauth", tokenUrl = "http://127.0.0.1:9/token", clientId = "c", clientSecret = "oauth-secret", requestType = "json" }), "oauth-secret"),
            ("hook-none", "WebhookV1Destination", new { displayName = "Open", type = "webhook@v1", url = "https://example.com/hook" }, null),
        };

        foreach (var (id, definition, body, secret) in cases)
        {
            var created = await OkAsync(admin.PutAsync(Preview($"/dataExport/destinations/{id}"), body), definition);
            Assert.Equal(id, created.GetProperty("id").GetString());
            var got = await admin.GetAsync(Preview($"/dataExport/destinations/{id}"));
            await PreviewSpecSchemas.AssertValidAsync(definition, got.Body);
            if (secret is not null)
            {
                Assert.DoesNotContain(secret, created.GetRawText());
                Assert.DoesNotContain(secret, got.Body);
                Assert.Contains("*****", got.Body);
            }

            // Delivered to: webhooks and Blob Storage with a connection string; the rest are stored only.
            var delivered = definition == "WebhookV1Destination" || id == "blob-cs";
            Assert.Equal(delivered ? "healthy" : "notDelivered", created.GetProperty("status").GetString());
            if (!delivered)
            {
                Assert.Equal("NotDeliveredByEmulator", created.GetProperty("errors")[0].GetProperty("code").GetString());
            }
        }

        var identity = await OkAsync(admin.GetAsync(Preview("/dataExport/destinations/blob-mi")), "BlobStorageV1Destination");
        Assert.Contains("no managed identity", identity.GetProperty("errors")[0].GetProperty("message").GetString());

        Assert.DoesNotContain("q-secret", (await admin.GetAsync(Preview("/dataExport/destinations/hook-header"))).Body);

        var pages = await admin.GetAllPagesAsync(Preview("/dataExport/destinations"));
        foreach (var page in pages)
        {
            await PreviewSpecSchemas.AssertValidAsync("DestinationCollection", page.Body);
            Assert.DoesNotContain("-secret", page.Body);
        }

        Assert.Equal(cases.Length, pages.Sum(p => p.Json.GetProperty("value").GetArrayLength()));

        // A PATCH that sends the mask back keeps the stored secret; one that changes the name keeps it too.
        var patched = await OkAsync(admin.PatchAsync(Preview("/dataExport/destinations/hook-header"), new { displayName = "Renamed", authorization = new { value = "*****" } }), "WebhookV1Destination");
        Assert.Equal("Renamed", patched.GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task GaApiVersion_AnswersAsForAnUnknownPath()
    {
        await using var emulator = await TestEmulator.StartAsync();
        foreach (var path in new[] { "/dataExport/destinations", "/dataExport/exports", "/dataExport/exports/x/destinations" })
        {
            var message = await ErrorAssert.IsErrorAsync(await emulator.Admin.GetAsync(ApiClient.Api(path)), HttpStatusCode.NotFound);
            Assert.Contains("2022-10-31-preview", message);
        }
    }

    [Fact]
    public async Task InvalidBodies_Are400NamingTheProblem_AndUsedDestinationsCannotBeRemoved()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = emulator.Admin;
        async Task<string> BadAsync(string path, object body) =>
            await ErrorAssert.IsErrorAsync(await admin.PutAsync(Preview(path), body), HttpStatusCode.BadRequest);

        Assert.Contains("type", await BadAsync("/dataExport/destinations/d", new { displayName = "x", type = "ftp@v1" }));
        Assert.Contains("authorization", await BadAsync("/dataExport/destinations/d", new { displayName = "x", type = "eventhubs@v1" }));
        Assert.Contains("authorization.type", await BadAsync("/dataExport/destinations/d", new { displayName = "x", type = "eventhubs@v1", authorization = new { type = "header", value = "v" } }));
        Assert.Contains("authorization.containerName", await BadAsync("/dataExport/destinations/d", new { displayName = "x", type = "blobstorage@v1", authorization = new { type = "connectionString", connectionString = "c" } }));
        Assert.Contains("url", await BadAsync("/dataExport/destinations/d", new { displayName = "x", type = "webhook@v1", url = "not a url" }));

        await OkAsync(admin.PutAsync(Preview("/dataExport/destinations/hook"), Webhook("http://127.0.0.1:9/x")), "WebhookV1Destination");
        Assert.Contains("source", await BadAsync("/dataExport/exports/e", new { displayName = "e", enabled = true, source = "weather", destinations = new[] { new { id = "hook" } } }));
        Assert.Contains("nope", await BadAsync("/dataExport/exports/e", Export("telemetry", "nope")));
        var filter = await ErrorAssert.IsErrorAsync(await admin.PutAsync(Preview("/dataExport/exports/e"), Export("telemetry", "hook", "SELECT * FORM x")), HttpStatusCode.BadRequest);
        Assert.Contains("filter", filter);

        var export = await OkAsync(admin.PutAsync(Preview("/dataExport/exports/e"), Export("telemetry", "hook", $"SELECT * FROM {Phone} WHERE sensors.battery > 50")), "Export");
        Assert.Equal("healthy", export.GetProperty("status").GetString());
        await OkAsync(admin.GetAsync(Preview("/dataExport/exports")), "ExportCollection");
        var users = await OkAsync(admin.GetAsync(Preview("/dataExport/destinations/hook/exports")), "ExportCollection");
        Assert.Equal("e", users.GetProperty("value")[0].GetProperty("id").GetString());
        var targets = await OkAsync(admin.GetAsync(Preview("/dataExport/exports/e/destinations")), "DestinationCollection");
        Assert.Equal("hook", targets.GetProperty("value")[0].GetProperty("id").GetString());

        var inUse = await ErrorAssert.IsErrorAsync(await admin.DeleteAsync(Preview("/dataExport/destinations/hook")), HttpStatusCode.Conflict);
        Assert.Contains("'e'", inUse);
        var disabled = await OkAsync(admin.PatchAsync(Preview("/dataExport/exports/e"), new { enabled = false }), "Export");
        Assert.Equal("disabled", disabled.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(Preview("/dataExport/exports/e"))).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(Preview("/dataExport/destinations/hook"))).Status);
        await ErrorAssert.IsErrorAsync(await admin.GetAsync(Preview("/dataExport/destinations/hook")), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Operators_MayNotManageDataExport()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var operatorClient = await emulator.CreateTokenClientAsync("op", RoleIds.Operator);
        await ErrorAssert.IsErrorAsync(await operatorClient.GetAsync(Preview("/dataExport/exports")), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task WebhookExport_ReceivesSimulatedTelemetry_WithEnrichmentsHeadersAndQuery()
    {
        using var hook = new WebhookListener();
        await using var emulator = await TestEmulator.StartAsync();
        var admin = emulator.Admin;
        await DeviceTemplates.CreatePhoneAsync(admin, "sim-1", simulated: true);
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PatchAsync(ApiClient.Api("/devices/sim-1/properties"), new { owner = "Ada" }, "application/json")).Status);
        await PutHooksAsync(admin, hook);
        await OkAsync(admin.PutAsync(Preview("/dataExport/exports/telemetry"), Export("telemetry", "hook")), "Export");

        var message = await hook.WaitForAsync(m => m["deviceId"]?.GetValue<string>() == "sim-1");
        Assert.Equal("telemetry", message["messageSource"]!.GetValue<string>());
        Assert.Equal(Phone, message["templateId"]!.GetValue<string>());
        Assert.Equal("default@v1", message["schema"]!.GetValue<string>());
        Assert.Equal("sensors", message["component"]!.GetValue<string>());
        Assert.NotNull(message["telemetry"]!["battery"]);
        Assert.Equal("Seattle", message["enrichments"]!["store"]!.GetValue<string>());
        Assert.Equal("Ada", message["enrichments"]!["owner"]!.GetValue<string>());
        var received = hook.Received.First();
        Assert.Equal("Bearer hook-secret", received.Authorization);
        Assert.Equal("contoso", received.Headers["x-store"]);
        Assert.Contains("code=q-secret", received.Query);

        var export = await OkAsync(admin.GetAsync(Preview("/dataExport/exports/telemetry")), "Export");
        Assert.Equal("healthy", export.GetProperty("status").GetString());
        Assert.True(export.TryGetProperty("lastExportTime", out _), export.GetRawText());
    }

    [Fact]
    public async Task FilteredExport_DeliversOnlyMatchingMessages_AndLifecycleEvents()
    {
        using var hook = new WebhookListener();
        await using var emulator = await TestEmulator.StartAsync();
        var admin = emulator.Admin;
        await DeviceTemplates.CreatePhoneAsync(admin, "real-1", simulated: false);
        await PutHooksAsync(admin, hook);
        await OkAsync(admin.PutAsync(Preview("/dataExport/exports/low"), Export("telemetry", "hook", $"SELECT * FROM {Phone} WHERE sensors.battery < 20")), "Export");
        await OkAsync(admin.PutAsync(Preview("/dataExport/exports/life"), Export("deviceLifecycle", "hook")), "Export");

        var device = await DeviceFeed.ClientAsync(admin, "real-1");
        await DeviceFeed.SendTelemetryAsync(device, "real-1", new { component = "sensors", values = new { battery = 80 } });
        await DeviceFeed.SendTelemetryAsync(device, "real-1", new { component = "sensors", values = new { battery = 10 } });
        await DeviceTemplates.CreatePhoneAsync(admin, "new-1", simulated: false);

        var low = await hook.WaitForAsync(m => m["messageSource"]?.GetValue<string>() == "telemetry");
        Assert.Equal(10, low["telemetry"]!["battery"]!.GetValue<int>());
        var registered = await hook.WaitForAsync(m => m["messageType"]?.GetValue<string>() == "registered");
        Assert.Equal("new-1", registered["deviceId"]!.GetValue<string>());
        // The device's first request through the feed provisioned it.
        Assert.Equal(
            [("provisioned", "real-1"), ("registered", "new-1")],
            hook.Received.Where(r => r.Body["messageSource"]?.GetValue<string>() == "deviceLifecycle")
                .Select(r => (r.Body["messageType"]!.GetValue<string>(), r.Body["deviceId"]!.GetValue<string>())));
        // Messages go out in order, so the 80 would have arrived before the registration.
        Assert.Single(hook.Received, r => r.Body["messageSource"]?.GetValue<string>() == "telemetry");
    }

    [Fact]
    public async Task BrokenWebhook_MakesTheExportError_AndItRecovers()
    {
        using var hook = new WebhookListener { Status = 500 };
        await using var emulator = await TestEmulator.StartAsync();
        var admin = emulator.Admin;
        await DeviceTemplates.CreatePhoneAsync(admin, "real-1", simulated: false);
        await PutHooksAsync(admin, hook);
        await OkAsync(admin.PutAsync(Preview("/dataExport/exports/props"), Export("properties", "hook")), "Export");
        var device = await DeviceFeed.ClientAsync(admin, "real-1");

        await DeviceFeed.ReportAsync(device, "real-1", new { component = "device_info", values = new { manufacturer = "Contoso" } });
        var export = await WaitForStatusAsync(admin, "props", "error");
        Assert.Equal("error", export.GetProperty("status").GetString());
        Assert.Contains("500", export.GetProperty("errors")[0].GetProperty("message").GetString());
        var destination = await OkAsync(admin.GetAsync(Preview("/dataExport/destinations/hook")), "WebhookV1Destination");
        Assert.Equal("error", destination.GetProperty("status").GetString());

        hook.Status = 200;
        await DeviceFeed.ReportAsync(device, "real-1", new { component = "device_info", values = new { manufacturer = "Fabrikam" } });
        var message = await hook.WaitForAsync(m => m["messageSource"]?.GetValue<string>() == "properties");
        Assert.Equal("devicePropertyReportedChange", message["messageType"]!.GetValue<string>());
        export = await WaitForStatusAsync(admin, "props", "healthy");
        Assert.Equal("healthy", export.GetProperty("status").GetString());
        Assert.False(export.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task TransformThatDoesNotParse_Is400NamingTheDestination()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = emulator.Admin;
        await OkAsync(admin.PutAsync(Preview("/dataExport/destinations/hook"), Webhook("http://127.0.0.1:9/x")), "WebhookV1Destination");
        await OkAsync(admin.PutAsync(Preview("/dataExport/destinations/other"), Webhook("http://127.0.0.1:9/y")), "WebhookV1Destination");
        var body = new
        {
            displayName = "Bad transform",
            enabled = true,
            source = "telemetry",
            destinations = new object[] { new { id = "hook", transform = "." }, new { id = "other", transform = "{a: .b" } },
        };

        var response = await admin.PutAsync(Preview("/dataExport/exports/e"), body);
        var message = await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("InvalidRequestBody", response.Json.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("destinations[1].transform", message);
        Assert.Contains("at position 6", message);

        await OkAsync(admin.PutAsync(Preview("/dataExport/exports/e"), Export("telemetry", "hook")), "Export");
        var patched = await ErrorAssert.IsErrorAsync(
            await admin.PatchAsync(Preview("/dataExport/exports/e"), new { destinations = new[] { new { id = "hook", transform = ".a | nope" } } }), HttpStatusCode.BadRequest);
        Assert.Contains("destinations[0].transform", patched);
        Assert.Contains("nope/0 is not defined", patched);
    }

    [Fact]
    public async Task Transform_ShapesWhatItsDestinationReceives_AndARuntimeErrorShowsInHealth()
    {
        using var shaped = new WebhookListener();
        using var plain = new WebhookListener();
        using var broken = new WebhookListener();
        await using var emulator = await TestEmulator.StartAsync();
        var admin = emulator.Admin;
        await DeviceTemplates.CreatePhoneAsync(admin, "real-1", simulated: false);
        await OkAsync(admin.PutAsync(Preview("/dataExport/destinations/shaped"), Webhook(shaped.Url)), "WebhookV1Destination");
        await OkAsync(admin.PutAsync(Preview("/dataExport/destinations/plain"), Webhook(plain.Url)), "WebhookV1Destination");
        await OkAsync(admin.PutAsync(Preview("/dataExport/destinations/broken"), Webhook(broken.Url)), "WebhookV1Destination");
        const string Transform = "{device: .deviceId, battery: .telemetry.battery, store: .enrichments.store}, {device: .deviceId, part: 2}, (.telemetry | select(.battery > 100))";
        var body = new
        {
            displayName = "Shaped",
            enabled = true,
            source = "telemetry",
            enrichments = new Dictionary<string, object> { ["store"] = new { value = "Seattle" } },
            destinations = new object[] { new { id = "shaped", transform = Transform }, new { id = "plain" } },
        };
        var export = await OkAsync(admin.PutAsync(Preview("/dataExport/exports/shaped"), body), "Export");
        Assert.Equal(Transform, export.GetProperty("destinations")[0].GetProperty("transform").GetString());
        var failing = new { displayName = "Failing", enabled = true, source = "telemetry", destinations = new[] { new { id = "broken", transform = ".deviceId + 1" } } };
        await OkAsync(admin.PutAsync(Preview("/dataExport/exports/failing"), failing), "Export");

        var device = await DeviceFeed.ClientAsync(admin, "real-1");
        await DeviceFeed.SendTelemetryAsync(device, "real-1", new { component = "sensors", values = new { battery = 42 } });

        var second = await shaped.WaitForAsync(m => m["part"] is not null);
        Assert.Equal("real-1", second["device"]!.GetValue<string>());
        var records = shaped.Received.Select(r => r.Body.ToJsonString()).ToList();
        Assert.Equal(["""{"device":"real-1","battery":42,"store":"Seattle"}""", """{"device":"real-1","part":2}"""], records);
        var original = await plain.WaitForAsync(m => m["messageSource"]?.GetValue<string>() == "telemetry");
        Assert.Equal(42, original["telemetry"]!["battery"]!.GetValue<int>());
        Assert.Equal("Seattle", original["enrichments"]!["store"]!.GetValue<string>());

        var failed = await WaitForStatusAsync(admin, "failing", "error");
        Assert.Equal("error", failed.GetProperty("status").GetString());
        var problem = failed.GetProperty("errors")[0].GetProperty("message").GetString();
        Assert.Contains("'broken'", problem);
        Assert.Contains("the transform failed: string (\"real-1\") and number (1) cannot be added", problem);
        Assert.Empty(broken.Received);
        var healthy = await OkAsync(admin.GetAsync(Preview("/dataExport/exports/shaped")), "Export");
        Assert.Equal("healthy", healthy.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ConnectivityExport_ReceivesConnectedAndDisconnected_OfTheDevicesItsFilterPasses()
    {
        var start = ClockStart;
        var clock = new FakeClock(start);
        using var hook = new WebhookListener();
        using var other = new WebhookListener();
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { Clock = clock });
        var admin = emulator.Admin;
        await DeviceTemplates.CreatePhoneAsync(admin, "real-1", simulated: false);
        await DeviceTemplates.CreatePhoneAsync(admin, "real-2", simulated: false);
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PatchAsync(ApiClient.Api("/devices/real-1/properties"), new { owner = "Ada" }, "application/json")).Status);
        await PutHooksAsync(admin, hook, other);
        await OkAsync(admin.PutAsync(Preview("/dataExport/exports/conn"), Export("deviceConnectivity", "hook", $"SELECT * FROM {Phone} WHERE $id = 'real-1'")), "Export");
        await OkAsync(admin.PutAsync(Preview("/dataExport/exports/life"), Export("deviceLifecycle", "other")), "Export");

        var first = await DeviceFeed.ClientAsync(admin, "real-1", clock.GetUtcNow().AddHours(1));
        var second = await DeviceFeed.ClientAsync(admin, "real-2", clock.GetUtcNow().AddHours(1));
        await DeviceFeed.SendTelemetryAsync(first, "real-1", new { component = "sensors", values = new { battery = 80 } });
        await DeviceFeed.ReportAsync(first, "real-1", new { component = "device_info", values = new { manufacturer = "Contoso" } });
        await DeviceFeed.SendTelemetryAsync(second, "real-2", new { component = "sensors", values = new { battery = 70 } });
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.NoContent, (await first.DeleteAsync(DeviceFeed.Url("real-1", "/connection"))).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await first.DeleteAsync(DeviceFeed.Url("real-1", "/connection"))).Status);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.NoContent, (await first.PutAsync(DeviceFeed.Url("real-1", "/connection"), new { })).Status);
        await hook.WaitForAsync(m => m["enqueuedTime"]?.GetValue<string>() == "2030-05-01T08:02:00.000Z");

        // Deleted while connected, the device is disconnected first; its property enrichment is gone with it.
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(ApiClient.Api("/devices/real-1"))).Status);
        var deleted = await other.WaitForAsync(m => m["messageType"]?.GetValue<string>() == "deleted");

        Assert.Equal(
            [
                Delivered("deviceConnectivity", "connected", "real-1", Phone, start, "Ada"),
                Delivered("deviceConnectivity", "disconnected", "real-1", Phone, start.AddMinutes(1), "Ada"),
                Delivered("deviceConnectivity", "connected", "real-1", Phone, start.AddMinutes(2), "Ada"),
                Delivered("deviceConnectivity", "disconnected", "real-1", Phone, start.AddMinutes(3), null),
            ],
            hook.Received.Select(r => r.Body.ToJsonString()));
        // Messages go out in order: the lifecycle export saw only the devices' provisioning (their first requests) before the deletion.
        Assert.Equal(
            [
                Delivered("deviceLifecycle", "provisioned", "real-1", Phone, start, "Ada"),
                Delivered("deviceLifecycle", "provisioned", "real-2", Phone, start, null),
                Delivered("deviceLifecycle", "deleted", "real-1", Phone, start.AddMinutes(3), null),
            ],
            other.Received.Select(r => r.Body.ToJsonString()));
        Assert.Equal("deviceLifecycle", deleted["messageSource"]!.GetValue<string>());
    }

    [Fact]
    public async Task TemplateLifecycleExport_ReceivesCreatedUpdatedAndDeleted_OfItsFilterTemplate()
    {
        const string One = "dtmi:contoso:exportOne;1";
        const string Two = "dtmi:contoso:exportTwo;1";
        var start = ClockStart;
        var clock = new FakeClock(start);
        using var hook = new WebhookListener();
        using var other = new WebhookListener();
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { Clock = clock });
        var admin = emulator.Admin;
        await PutHooksAsync(admin, hook, other);
        var refused = await admin.PutAsync(Preview("/dataExport/exports/tpl"), Export("deviceTemplateLifecycle", "hook", $"SELECT * FROM {One} WHERE $id = 'x'"));
        Assert.Contains("without WHERE", await ErrorAssert.IsErrorAsync(refused, HttpStatusCode.BadRequest));
        Assert.Equal("InvalidQuery", refused.Json.GetProperty("error").GetProperty("code").GetString());
        await OkAsync(admin.PutAsync(Preview("/dataExport/exports/tpl"), Export("deviceTemplateLifecycle", "hook", $"SELECT * FROM {One}")), "Export");
        await OkAsync(admin.PutAsync(Preview("/dataExport/exports/conn"), Export("deviceConnectivity", "other")), "Export");
        var telemetry = new JsonObject { ["@type"] = "Telemetry", ["name"] = "temperature", ["schema"] = "double" };

        await DeviceTemplates.PutAsync(admin, One, DeviceTemplates.WithContents(One, telemetry));
        await DeviceTemplates.PutAsync(admin, Two, DeviceTemplates.WithContents(Two, telemetry));
        clock.Advance(TimeSpan.FromMinutes(1));
        await DeviceTemplates.PutAsync(admin, One, DeviceTemplates.WithContents(One, telemetry));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsync(DeviceTemplates.Url(One), new { displayName = "Renamed" }, "application/json")).Status);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(DeviceTemplates.Url(Two))).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(DeviceTemplates.Url(One))).Status);
        await hook.WaitForAsync(m => m["messageType"]?.GetValue<string>() == "deleted");

        Assert.Equal(
            [
                Delivered("deviceTemplateLifecycle", "created", null, One, start, null),
                Delivered("deviceTemplateLifecycle", "updated", null, One, start.AddMinutes(1), null),
                Delivered("deviceTemplateLifecycle", "updated", null, One, start.AddMinutes(2), null),
                Delivered("deviceTemplateLifecycle", "deleted", null, One, start.AddMinutes(3), null),
            ],
            hook.Received.Select(r => r.Body.ToJsonString()));
        Assert.Empty(other.Received);
    }

    [Fact]
    public async Task AuditExport_ReceivesTheRestChangesOfEachAuditedEntity_WithTheActor()
    {
        const string One = "dtmi:contoso:exportOne;1";
        var start = ClockStart;
        var clock = new FakeClock(start);
        using var hook = new WebhookListener();
        using var other = new WebhookListener();
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { Clock = clock });
        var admin = emulator.Admin;
        await PutHooksAsync(admin, hook, other);
        var refused = await admin.PutAsync(Preview("/dataExport/exports/audit"), Export("audit", "hook", $"SELECT * FROM {One}"));
        Assert.Contains("takes no 'filter'", await ErrorAssert.IsErrorAsync(refused, HttpStatusCode.BadRequest));
        await OkAsync(admin.PutAsync(Preview("/dataExport/exports/audit"), Export("audit", "hook")), "Export");
        await OkAsync(admin.PutAsync(Preview("/dataExport/exports/life"), Export("deviceLifecycle", "other")), "Export");

        await DeviceTemplates.PutAsync(admin, One, DeviceTemplates.WithContents(One, new JsonObject { ["@type"] = "Property", ["name"] = "owner", ["schema"] = "string" }));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync(ApiClient.Api("/devices/d-1"), new { displayName = "Sensor 1", template = One })).Status);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsync(ApiClient.Api("/devices/d-1"), new { displayName = "Sensor 2" }, "application/json")).Status);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync(ApiClient.Api("/apiTokens/t-1"), new { roles = new[] { new { role = RoleIds.Operator } } })).Status);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(ApiClient.Api("/devices/d-1"))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync(ApiClient.Api("/devices/d-1"))).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(ApiClient.Api("/apiTokens/t-1"))).Status);
        await hook.WaitForAsync(m => m["resource"]?["id"]?.GetValue<string>() == "t-1" && m["messageType"]?.GetValue<string>() == "deleted");

        Assert.Equal(
            [
                Audited("created", "export", "life", "Export deviceLifecycle", null, start),
                Audited("created", "deviceTemplate", One, "Test template", null, start),
                Audited("created", "device", "d-1", "Sensor 1", "d-1", start.AddMinutes(1)),
                Audited("updated", "device", "d-1", "Sensor 2", "d-1", start.AddMinutes(2)),
                Audited("created", "apiToken", "t-1", "t-1", null, start.AddMinutes(2)),
                Audited("deleted", "device", "d-1", "Sensor 2", "d-1", start.AddMinutes(3)),
                Audited("deleted", "apiToken", "t-1", "t-1", null, start.AddMinutes(3)),
            ],
            hook.Received.Select(r => r.Body.ToJsonString()));
        Assert.Equal(["registered", "displayNameChanged", "deleted"], other.Received.Select(r => r.Body["messageType"]!.GetValue<string>()));
        Assert.All(other.Received, r => Assert.Equal("deviceLifecycle", r.Body["messageSource"]!.GetValue<string>()));
    }

    [Fact]
    public async Task LifecycleExport_ReceivesEachRealChangeOfADevice_AndNothingForANoOpWrite()
    {
        const string Two = "dtmi:contoso:phone;2";
        var start = ClockStart;
        var clock = new FakeClock(start);
        using var phones = new WebhookListener();
        using var all = new WebhookListener();
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { Clock = clock });
        var admin = emulator.Admin;
        await DeviceTemplates.CreatePhoneAsync(admin, "real-1", simulated: false);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync(ApiClient.Api("/deviceGroups/one"), new { displayName = "One", filter = "SELECT * FROM devices WHERE $id = 'real-1'" })).Status);
        await OkAsync(admin.PutAsync(Preview("/dataExport/destinations/phones"), Webhook(phones.Url)), "WebhookV1Destination");
        await OkAsync(admin.PutAsync(Preview("/dataExport/destinations/all"), Webhook(all.Url)), "WebhookV1Destination");
        await OkAsync(admin.PutAsync(Preview("/dataExport/exports/phones"), Export("deviceLifecycle", "phones", $"SELECT * FROM {Phone}")), "Export");
        await OkAsync(admin.PutAsync(Preview("/dataExport/exports/all"), Export("deviceLifecycle", "all")), "Export");
        var device = ApiClient.Api("/devices/real-1");
        async Task WriteAsync(HttpMethod method, object body)
        {
            var response = await admin.SendAsync(method, device, body);
            Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
        }

        // Each write is made twice: the second changes nothing, so it sends nothing.
        foreach (var (method, body) in new (HttpMethod, object)[]
        {
            (HttpMethod.Patch, new { displayName = "Phone 1" }),
            (HttpMethod.Patch, new { enabled = false }),
            (HttpMethod.Put, new { displayName = "Phone 1", template = Phone }), // a PUT without 'enabled' enables
        })
        {
            await WriteAsync(method, body);
            await WriteAsync(method, body);
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        // The first request through the feed provisions the device; later ones do not again.
        var feed = await DeviceFeed.ClientAsync(admin, "real-1", clock.GetUtcNow().AddHours(1));
        await DeviceFeed.SendTelemetryAsync(feed, "real-1", new { component = "sensors", values = new { battery = 80 } });
        await DeviceFeed.SendTelemetryAsync(feed, "real-1", new { component = "sensors", values = new { battery = 70 } });
        clock.Advance(TimeSpan.FromMinutes(1));

        // A migration job moves it to a template the filtered export does not name; a PATCH moves it back.
        var migrate = await admin.PutAsync(ApiClient.Api("/jobs/migrate"), new { group = "one", data = new[] { new { type = "deviceTemplateMigration", template = Two } } });
        Assert.True(migrate.Status == HttpStatusCode.OK, migrate.ToString());
        clock.Advance(TimeSpan.FromSeconds(1));
        await all.WaitForAsync(m => m["templateId"]?.GetValue<string>() == Two);
        clock.Advance(TimeSpan.FromSeconds(59));
        await WriteAsync(HttpMethod.Patch, new { template = Phone });
        await WriteAsync(HttpMethod.Patch, new { template = Phone });
        await phones.WaitForAsync(m => m["messageType"]?.GetValue<string>() == "deviceTemplateChanged");
        await all.WaitForAsync(m => m["messageType"]?.GetValue<string>() == "deviceTemplateChanged" && m["templateId"]?.GetValue<string>() == Phone);

        string[] ofPhones =
        [
            Delivered("deviceLifecycle", "displayNameChanged", "real-1", Phone, start, null),
            Delivered("deviceLifecycle", "disabled", "real-1", Phone, start.AddMinutes(1), null),
            Delivered("deviceLifecycle", "enabled", "real-1", Phone, start.AddMinutes(2), null),
            Delivered("deviceLifecycle", "provisioned", "real-1", Phone, start.AddMinutes(3), null),
            Delivered("deviceLifecycle", "deviceTemplateChanged", "real-1", Phone, start.AddMinutes(5), null),
        ];
        Assert.Equal(ofPhones, phones.Received.Select(r => r.Body.ToJsonString()));
        Assert.Equal(
            [.. ofPhones[..4], Delivered("deviceLifecycle", "deviceTemplateChanged", "real-1", Two, start.AddMinutes(4).AddSeconds(1), null), ofPhones[4]],
            all.Received.Select(r => r.Body.ToJsonString()));
    }

    [Fact]
    public async Task AuditExport_ReceivesTheChangesOfOrganizationsGroupsDataExportAndFileUploads()
    {
        var start = ClockStart;
        using var hook = new WebhookListener();
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { Clock = new FakeClock(start) });
        var admin = emulator.Admin;
        await PutHooksAsync(admin, hook);
        await OkAsync(admin.PutAsync(Preview("/dataExport/exports/audit"), Export("audit", "hook")), "Export");
        async Task SendAsync(HttpMethod method, string path, object? body, HttpStatusCode expected)
        {
            var response = await admin.SendAsync(method, path, body);
            Assert.True(response.Status == expected, response.ToString());
        }

        await SendAsync(HttpMethod.Put, ApiClient.Api("/organizations/org-1"), new { displayName = "Contoso" }, HttpStatusCode.OK);
        await SendAsync(HttpMethod.Patch, ApiClient.Api("/organizations/org-1"), new { displayName = "Contoso West" }, HttpStatusCode.OK);
        await SendAsync(HttpMethod.Put, ApiClient.Api("/organizations/org-2"), new { displayName = "Orphan", parent = "nope" }, HttpStatusCode.BadRequest);
        await SendAsync(HttpMethod.Put, ApiClient.Api("/deviceGroups/dg-1"), new { displayName = "Phones", filter = "SELECT * FROM devices WHERE $id = 'x'" }, HttpStatusCode.OK);
        await SendAsync(HttpMethod.Put, Preview("/dataExport/destinations/spare"), Webhook(hook.Url), HttpStatusCode.OK);
        await SendAsync(HttpMethod.Patch, Preview("/dataExport/exports/audit"), new { displayName = "Audit trail" }, HttpStatusCode.OK);
        await SendAsync(HttpMethod.Put, ApiClient.Api("/fileUploads"), new { connectionString = "DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=c2VjcmV0LWtleQ==;EndpointSuffix=core.windows.net", container = "uploads" }, HttpStatusCode.OK);
        await SendAsync(HttpMethod.Delete, ApiClient.Api("/fileUploads"), null, HttpStatusCode.NoContent);
        await SendAsync(HttpMethod.Delete, ApiClient.Api("/fileUploads"), null, HttpStatusCode.NoContent); // already being removed: no change
        await SendAsync(HttpMethod.Delete, ApiClient.Api("/deviceGroups/dg-1"), null, HttpStatusCode.NoContent);
        await SendAsync(HttpMethod.Delete, Preview("/dataExport/destinations/spare"), null, HttpStatusCode.NoContent);
        await SendAsync(HttpMethod.Delete, ApiClient.Api("/organizations/org-1"), null, HttpStatusCode.NoContent);
        await hook.WaitForAsync(m => m["resource"]?["id"]?.GetValue<string>() == "org-1" && m["messageType"]?.GetValue<string>() == "deleted");

        Assert.Equal(
            [
                Audited("created", "organization", "org-1", "Contoso", null, start),
                Audited("updated", "organization", "org-1", "Contoso West", null, start),
                Audited("created", "deviceGroup", "dg-1", "Phones", null, start),
                Audited("created", "destination", "spare", "Hook", null, start),
                Audited("updated", "export", "audit", "Audit trail", null, start),
                Audited("created", "fileUpload", "fileUpload", "fileUpload", null, start),
                Audited("deleted", "fileUpload", "fileUpload", "fileUpload", null, start),
                Audited("deleted", "deviceGroup", "dg-1", "Phones", null, start),
                Audited("deleted", "destination", "spare", "Hook", null, start),
                Audited("deleted", "organization", "org-1", "Contoso West", null, start),
            ],
            hook.Received.Select(r => r.Body.ToJsonString()));
    }

    /// <summary>An audit message of a change the emulator's admin token made, with <see cref="Export"/>'s enrichments (none of them a device property here).</summary>
    private static string Audited(string type, string resourceType, string id, string displayName, string? deviceId, DateTimeOffset time)
    {
        var message = new JsonObject
        {
            ["applicationId"] = DevelopmentApplication.Create().Id,
            ["messageSource"] = "audit",
            ["messageType"] = type,
            ["schema"] = "default@v1",
            ["enqueuedTime"] = Timestamp(time),
        };
        if (deviceId is not null)
        {
            message["deviceId"] = deviceId;
        }

        message["actor"] = new JsonObject { ["id"] = DevelopmentApplication.AdminTokenId, ["type"] = "apiToken" };
        message["resource"] = new JsonObject { ["displayName"] = displayName, ["id"] = id, ["type"] = resourceType };
        message["enrichments"] = new JsonObject { ["store"] = "Seattle", ["owner"] = null };
        return message.ToJsonString();
    }

    private static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A message as delivered with <see cref="Export"/>'s enrichments, members in the order the emulator writes them;
    /// a template's lifecycle names no device.
    /// </summary>
    private static string Delivered(string source, string type, string? deviceId, string templateId, DateTimeOffset time, string? owner)
    {
        var message = new JsonObject { ["applicationId"] = DevelopmentApplication.Create().Id, ["messageSource"] = source, ["messageType"] = type };
        if (deviceId is not null)
        {
            message["deviceId"] = deviceId;
        }

        message["schema"] = "default@v1";
        message["templateId"] = templateId;
        message["enqueuedTime"] = Timestamp(time);
        message["enrichments"] = new JsonObject { ["store"] = "Seattle", ["owner"] = owner };
        return message.ToJsonString();
    }

    /// <summary>Polls the export (generously) until it has the status; returns it as last read.</summary>
    private static async Task<JsonElement> WaitForStatusAsync(ApiClient admin, string exportId, string status)
    {
        var export = await OkAsync(admin.GetAsync(Preview($"/dataExport/exports/{exportId}")), "Export");
        for (var i = 0; i < 300 && export.GetProperty("status").GetString() != status; i++)
        {
            await Task.Delay(100);
            export = await OkAsync(admin.GetAsync(Preview($"/dataExport/exports/{exportId}")), "Export");
        }

        return export;
    }
}
