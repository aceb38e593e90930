using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Core.Pipeline;
using IoTCentral.Engine.Internal;
using IoTCentral.Engine.Json;
using IoTCentral.Models;

namespace IoTCentral.Engine;

/// <summary>
/// The IoT Central emulator's device-facing feed (<c>/device-api/devices/{deviceId}/...</c>, see docs/emulator.md):
/// telemetry, reported properties, command answers and the connection, each sent as the device itself. Each request reads the device's keys through the REST
/// API and is signed with the primary key in IoT Hub's device-SAS format; the signature and the key never leave the
/// engine, and the request log redacts the Authorization header as for every other call. A real IoT Central
/// application has no such feed (devices reach it through IoT Hub), so these calls are refused for one.
/// </summary>
public sealed class EmulatorFeedOperations
{
    /// <summary>The <see cref="IoTCentralException.ErrorCode"/> when the application is not an IoT Central emulator.</summary>
    public const string NotAnEmulatorErrorCode = "NotAnEmulator";

    /// <summary>
    /// The <see cref="IoTCentralException.ErrorCode"/> (status 401) when the emulator refuses the device's signature: the
    /// caller's own token was accepted a moment before (it read the device's keys), so this is not a sign-in failure.
    /// </summary>
    public const string SignatureRejectedErrorCode = "DeviceSignatureRejected";

    // Long enough for the pipeline's retries, short enough that a leaked value is soon useless.
    private static readonly TimeSpan SignatureLifetime = TimeSpan.FromMinutes(15);

    private readonly RestClient _rest;
    private readonly DevicesOperations _devices;
    private readonly Lazy<HttpPipeline> _pipeline;

    internal EmulatorFeedOperations(RestClient rest, DevicesOperations devices, Lazy<HttpPipeline> pipeline)
    {
        _rest = rest;
        _devices = devices;
        _pipeline = pipeline;
    }

    /// <summary>One telemetry message; without <paramref name="timestamp"/> the emulator stamps it with its clock.</summary>
    public Task SendTelemetryAsync(string deviceId, string? module, string? component, DateTimeOffset? timestamp, IDictionary values, CancellationToken ct)
    {
        var body = Body(module, component, values);
        if (timestamp is { } at)
        {
            body["timestamp"] = at.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture);
        }

        return SendAsync(RequestMethod.Post, deviceId, "telemetry", body, RestClient.JsonContentType, ct);
    }

    /// <summary>
    /// Reported property values; a writable one acknowledges its pending desired value with <paramref name="ackCode"/>
    /// and <paramref name="ackDescription"/> (the emulator's defaults, 200 and "completed", when null).
    /// </summary>
    public Task ReportPropertiesAsync(string deviceId, string? module, string? component, IDictionary values, int? ackCode, string? ackDescription, CancellationToken ct)
    {
        var body = Body(module, component, values);
        if (ackCode is { } code)
        {
            body["ackCode"] = code;
        }

        if (ackDescription is not null)
        {
            body["ackDescription"] = ackDescription;
        }

        return SendAsync(RequestMethod.Patch, deviceId, "properties", body, RestClient.MergePatchContentType, ct);
    }

    /// <summary>
    /// From now on the device answers <paramref name="commandName"/> at the level with <paramref name="responseCode"/>
    /// (the emulator's default, 200, when null) and, when <paramref name="hasResponse"/>, <paramref name="response"/>.
    /// </summary>
    public Task SetCommandResponseAsync(string deviceId, string? module, string? component, string commandName, int? responseCode, bool hasResponse, object? response, CancellationToken ct)
    {
        var body = Level(module, component);
        if (responseCode is { } code)
        {
            body["responseCode"] = code;
        }

        if (hasResponse)
        {
            body["response"] = response;
        }

        return SendAsync(RequestMethod.Put, deviceId, CommandRoute(commandName, null, null), body, RestClient.JsonContentType, ct);
    }

    /// <summary>The device stops answering <paramref name="commandName"/> at the level (nothing changes when it did not answer it).</summary>
    public Task RemoveCommandResponseAsync(string deviceId, string? module, string? component, string commandName, CancellationToken ct) =>
        SendAsync(RequestMethod.Delete, deviceId, CommandRoute(commandName, module, component), null, RestClient.JsonContentType, ct);

    /// <summary>The device connects (it stays connected until it disconnects); nothing changes when it is connected.</summary>
    public Task ConnectAsync(string deviceId, CancellationToken ct) =>
        SendAsync(RequestMethod.Put, deviceId, "connection", null, RestClient.JsonContentType, ct);

    /// <summary>The device disconnects; nothing changes when it is not connected.</summary>
    public Task DisconnectAsync(string deviceId, CancellationToken ct) =>
        SendAsync(RequestMethod.Delete, deviceId, "connection", null, RestClient.JsonContentType, ct);

    /// <summary>Whether <paramref name="applicationUrl"/> is a real IoT Central application, which has no device feed.</summary>
    public static bool IsCloudApplication(Uri applicationUrl) =>
        applicationUrl.Host.EndsWith(".azureiotcentral.com", StringComparison.OrdinalIgnoreCase);

    private static Dictionary<string, object?> Body(string? module, string? component, IDictionary values)
    {
        if (values is null || values.Count == 0)
        {
            throw new ArgumentException("There are no values to send.", nameof(values));
        }

        var body = Level(module, component);
        body["values"] = values;
        return body;
    }

    private static Dictionary<string, object?> Level(string? module, string? component)
    {
        var body = new Dictionary<string, object?>();
        if (!string.IsNullOrEmpty(module))
        {
            body["module"] = module;
        }

        if (!string.IsNullOrEmpty(component))
        {
            body["component"] = component;
        }

        return body;
    }

    /// <summary>A DELETE has no body, so it names the level in the query.</summary>
    private static string CommandRoute(string commandName, string? module, string? component)
    {
        if (string.IsNullOrEmpty(commandName))
        {
            throw new ArgumentException("A command name is required.", nameof(commandName));
        }

        var query = new List<string>();
        if (!string.IsNullOrEmpty(component))
        {
            query.Add("component=" + Uri.EscapeDataString(component));
        }

        if (!string.IsNullOrEmpty(module))
        {
            query.Add("module=" + Uri.EscapeDataString(module));
        }

        return "commands/" + PathSegment.Escape(commandName) + (query.Count == 0 ? string.Empty : "?" + string.Join("&", query));
    }

    private async Task SendAsync(RequestMethod method, string deviceId, string route, Dictionary<string, object?>? body, string contentType, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(deviceId))
        {
            throw new ArgumentException("A device id is required.", nameof(deviceId));
        }

        var application = _rest.ApplicationUrl;
        if (IsCloudApplication(application))
        {
            throw NotAnEmulator(0, application, null);
        }

        var credential = await _devices.GetCredentialsAsync(deviceId, ct).ConfigureAwait(false);
        if (credential.PrimaryKey is null || string.IsNullOrEmpty(credential.IdScope))
        {
            throw new IoTCentralException(0, "DeviceHasNoKey",
                $"The device '{deviceId}' has no symmetric key to sign with (it authenticates with X.509 or TPM); the device feed needs a key.",
                null);
        }

        var signature = Sign(credential.IdScope, deviceId, SecureStrings.ToPlainText(credential.PrimaryKey), DateTimeOffset.UtcNow.Add(SignatureLifetime));
        var target = new Uri(
            application.GetLeftPart(UriPartial.Authority) + application.AbsolutePath.TrimEnd('/')
            + "/device-api/devices/" + PathSegment.Escape(deviceId) + "/" + route,
            UriKind.Absolute);
        var properties = new Dictionary<string, object> { [Pipeline.DeviceSignaturePolicy.PropertyName] = signature };
        try
        {
            await _rest.SendToAsync(_pipeline.Value, method, target, body is null ? null : JsonTreeWriter.ToUtf8(body), contentType, null, null, properties, ct).ConfigureAwait(false);
        }
        catch (IoTCentralException e) when ((e.Status == 404 && e.ErrorCode != "DeviceNotFound") || e.Status == 405)
        {
            // The device exists (its credentials were just read), so a missing route means the server has no feed.
            throw NotAnEmulator(e.Status, application, e);
        }
        catch (IoTCentralException e) when (e.Status == 401)
        {
            // The signature was made from keys read a moment ago, so what is wrong is the time it carries (the two
            // clocks disagree by more than its lifetime) or keys regenerated in between.
            throw new IoTCentralException(401, SignatureRejectedErrorCode,
                $"The emulator refused the signature made with the key of the device '{deviceId}': {e.Message}",
                e.RequestId, e);
        }
    }

    /// <summary>IoT Hub's device SAS: base64(HMAC-SHA256(key, "{sr}\n{se}")) over the url-encoded "{idScope}/devices/{deviceId}".</summary>
    private static string Sign(string idScope, string deviceId, string base64Key, DateTimeOffset expiry)
    {
        var resource = Uri.EscapeDataString(idScope + "/devices/" + deviceId);
        var se = expiry.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var hmac = new HMACSHA256(Convert.FromBase64String(base64Key));
        var sig = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(resource + "\n" + se)));
        return "SharedAccessSignature sr=" + resource + "&sig=" + Uri.EscapeDataString(sig) + "&se=" + se;
    }

    private static IoTCentralException NotAnEmulator(int status, Uri application, Exception? inner) =>
        new(status, NotAnEmulatorErrorCode,
            $"{application.GetLeftPart(UriPartial.Authority)} is not an IoT Central emulator: sending data as a device works only against the emulator's device feed (Start-IoTCentralEmulator). A real application gets device data through IoT Hub, from the device itself.",
            (inner as IoTCentralException)?.RequestId, inner);
}
