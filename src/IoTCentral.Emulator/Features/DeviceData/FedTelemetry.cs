using System.Text.Json.Nodes;
using IoTCentral.Emulator.Features.DeviceTemplates;

namespace IoTCentral.Emulator.Features.DeviceData;

/// <summary>A telemetry value sent through the device-facing feed.</summary>
internal sealed record FedTelemetry(DateTimeOffset Timestamp, DeviceLevel Level, string Name, JsonNode Value);
