using System.Text.Json.Nodes;

namespace IoTCentral.Emulator.Features.DeviceTemplates;

/// <summary>A component (or a module): its name, the entry the components/modules lists return, and its interface.</summary>
internal sealed record ComponentModel(string Name, JsonObject Listing, InterfaceModel Interface);
