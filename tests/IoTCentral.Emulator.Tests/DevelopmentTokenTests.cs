using System.Net;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Emulator.Tests;

public sealed class DevelopmentTokenTests
{
    [Fact]
    public async Task AdminToken_IsTheSameOnEveryRun_AndIsTheDocumentedConstant()
    {
        await using var first = await TestEmulator.StartAsync();
        await using var second = await TestEmulator.StartAsync();

        Assert.NotEqual(first.Server.ApplicationUrl, second.Server.ApplicationUrl);
        Assert.Equal(first.Server.AdminApiToken, second.Server.AdminApiToken);
        Assert.Equal(EmulatorDefaults.DevelopmentAdminApiToken, first.Server.AdminApiToken);
        Assert.Equal(HttpStatusCode.OK, (await first.Admin.WithToken(EmulatorDefaults.DevelopmentAdminApiToken).GetAsync(ApiClient.Api("/apiTokens"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await second.Admin.WithToken(EmulatorDefaults.DevelopmentAdminApiToken).GetAsync(ApiClient.Api("/apiTokens"))).Status);
    }

    [Fact]
    public async Task AdminToken_IsBuiltIn_NotListed_AndCannotBeRemoved()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var fields = AuthenticationTests.Fields(emulator.Server.AdminApiToken);

        var list = await emulator.Admin.GetAsync(ApiClient.Api("/apiTokens"));
        var delete = await emulator.Admin.DeleteAsync(ApiClient.Api($"/apiTokens/{fields["skn"]}"));

        Assert.Equal("emulator-admin", fields["skn"]);
        Assert.Equal(new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero).ToUnixTimeMilliseconds().ToString(), fields["se"]);
        Assert.Equal(0, list.Json.GetProperty("value").GetArrayLength());
        await ErrorAssert.IsErrorAsync(delete, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await emulator.Admin.GetAsync(ApiClient.Api("/roles"))).Status);
    }

    [Fact]
    public void DefaultUrl_IsLoopbackPort5180()
    {
        var url = new Uri(EmulatorDefaults.DefaultUrl);
        Assert.Equal("127.0.0.1", url.Host);
        Assert.Equal(5180, url.Port);
        Assert.Equal("http://127.0.0.1:0", new EmulatorOptions().Urls);
    }

    [Fact]
    public async Task StartAsync_RejectsBadOptions()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => EmulatorServer.StartAsync(new EmulatorOptions { PageSize = 0 }));
        await Assert.ThrowsAsync<ArgumentException>(() => EmulatorServer.StartAsync(new EmulatorOptions { Urls = " " }));
    }

    [Fact]
    public async Task DisposedServer_StopsListening()
    {
        var emulator = await TestEmulator.StartAsync();
        var url = emulator.Server.ApplicationUrl;
        await emulator.DisposeAsync();

        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(5) };
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(ApiClient.Api("/roles")));
    }
}
