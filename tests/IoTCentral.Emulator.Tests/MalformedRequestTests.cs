using System.Net;
using System.Net.Http.Headers;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Emulator.Tests;

/// <summary>
/// Bodies and headers a client could send by mistake or on purpose: every one is answered in the service's error
/// shape with a 4xx, and nothing a client sends decides where nextLink points.
/// </summary>
public sealed class MalformedRequestTests
{
    public static TheoryData<string, byte[]> MalformedBodies => new()
    {
        { "invalid UTF-8 inside a string", [.. "{\"displayName\":\""u8, 0xC3, 0x28, .. "\"}"u8] },
        { "a lone continuation byte", [.. "{\"displayName\":\"a"u8, 0x80, .. "\"}"u8] },
        { "duplicate keys", "{\"displayName\":\"a\",\"displayName\":\"b\"}"u8.ToArray() },
        { "duplicate nested keys", "{\"displayName\":\"a\",\"cloudProperties\":{\"x\":1,\"x\":2}}"u8.ToArray() },
        { "a byte order mark then garbage", [0xEF, 0xBB, 0xBF, .. "{]"u8] },
        { "a truncated object", "{\"displayName\":"u8.ToArray() },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task MalformedJsonBody_IsA400InTheServiceShape(string why, byte[] body)
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Put, ApiClient.Api("/devices/malformed-1"));
        request.Headers.TryAddWithoutValidation("Authorization", emulator.Admin.Token);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await emulator.Http.SendAsync(request);
        var answer = await ApiResponse.ReadAsync(response);

        var message = await ErrorAssert.IsErrorAsync(answer, HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrWhiteSpace(message), why);
        Assert.Equal(HttpStatusCode.NotFound, (await emulator.Admin.GetAsync(ApiClient.Api("/devices/malformed-1"))).Status);
    }

    [Fact]
    public async Task NextLink_IgnoresTheHostHeader()
    {
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { PageSize = 1 });
        foreach (var id in new[] { "h1", "h2" })
        {
            Assert.Equal(HttpStatusCode.OK, (await emulator.Admin.PutAsync(ApiClient.Api($"/devices/{id}"), new { displayName = id })).Status);
        }

        var page = await emulator.Admin.SendAsync(HttpMethod.Get, ApiClient.Api("/devices"),
            headers: new Dictionary<string, string> { ["Host"] = "evil.example.com" });

        var nextLink = new Uri(page.Json.GetProperty("nextLink").GetString()!);
        Assert.Equal(emulator.Server.ApplicationUrl.Authority, nextLink.Authority);
        Assert.Equal(emulator.Server.ApplicationUrl.Scheme, nextLink.Scheme);
    }
}
