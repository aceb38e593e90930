using System.Text.Json;
using System.Text.Json.Nodes;
using IoTCentral.Emulator.Features.DeviceTemplates;
using IoTCentral.Emulator.Http;

namespace IoTCentral.Emulator.Features.DeviceFeed;

/// <summary>
/// The common members of device-facing bodies: where the data belongs (<c>module</c>, <c>component</c>, both
/// optional) and, for telemetry and properties, the <c>values</c> object.
/// </summary>
internal sealed record FeedRequest(DeviceLevel Level, JsonObject Body)
{
    public static FeedRequest Read(JsonObject body)
    {
        var fields = new JsonFields(body);
        return new FeedRequest(new DeviceLevel(fields.GetString("module"), fields.GetString("component")), body);
    }

    public JsonObject Values => Body["values"] as JsonObject
        ?? throw ApiException.BadRequest("Property 'values' is required: an object of capability names and values.", ErrorCodes.InvalidRequestBody);

    public DateTimeOffset? Timestamp => new JsonFields(Body).GetDateTime("timestamp");

    public string? GetString(string name) => new JsonFields(Body).GetString(name);

    /// <summary>An optional whole number member, e.g. <c>ackCode</c> or <c>responseCode</c>.</summary>
    public int? GetInteger(string name)
    {
        if (!Body.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        return node.GetValueKind() == JsonValueKind.Number && node.GetValue<double>() is var value && value == Math.Floor(value)
            && value is >= int.MinValue and <= int.MaxValue
            ? (int)value
            : throw ApiException.BadRequest($"Property '{name}' must be a whole number, not {node.ToJsonString()}.", ErrorCodes.InvalidRequestBody);
    }
}
