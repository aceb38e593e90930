using System;
using System.Collections;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using IoTCentral.Engine.Tests.Support;
using IoTCentral.Models;
using Xunit;

namespace IoTCentral.Engine.Tests;

/// <summary>The emulator's device feed: signed with the device's key in IoT Hub's device-SAS format, and refused elsewhere.</summary>
public class EmulatorFeedOperationsTests
{
    private const string Key = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly Uri Emulator = new("http://127.0.0.1:5180/");

    private static Func<System.Net.Http.HttpResponseMessage> Credentials() => () => FakeHandler.Json(HttpStatusCode.OK,
        $$$"""{"idScope":"0neTEST","symmetricKey":{"primaryKey":"{{{Key}}}","secondaryKey":"{{{Key}}}"}}""");

    [Fact]
    public async Task Telemetry_goes_to_the_feed_signed_with_the_devices_primary_key_not_the_api_token()
    {
        var handler = FakeHandler.Sequence(Credentials(), () => FakeHandler.Status(HttpStatusCode.NoContent));
        using var client = TestClients.WithApiToken(handler, url: Emulator);
        var at = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.FromHours(2));

        await client.EmulatorFeed.SendTelemetryAsync("my phone", null, "sensors", at, new Hashtable { ["battery"] = 42L }, None);

        var feed = handler.Requests[1];
        Assert.Equal("POST", feed.Method);
        Assert.Equal("/device-api/devices/my%20phone/telemetry", feed.Uri.AbsolutePath);
        Assert.Equal(string.Empty, feed.Uri.Query);
        using var body = JsonDocument.Parse(feed.Body!);
        Assert.Equal(42, body.RootElement.GetProperty("values").GetProperty("battery").GetInt32());
        Assert.Equal("sensors", body.RootElement.GetProperty("component").GetString());
        Assert.False(body.RootElement.TryGetProperty("module", out _));
        Assert.Equal(at, body.RootElement.GetProperty("timestamp").GetDateTimeOffset());

        var authorization = feed.Headers["Authorization"];
        var parts = authorization["SharedAccessSignature ".Length..].Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        Assert.Equal(Uri.EscapeDataString("0neTEST/devices/my phone"), parts["sr"]);
        using var hmac = new HMACSHA256(Convert.FromBase64String(Key));
        var expected = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(parts["sr"] + "\n" + parts["se"])));
        Assert.Equal(expected, Uri.UnescapeDataString(parts["sig"]));
        Assert.InRange(DateTimeOffset.FromUnixTimeSeconds(long.Parse(parts["se"])), DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(1));
    }

    [Fact]
    public async Task Properties_are_a_merge_patch_with_the_acknowledgement_given()
    {
        var handler = FakeHandler.Sequence(Credentials(), () => FakeHandler.Status(HttpStatusCode.NoContent));
        using var client = TestClients.WithApiToken(handler, url: Emulator);

        await client.EmulatorFeed.ReportPropertiesAsync("t1", "env", null, new Hashtable { ["sendInterval"] = 5L }, 400, "too fast", None);

        var feed = handler.Requests[1];
        Assert.Equal("PATCH", feed.Method);
        Assert.Equal("application/merge-patch+json", feed.ContentType);
        Assert.Equal("/device-api/devices/t1/properties", feed.Uri.AbsolutePath);
        using var body = JsonDocument.Parse(feed.Body!);
        Assert.Equal("env", body.RootElement.GetProperty("module").GetString());
        Assert.Equal(400, body.RootElement.GetProperty("ackCode").GetInt32());
        Assert.Equal("too fast", body.RootElement.GetProperty("ackDescription").GetString());
    }

    [Fact]
    public async Task A_command_answer_is_put_with_its_level_in_the_body_and_deleted_with_it_in_the_query()
    {
        var handler = FakeHandler.Sequence(
            Credentials(), () => FakeHandler.Status(HttpStatusCode.NoContent),
            Credentials(), () => FakeHandler.Status(HttpStatusCode.NoContent));
        using var client = TestClients.WithApiToken(handler, url: Emulator);

        await client.EmulatorFeed.SetCommandResponseAsync("t1", "env", "thermostat 1", "getReport", 202, true, new Hashtable { ["maxTemp"] = 24.5 }, None);
        await client.EmulatorFeed.RemoveCommandResponseAsync("t1", "env", "thermostat 1", "getReport", None);

        var put = handler.Requests[1];
        Assert.Equal("PUT", put.Method);
        Assert.Equal("/device-api/devices/t1/commands/getReport", put.Uri.AbsolutePath);
        Assert.StartsWith("SharedAccessSignature sr=", put.Headers["Authorization"], StringComparison.Ordinal);
        using (var body = JsonDocument.Parse(put.Body!))
        {
            Assert.Equal("env", body.RootElement.GetProperty("module").GetString());
            Assert.Equal("thermostat 1", body.RootElement.GetProperty("component").GetString());
            Assert.Equal(202, body.RootElement.GetProperty("responseCode").GetInt32());
            Assert.Equal(24.5, body.RootElement.GetProperty("response").GetProperty("maxTemp").GetDouble());
        }

        var delete = handler.Requests[3];
        Assert.Equal("DELETE", delete.Method);
        Assert.Equal("/device-api/devices/t1/commands/getReport", delete.Uri.AbsolutePath);
        Assert.Equal("?component=thermostat%201&module=env", delete.Uri.Query);
        Assert.True(string.IsNullOrEmpty(delete.Body));
    }

    [Fact]
    public async Task Without_a_response_or_code_the_answer_body_leaves_them_to_the_emulator()
    {
        var handler = FakeHandler.Sequence(Credentials(), () => FakeHandler.Status(HttpStatusCode.NoContent));
        using var client = TestClients.WithApiToken(handler, url: Emulator);

        await client.EmulatorFeed.SetCommandResponseAsync("t1", null, null, "reboot", null, false, null, None);

        Assert.Equal("{}", handler.Requests[1].Body);
    }

    [Fact]
    public async Task Connecting_and_disconnecting_put_and_delete_the_connection_as_the_device()
    {
        var handler = FakeHandler.Sequence(
            Credentials(), () => FakeHandler.Status(HttpStatusCode.NoContent),
            Credentials(), () => FakeHandler.Status(HttpStatusCode.NoContent));
        using var client = TestClients.WithApiToken(handler, url: Emulator);

        await client.EmulatorFeed.ConnectAsync("t1", None);
        await client.EmulatorFeed.DisconnectAsync("t1", None);

        Assert.Equal(("PUT", "/device-api/devices/t1/connection"), (handler.Requests[1].Method, handler.Requests[1].Uri.AbsolutePath));
        Assert.Equal(("DELETE", "/device-api/devices/t1/connection"), (handler.Requests[3].Method, handler.Requests[3].Uri.AbsolutePath));
        Assert.StartsWith("SharedAccessSignature sr=", handler.Requests[3].Headers["Authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_without_the_feed_is_not_an_emulator_but_an_unknown_device_stays_one()
    {
        var noFeed = FakeHandler.Sequence(Credentials(), () => FakeHandler.Json(HttpStatusCode.NotFound, """{"error":{"code":"NotFound","message":"No such path."}}"""));
        using (var client = TestClients.WithApiToken(noFeed, url: Emulator))
        {
            var error = await Assert.ThrowsAsync<IoTCentralException>(() => client.EmulatorFeed.SendTelemetryAsync("t1", null, null, null, new Hashtable { ["t"] = 1L }, None));
            Assert.Equal(EmulatorFeedOperations.NotAnEmulatorErrorCode, error.ErrorCode);
            Assert.Equal(404, error.Status);
        }

        var deleted = FakeHandler.Sequence(Credentials(), () => FakeHandler.Json(HttpStatusCode.NotFound, """{"error":{"code":"DeviceNotFound","message":"Gone."}}"""));
        using (var client = TestClients.WithApiToken(deleted, url: Emulator))
        {
            var error = await Assert.ThrowsAsync<IoTCentralException>(() => client.EmulatorFeed.SendTelemetryAsync("t1", null, null, null, new Hashtable { ["t"] = 1L }, None));
            Assert.Equal("DeviceNotFound", error.ErrorCode);
        }
    }

    [Fact]
    public async Task A_refused_device_signature_is_told_apart_from_a_refused_caller()
    {
        var expired = FakeHandler.Sequence(Credentials(), () => FakeHandler.Json(HttpStatusCode.Unauthorized, """{"error":{"code":"ExpiredToken","message":"The device signature expired at 1767225600 (seconds since the Unix epoch)."}}"""));
        using (var client = TestClients.WithApiToken(expired, url: Emulator))
        {
            var error = await Assert.ThrowsAsync<IoTCentralException>(() => client.EmulatorFeed.SendTelemetryAsync("t1", null, null, null, new Hashtable { ["t"] = 1L }, None));
            Assert.Equal((401, EmulatorFeedOperations.SignatureRejectedErrorCode), (error.Status, error.ErrorCode));
            Assert.Contains("'t1'", error.Message, StringComparison.Ordinal);
            Assert.Contains("expired at 1767225600", error.Message, StringComparison.Ordinal);
            Assert.Equal(2, expired.Requests.Count);
        }

        // Reading the device's keys is the caller's own request: its 401 is the caller's, as for every other call.
        var signedOut = FakeHandler.Sequence(() => FakeHandler.Json(HttpStatusCode.Unauthorized, """{"error":{"code":"Unauthorized","message":"The token is not valid."}}"""));
        using (var client = TestClients.WithApiToken(signedOut, url: Emulator))
        {
            var error = await Assert.ThrowsAsync<IoTCentralException>(() => client.EmulatorFeed.SendTelemetryAsync("t1", null, null, null, new Hashtable { ["t"] = 1L }, None));
            Assert.Equal(401, error.Status);
            Assert.NotEqual(EmulatorFeedOperations.SignatureRejectedErrorCode, error.ErrorCode);
            Assert.Single(signedOut.Requests);
        }
    }

    [Fact]
    public async Task A_real_application_is_refused_before_any_request()
    {
        var handler = FakeHandler.Sequence(Credentials());
        using var client = TestClients.WithApiToken(handler, url: TestClients.UniqueAppUrl());

        var error = await Assert.ThrowsAsync<IoTCentralException>(() => client.EmulatorFeed.ReportPropertiesAsync("t1", null, null, new Hashtable { ["p"] = 1L }, null, null, None));

        Assert.Equal(EmulatorFeedOperations.NotAnEmulatorErrorCode, error.ErrorCode);
        Assert.Empty(handler.Requests);
    }
}
