using System.Text.Json;
using System.Text.Json.Nodes;
using IoTCentral.Emulator.Http;

namespace IoTCentral.Emulator.Features.DeviceData;

/// <summary>The spec's limits of <c>DeviceCommand.connectionTimeout</c> and <c>responseTimeout</c>, in seconds.</summary>
internal readonly record struct CommandTimeouts(int Connection, int Response)
{
    public const int MaxConnection = 30;
    public const int MinResponse = 5;
    public const int MaxResponse = 30;
    public const int DefaultConnection = 0;
    public const int DefaultResponse = 30;

    public static CommandTimeouts Read(JsonObject body) => new(
        Seconds(body, "connectionTimeout", 0, MaxConnection, DefaultConnection),
        Seconds(body, "responseTimeout", MinResponse, MaxResponse, DefaultResponse));

    private static int Seconds(JsonObject body, string name, int min, int max, int defaultValue)
    {
        if (!body.TryGetPropertyValue(name, out var node) || node is null)
        {
            return defaultValue;
        }

        if (node.GetValueKind() == JsonValueKind.Number && node.GetValue<double>() is var value && value == Math.Floor(value) && value >= min && value <= max)
        {
            return (int)value;
        }

        throw ApiException.BadRequest($"Property '{name}' must be a whole number of seconds from {min} to {max}, not {node.ToJsonString()}.",
            ErrorCodes.InvalidRequestBody);
    }
}
