using System.Text.Json.Nodes;

namespace IoTCentral.Emulator.Features.Query;

/// <summary>
/// One telemetry value a device sent. <see cref="Path"/> is "temperature" for a root telemetry and
/// "sensors.accelerometer" (component.name) for a telemetry of a component; an object value (a vector,
/// a geopoint) stays one sample whose fields the query can reach with a longer path.
/// </summary>
public sealed record TelemetrySample(DateTimeOffset Timestamp, string Path, JsonNode? Value);
