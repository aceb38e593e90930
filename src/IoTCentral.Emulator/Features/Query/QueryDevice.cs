using System.Text.Json.Nodes;

namespace IoTCentral.Emulator.Features.Query;

/// <summary>
/// One device as the query engine sees it. <see cref="Properties"/> keys use the same path convention as
/// telemetry: "serialNumber" for a root property, "device_info.manufacturer" for a property of a component.
/// </summary>
public sealed record QueryDevice(
    string Id,
    string TemplateId,
    IReadOnlyList<TelemetrySample> Telemetry,
    IReadOnlyDictionary<string, JsonNode?> Properties);
