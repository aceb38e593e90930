using System.Text.Json.Nodes;

namespace IoTCentral.Emulator.State;

/// <summary>
/// A stored device template: its id (a DTMI), etag, and the validated document (<c>@type</c>, <c>displayName</c>,
/// <c>description</c>, <c>capabilityModel</c>). The document is never mutated after it is stored; readers clone it.
/// </summary>
internal sealed record DeviceTemplateRecord(string Id, string Etag, JsonObject Document);
