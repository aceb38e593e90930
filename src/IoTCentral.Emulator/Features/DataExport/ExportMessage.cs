using System.Text.Json.Nodes;

namespace IoTCentral.Emulator.Features.DataExport;

/// <summary>
/// Something that happened in the application that exports may send: its source (<see cref="ExportSources"/>), the
/// device (none for a template's lifecycle or an audit of another entity), and the values (telemetry or changed
/// properties) by name. <see cref="Values"/> keys
/// are as the query language names them ("temperature", "sensors.accelerometer"); <see cref="Body"/> holds them as
/// the message carries them (bare names, the component named beside them).
/// </summary>
internal sealed record ExportMessage(
    string Source,
    string? MessageType,
    string? DeviceId,
    string? TemplateId,
    DateTimeOffset Time,
    bool Provisioned,
    bool Simulated,
    string? Component,
    string? Module,
    IReadOnlyDictionary<string, JsonNode?> Values,
    JsonObject Body);
