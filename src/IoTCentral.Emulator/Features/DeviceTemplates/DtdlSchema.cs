using System.Text.Json.Nodes;

namespace IoTCentral.Emulator.Features.DeviceTemplates;

/// <summary>
/// A parsed DTDL schema of a telemetry, property, command payload or field. The cases form one closed family
/// (like a discriminated union), so they live together here.
/// </summary>
internal abstract record DtdlSchema
{
    /// <summary>How messages name the schema, e.g. "double", "enum of integer (1, 2)", "vector {x, y, z}".</summary>
    public abstract string Describe();
}

/// <summary>A DTDL primitive (<c>double</c>, <c>dateTime</c>, ...) or a geospatial schema (<c>point</c>, ...).</summary>
internal sealed record PrimitiveSchema(string Name) : DtdlSchema
{
    public override string Describe() => Name;
}

/// <summary>An Enum: the value is one of <see cref="Values"/>, of type <see cref="ValueSchema"/> (integer or string).</summary>
internal sealed record EnumSchema(string ValueSchema, IReadOnlyList<EnumValue> Values) : DtdlSchema
{
    public override string Describe() => $"enum of {ValueSchema} ({string.Join(", ", Values.Select(v => v.Value.ToJsonString()))})";
}

/// <summary>One value of an <see cref="EnumSchema"/>.</summary>
internal sealed record EnumValue(string Name, JsonNode Value);

/// <summary>
/// An Object with named fields. IoT Central's <c>vector</c> (x, y, z) and <c>geopoint</c> (lat, lon, alt) are
/// objects too; <see cref="Kind"/> keeps their name for messages.
/// </summary>
internal sealed record ObjectSchema(IReadOnlyList<SchemaField> Fields, string Kind = "object") : DtdlSchema
{
    public override string Describe() => $"{Kind} {{{string.Join(", ", Fields.Select(f => f.Name))}}}";
}

/// <summary>A field of an <see cref="ObjectSchema"/>.</summary>
internal sealed record SchemaField(string Name, DtdlSchema Schema);

/// <summary>An Array of <see cref="Element"/>.</summary>
internal sealed record ArraySchema(DtdlSchema Element) : DtdlSchema
{
    public override string Describe() => $"array of {Element.Describe()}";
}

/// <summary>A Map from string keys to <see cref="Value"/>.</summary>
internal sealed record MapSchema(DtdlSchema Value) : DtdlSchema
{
    public override string Describe() => $"map of {Value.Describe()}";
}
