namespace IoTCentral.Emulator.Features.DeviceTemplates;

/// <summary>
/// A named capability of an interface: telemetry, a property or a command. <see cref="Types"/> holds every
/// <c>@type</c> (semantic types such as "Temperature" guide the simulation). The cases form one closed family.
/// </summary>
internal abstract record Capability(string Name, IReadOnlyList<string> Types)
{
    public abstract string Kind { get; }
}

internal sealed record TelemetryCapability(string Name, IReadOnlyList<string> Types, DtdlSchema Schema) : Capability(Name, Types)
{
    public override string Kind => "telemetry";
}

/// <summary>A property. Cloud properties live in IoT Central only: devices neither report nor acknowledge them.</summary>
internal sealed record PropertyCapability(string Name, IReadOnlyList<string> Types, DtdlSchema Schema, bool Writable, bool Cloud)
    : Capability(Name, Types)
{
    public override string Kind => Cloud ? "cloud property" : Writable ? "writable property" : "read-only property";

    /// <summary>Whether the REST API may set it: writable device properties and cloud properties.</summary>
    public bool Settable => Writable || Cloud;
}

/// <summary>A command; <see cref="Request"/> and <see cref="Response"/> are the payload schemas, when declared.</summary>
internal sealed record CommandCapability(string Name, IReadOnlyList<string> Types, DtdlSchema? Request, DtdlSchema? Response)
    : Capability(Name, Types)
{
    public override string Kind => "command";
}
