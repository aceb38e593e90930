using System.Globalization;
using System.Text.Json.Nodes;
using IoTCentral.Emulator.Features.DeviceTemplates;
using IoTCentral.Emulator.Http;

namespace IoTCentral.Emulator.Features.DeviceData.Simulation;

/// <summary>
/// Generates a value that fits a DTDL schema, deterministically from a seed and a slot (a point in time for
/// telemetry, 0 for property values). Numbers drift smoothly between slots within a range guessed from the names
/// (<see cref="NumericRange"/>); booleans, enums and strings change now and then.
/// </summary>
internal static class SimulatedValue
{
    /// <summary>Slots per change of booleans and enums (a minute at the telemetry interval of 5 s).</summary>
    private const int SlowSlots = 12;

    /// <summary>Slots per change of strings.</summary>
    private const int VerySlowSlots = 60;

    private static readonly Dictionary<string, string> GeopointHints = new(StringComparer.Ordinal)
    {
        ["lat"] = "latitude", ["lon"] = "longitude", ["alt"] = "altitude",
    };

    /// <summary>A value of <paramref name="schema"/> for <paramref name="seed"/> at <paramref name="slot"/> (whose instant is
    /// <paramref name="time"/>); <paramref name="names"/> hint at a numeric range, most specific first (field, then capability).</summary>
    public static JsonNode Generate(DtdlSchema schema, ulong seed, long slot, DateTimeOffset time, IReadOnlyList<string> names) => schema switch
    {
        PrimitiveSchema p => Primitive(p.Name, seed, slot, time, names),
        EnumSchema e => e.Values[SeededRandom.Index(seed, slot / SlowSlots, e.Values.Count)].Value.DeepClone(),
        ObjectSchema o => new JsonObject(o.Fields.Select(f => KeyValuePair.Create(f.Name, (JsonNode?)Generate(
            f.Schema, SeededRandom.Seed(seed, f.Name), slot, time, FieldNames(o, f, names))))),
        ArraySchema a => new JsonArray(Enumerable.Range(0, 3)
            .Select(i => (JsonNode?)Generate(a.Element, SeededRandom.Seed(seed, i.ToString(CultureInfo.InvariantCulture)), slot, time, names)).ToArray()),
        MapSchema m => new JsonObject(Enumerable.Range(1, 2).Select(i => KeyValuePair.Create(
            $"key{i}", (JsonNode?)Generate(m.Value, SeededRandom.Seed(seed, $"key{i}"), slot, time, names)))),
        _ => JsonValue.Create(0),
    };

    /// <summary>A smooth signal in [0, 1]: a slow sine wave (period and phase from the seed) plus a little noise.</summary>
    public static double Signal(ulong seed, long slot)
    {
        var period = 120 + (double)(seed % 600);
        var phase = SeededRandom.Unit(seed, -1) * 2 * Math.PI;
        var noise = SeededRandom.Unit(seed, slot) * 2 - 1;
        return Math.Clamp(0.5 + 0.4 * Math.Sin(2 * Math.PI * slot / period + phase) + 0.1 * noise, 0, 1);
    }

    private static JsonNode Primitive(string name, ulong seed, long slot, DateTimeOffset time, IReadOnlyList<string> names)
    {
        var number = NumericRange.For(names).At(Signal(seed, slot));
        return name switch
        {
            "double" or "float" => JsonValue.Create(Math.Round(number, 3)),
            "integer" => JsonValue.Create((int)Math.Round(number)),
            "long" => JsonValue.Create((long)Math.Round(number)),
            "boolean" => JsonValue.Create(SeededRandom.Unit(seed, slot / SlowSlots) < 0.5),
            "string" => JsonValue.Create($"{Capitalized(names.Count > 0 ? names[0] : "value")} {1 + SeededRandom.Index(seed, slot / VerySlowSlots, 9)}"),
            "dateTime" => JsonValue.Create(EmulatorJson.FormatTimestamp(time)),
            "date" => JsonValue.Create(time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            "time" => JsonValue.Create(time.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture)),
            "duration" => JsonValue.Create($"PT{1 + SeededRandom.Index(seed, slot, 3600)}S"),
            _ => new JsonObject // geospatial schemas: a GeoJSON point near the default location
            {
                ["type"] = "Point",
                ["coordinates"] = new JsonArray(
                    Math.Round(NumericRange.For(["longitude"]).At(Signal(seed, slot)), 5),
                    Math.Round(NumericRange.For(["latitude"]).At(Signal(SeededRandom.Seed(seed, "lat"), slot)), 5)),
            },
        };
    }

    private static IReadOnlyList<string> FieldNames(ObjectSchema schema, SchemaField field, IReadOnlyList<string> names) =>
        schema.Kind == "geopoint" && GeopointHints.TryGetValue(field.Name, out var hint) ? [hint] : [field.Name, .. names];

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
