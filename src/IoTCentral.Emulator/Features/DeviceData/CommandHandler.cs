using System.Text.Json.Nodes;

namespace IoTCentral.Emulator.Features.DeviceData;

/// <summary>The answer a non-simulated device gives to a command, registered through the device-facing feed.</summary>
internal sealed record CommandHandler(int ResponseCode, JsonNode? Response);
