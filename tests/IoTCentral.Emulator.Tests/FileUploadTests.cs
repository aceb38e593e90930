using System.Net;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Emulator.Tests;

/// <summary>FileUploads_* in GA and preview: the spec's shape, the provisioning states by the (fake) clock, and the masked connection string.</summary>
public sealed class FileUploadTests
{
    private const string Preview = "2022-10-31-preview";
    private const string ConnectionString = "DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=c2VjcmV0LWtleQ==;EndpointSuffix=core.windows.net";

    private static string PreviewUrl => $"/api/fileUploads?api-version={Preview}";

    private static async Task<(TestEmulator Emulator, FakeClock Clock)> StartAsync()
    {
        var clock = new FakeClock(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        return (await TestEmulator.StartAsync(new EmulatorOptions { Clock = clock }), clock);
    }

    [Fact]
    public async Task Put_IsPendingThenSucceeded_AndNeverEchoesTheKey()
    {
        var (emulator, clock) = await StartAsync();
        await using var owned = emulator;

        var created = await emulator.Admin.PutAsync(ApiClient.Api("/fileUploads"), new { connectionString = ConnectionString, container = "uploads", sasTtl = "PT1H" });
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        await SpecSchemas.AssertValidAsync("FileUpload", created.Body);
        Assert.Equal("pending", created.Json.GetProperty("state").GetString());
        Assert.DoesNotContain("c2VjcmV0LWtleQ", created.Body, StringComparison.Ordinal);
        Assert.Contains("AccountName=contoso", created.Json.GetProperty("connectionString").GetString(), StringComparison.Ordinal);

        Assert.Equal("pending", (await emulator.Admin.GetAsync(ApiClient.Api("/fileUploads"))).Json.GetProperty("state").GetString());
        clock.Advance(TimeSpan.FromSeconds(2));
        var settled = await emulator.Admin.GetAsync(PreviewUrl);
        await PreviewSpecSchemas.AssertValidAsync("FileUpload", settled.Body);
        Assert.Equal("succeeded", settled.Json.GetProperty("state").GetString());
        Assert.False(settled.Json.GetProperty("readAccess").GetBoolean());
    }

    [Fact]
    public async Task Patch_IsUpdating_Delete_IsDeletingThenGone()
    {
        var (emulator, clock) = await StartAsync();
        await using var owned = emulator;
        Assert.Equal(HttpStatusCode.OK, (await emulator.Admin.PutAsync(PreviewUrl, new { connectionString = ConnectionString, container = "uploads" })).Status);
        clock.Advance(TimeSpan.FromSeconds(2));

        var patched = await emulator.Admin.PatchAsync(PreviewUrl, new { container = "other", readAccess = true });
        Assert.True(patched.Status == HttpStatusCode.OK, patched.ToString());
        await PreviewSpecSchemas.AssertValidAsync("FileUpload", patched.Body);
        Assert.Equal("updating", patched.Json.GetProperty("state").GetString());
        Assert.Equal("other", patched.Json.GetProperty("container").GetString());
        Assert.True(patched.Json.GetProperty("readAccess").GetBoolean());

        // The GA shape has no readAccess.
        var ga = await emulator.Admin.GetAsync(ApiClient.Api("/fileUploads"));
        await SpecSchemas.AssertValidAsync("FileUpload", ga.Body);
        Assert.False(ga.Json.TryGetProperty("readAccess", out _));

        Assert.Equal(HttpStatusCode.NoContent, (await emulator.Admin.DeleteAsync(PreviewUrl)).Status);
        Assert.Equal("deleting", (await emulator.Admin.GetAsync(PreviewUrl)).Json.GetProperty("state").GetString());
        Assert.Contains("being deleted", await ErrorAssert.IsErrorAsync(await emulator.Admin.PatchAsync(PreviewUrl, new { container = "x" }), HttpStatusCode.Conflict), StringComparison.Ordinal);
        clock.Advance(TimeSpan.FromSeconds(2));
        var gone = await emulator.Admin.GetAsync(PreviewUrl);
        await ErrorAssert.IsErrorAsync(gone, HttpStatusCode.NotFound);
        Assert.Equal("FileUploadNotFound", gone.Header("x-ms-error-code"));
    }

    [Fact]
    public async Task BadBodies_And_WrongEtag_AreRejected()
    {
        var (emulator, _) = await StartAsync();
        await using var owned = emulator;
        Assert.Contains("no file upload configuration", await ErrorAssert.IsErrorAsync(await emulator.Admin.GetAsync(PreviewUrl), HttpStatusCode.NotFound), StringComparison.Ordinal);
        Assert.Contains("'connectionString' is required", await ErrorAssert.IsErrorAsync(await emulator.Admin.PutAsync(PreviewUrl, new { container = "uploads" }), HttpStatusCode.BadRequest), StringComparison.Ordinal);
        await ErrorAssert.IsErrorAsync(await emulator.Admin.PutAsync(PreviewUrl, new { connectionString = "not a connection string", container = "uploads" }), HttpStatusCode.BadRequest);
        await ErrorAssert.IsErrorAsync(await emulator.Admin.PutAsync(PreviewUrl, new { connectionString = ConnectionString, container = "uploads", sasTtl = "an hour" }), HttpStatusCode.BadRequest);

        Assert.Equal(HttpStatusCode.OK, (await emulator.Admin.PutAsync(PreviewUrl, new { connectionString = ConnectionString, container = "uploads" })).Status);
        await ErrorAssert.IsErrorAsync(await emulator.Admin.PatchAsync(PreviewUrl, new { etag = "stale", container = "x" }), HttpStatusCode.PreconditionFailed);
    }
}
