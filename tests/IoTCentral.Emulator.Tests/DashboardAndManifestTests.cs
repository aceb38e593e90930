using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Emulator.Tests;

/// <summary>Dashboards_*, DeploymentManifests_* and Devices_ApplyManifest (preview only), validated against the preview spec.</summary>
public sealed class DashboardAndManifestTests
{
    private const string Preview = "2022-10-31-preview";

    private static string Url(string path, string query = "") => $"/api{path}?api-version={Preview}{query}";

    private static object Dashboard(string name) => JsonNode.Parse("""
        {"displayName":"NAME","tiles":[
          {"displayName":"Note","x":0,"y":0,"width":2,"height":2,"configuration":{"type":"markdown","description":"**hello**"}},
          {"displayName":"Temperature","x":2,"y":0,"width":4,"height":2,"configuration":{"type":"lineChart","group":"phones","devices":["a"],
            "capabilities":[{"capability":"temperature","aggregateFunction":"avg"}],"queryRange":{"type":"time","duration":"PT30M","resolution":"PT1M"}}}]}
        """.Replace("NAME", name, StringComparison.Ordinal))!.ToJsonString();

    private static readonly object Manifest = new { displayName = "Camera", data = new { modulesContent = new { edgeAgent = new { properties_desired = new { schemaVersion = "1.1" } } } } };

    [Fact]
    public async Task Dashboards_Crud_MatchPreviewSchema_AndPage()
    {
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { PageSize = 1 });
        var created = await emulator.Admin.PutAsync(Url("/dashboards/ops"), Dashboard("Operations"));
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        await PreviewSpecSchemas.AssertValidAsync("Dashboard", created.Body);
        Assert.False(created.Json.GetProperty("personal").GetBoolean());
        var tileId = created.Json.GetProperty("tiles")[0].GetProperty("id").GetString();
        Assert.False(string.IsNullOrEmpty(tileId));
        Assert.Equal(HttpStatusCode.OK, (await emulator.Admin.PutAsync(Url("/dashboards/lab"), Dashboard("Lab"))).Status);

        var pages = await emulator.Admin.GetAllPagesAsync(Url("/dashboards"));
        Assert.Equal(2, pages.Count);
        foreach (var page in pages)
        {
            await PreviewSpecSchemas.AssertValidAsync("DashboardCollection", page.Body);
        }

        var filtered = await emulator.Admin.GetAsync(Url("/dashboards", "&filter=displayName%20eq%20'Lab'"));
        Assert.Equal("lab", Assert.Single(filtered.Json.GetProperty("value").EnumerateArray()).GetProperty("id").GetString());

        var patched = await emulator.Admin.PatchAsync(Url("/dashboards/ops"), new { favorite = true, etag = created.Json.GetProperty("etag").GetString() }, "application/json");
        Assert.True(patched.Status == HttpStatusCode.OK, patched.ToString());
        Assert.True(patched.Json.GetProperty("favorite").GetBoolean());
        Assert.Equal(tileId, patched.Json.GetProperty("tiles")[0].GetProperty("id").GetString());
        await ErrorAssert.IsErrorAsync(await emulator.Admin.PatchAsync(Url("/dashboards/ops"), new { favorite = false, etag = "stale" }), HttpStatusCode.PreconditionFailed);

        Assert.Equal(HttpStatusCode.NoContent, (await emulator.Admin.DeleteAsync(Url("/dashboards/ops"))).Status);
        await ErrorAssert.IsErrorAsync(await emulator.Admin.GetAsync(Url("/dashboards/ops")), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/dashboards", "DashboardNotFound")]
    [InlineData("/deploymentManifests", "DeploymentManifestNotFound")]
    public async Task AnOrganizationRole_SeesOnlyDocumentsOfItsOrganizationAndBelow_AndAnOrganizationInUseStays(string collection, string notFoundCode)
    {
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { PageSize = 2 });
        var admin = emulator.Admin;
        await Organizations.EnsureCallerTreeAsync(admin);
        foreach (var target in new[] { "mine", "child", "sibling", "parent", "root" })
        {
            var body = JsonNode.Parse(collection == "/dashboards" ? (string)Dashboard(target) : JsonSerializer.Serialize(Manifest))!.AsObject();
            if (target != "root")
            {
                body["organizations"] = new JsonArray(target);
            }

            var created = await admin.PutAsync(Url($"{collection}/in{target}"), body.ToJsonString());
            Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        }

        var token = await admin.PutAsync(ApiClient.Api("/apiTokens/org-viewer"), new { roles = new[] { new { role = RoleIds.OrgViewer, organization = "mine" } } });
        var viewer = admin.WithToken(token.Json.GetProperty("token").GetString());

        var listed = (await viewer.GetAllPagesAsync(Url(collection)))
            .SelectMany(p => p.Json.GetProperty("value").EnumerateArray())
            .Select(d => d.GetProperty("id").GetString())
            .ToList();
        Assert.Equal(["inchild", "inmine"], listed);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(Url($"{collection}/inchild"))).Status);
        foreach (var hidden in new[] { "insibling", "inparent", "inroot" })
        {
            var response = await viewer.GetAsync(Url($"{collection}/{hidden}"));
            await ErrorAssert.IsErrorAsync(response, HttpStatusCode.NotFound);
            Assert.Equal(notFoundCode, response.Json.GetProperty("error").GetProperty("code").GetString());
        }

        Assert.Equal(5, (await admin.GetAllPagesAsync(Url(collection))).Sum(p => p.Json.GetProperty("value").GetArrayLength()));
        var inUse = await admin.DeleteAsync(ApiClient.Api("/organizations/child"));
        Assert.Contains(collection == "/dashboards" ? "dashboard" : "deployment manifest", await ErrorAssert.IsErrorAsync(inUse, HttpStatusCode.Conflict), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboards_BadTiles_AreRejectedWithTheirPath_AndGaHasNoRoute()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var unknownType = await emulator.Admin.PutAsync(Url("/dashboards/x"), new { displayName = "X", tiles = new[] { new { displayName = "t", x = 0, y = 0, width = 1, height = 1, configuration = new { type = "hologram" } } } });
        Assert.Contains("tiles[0].configuration.type", await ErrorAssert.IsErrorAsync(unknownType, HttpStatusCode.BadRequest), StringComparison.Ordinal);

        var missing = await emulator.Admin.PutAsync(Url("/dashboards/x"), new { displayName = "X", tiles = new[] { new { displayName = "t", x = 0, y = 0, width = 11, height = 1, configuration = new { type = "markdown" } } } });
        var message = await ErrorAssert.IsErrorAsync(missing, HttpStatusCode.BadRequest);
        Assert.Contains("tiles[0].width", message, StringComparison.Ordinal);
        Assert.Contains("tiles[0].configuration.description", message, StringComparison.Ordinal);

        await ErrorAssert.IsErrorAsync(await emulator.Admin.PutAsync(Url("/dashboards/bad%20id"), Dashboard("X")), HttpStatusCode.BadRequest);
        await ErrorAssert.IsErrorAsync(await emulator.Admin.GetAsync(ApiClient.Api("/dashboards")), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Manifests_Crud_MergePatchOnly_AndApplyToEdgeDevice()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var created = await emulator.Admin.PutAsync(Url("/deploymentManifests/camera"), Manifest);
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        await PreviewSpecSchemas.AssertValidAsync("DeploymentManifest", created.Body);
        await PreviewSpecSchemas.AssertValidAsync("DeploymentManifestCollection", (await emulator.Admin.GetAsync(Url("/deploymentManifests"))).Body);

        await ErrorAssert.IsErrorAsync(await emulator.Admin.PatchAsync(Url("/deploymentManifests/camera"), new { displayName = "Cam" }, "application/json"), HttpStatusCode.UnsupportedMediaType);
        var patched = await emulator.Admin.PatchAsync(Url("/deploymentManifests/camera"), new { displayName = "Cam" });
        Assert.Equal("Cam", patched.Json.GetProperty("displayName").GetString());
        await ErrorAssert.IsErrorAsync(await emulator.Admin.PutAsync(Url("/deploymentManifests/empty"), new { displayName = "no data" }), HttpStatusCode.BadRequest);
        await ErrorAssert.IsErrorAsync(await emulator.Admin.GetAsync(Url("/deploymentManifests", "&orderby=id")), HttpStatusCode.BadRequest);

        await TestModels.CreateDeviceAsync(emulator.Admin, "gateway", simulated: false);
        await DeviceTemplates.CreatePhoneAsync(emulator.Admin, "phone", simulated: false);
        var applied = await emulator.Admin.SendAsync(HttpMethod.Post, Url("/devices/gateway/applyDeploymentManifest"), Manifest);
        Assert.True(applied.Status == HttpStatusCode.OK, applied.ToString());
        await PreviewSpecSchemas.AssertValidAsync("DeploymentManifest", applied.Body);
        var device = await emulator.Admin.GetAsync(Url("/devices/gateway"));
        await PreviewSpecSchemas.AssertValidAsync("Device", device.Body);
        Assert.Equal("Camera", device.Json.GetProperty("deploymentManifest").GetProperty("displayName").GetString());
        await SpecSchemas.AssertValidAsync("Device", (await emulator.Admin.GetAsync(ApiClient.Api("/devices/gateway"))).Body);

        Assert.Contains("not an IoT Edge device", await ErrorAssert.IsErrorAsync(
            await emulator.Admin.SendAsync(HttpMethod.Post, Url("/devices/phone/applyDeploymentManifest"), Manifest), HttpStatusCode.BadRequest), StringComparison.Ordinal);
        await ErrorAssert.IsErrorAsync(await emulator.Admin.SendAsync(HttpMethod.Post, Url("/devices/nobody/applyDeploymentManifest"), Manifest), HttpStatusCode.NotFound);
    }
}
