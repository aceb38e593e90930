using System.Text.Json;
using System.Text.Json.Nodes;

namespace IoTCentral.Emulator.Features.DeviceTemplates;

/// <summary>
/// Parses DTDL v2 schemas: primitives, IoT Central's <c>vector</c> and <c>geopoint</c>, inline Object, Enum, Array
/// and Map, and references (by <c>@id</c>) to schemas an interface declares in its <c>schemas</c> member.
/// </summary>
internal sealed class DtdlSchemaParser(IReadOnlyDictionary<string, JsonObject> namedSchemas)
{
    /// <summary>DTDL allows five levels of complex schemas; a little slack, and a guard against reference cycles.</summary>
    private const int MaxDepth = 8;

    private static readonly HashSet<string> Primitives = new(StringComparer.Ordinal)
    {
        "boolean", "date", "dateTime", "double", "duration", "float", "integer", "long", "string", "time",
        "point", "lineString", "polygon", "multiPoint", "multiLineString", "multiPolygon",
    };

    private static readonly DtdlSchema Vector = new ObjectSchema(
        [new("x", new PrimitiveSchema("double")), new("y", new PrimitiveSchema("double")), new("z", new PrimitiveSchema("double"))], "vector");

    private static readonly DtdlSchema Geopoint = new ObjectSchema(
        [new("lat", new PrimitiveSchema("double")), new("lon", new PrimitiveSchema("double")), new("alt", new PrimitiveSchema("double"))], "geopoint");

    /// <summary>The named schemas (<c>schemas</c> entries with an <c>@id</c>) anywhere in a capability model.</summary>
    public static DtdlSchemaParser For(JsonObject capabilityModel)
    {
        var named = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        Collect(capabilityModel, named);
        return new DtdlSchemaParser(named);
    }

    public DtdlSchema Parse(JsonNode? node, string path) => Parse(node, path, 0);

    private DtdlSchema Parse(JsonNode? node, string path, int depth)
    {
        if (depth > MaxDepth)
        {
            throw ModelReader.Error(path, $"schemas nest more than {MaxDepth} levels deep (or a schema refers to itself).");
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            var name = value.GetValue<string>();
            return name switch
            {
                _ when Primitives.Contains(name) => new PrimitiveSchema(name),
                "vector" => Vector,
                "geopoint" => Geopoint,
                _ when namedSchemas.TryGetValue(name, out var named) => Parse(named, path, depth + 1),
                _ => throw ModelReader.Error(path,
                    $"unknown schema '{name}'; use a DTDL primitive ({string.Join(", ", Primitives)}), vector, geopoint, an inline " +
                    "Object, Enum, Array or Map, or the @id of a schema declared in an interface's 'schemas'."),
            };
        }

        if (node is not JsonObject complex)
        {
            throw ModelReader.Error(path, "is required: a schema name such as 'double' or an inline schema object.");
        }

        var types = ModelReader.Types(complex, path);
        return types.Contains("Object") ? ParseObject(complex, path, depth)
            : types.Contains("Enum") ? ParseEnum(complex, path)
            : types.Contains("Array") ? new ArraySchema(Parse(complex["elementSchema"], ModelReader.Member(path, "elementSchema"), depth + 1))
            : types.Contains("Map") ? ParseMap(complex, path, depth)
            : throw ModelReader.Error(ModelReader.Member(path, "@type"),
                $"'{string.Join(", ", types)}' is not a schema type; use Object, Enum, Array or Map.");
    }

    private ObjectSchema ParseObject(JsonObject node, string path, int depth)
    {
        if (node["fields"] is not JsonArray)
        {
            throw ModelReader.Error(ModelReader.Member(path, "fields"), "is required: an array of {name, schema}.");
        }

        var fields = new List<SchemaField>();
        foreach (var (field, fieldPath) in ModelReader.ObjectArray(node, "fields", path))
        {
            var name = ModelReader.Name(field, fieldPath);
            if (fields.Any(f => f.Name == name))
            {
                throw ModelReader.Error(fieldPath, $"the field name '{name}' is used twice.");
            }

            fields.Add(new SchemaField(name, Parse(field["schema"], ModelReader.Member(fieldPath, "schema"), depth + 1)));
        }

        return new ObjectSchema(fields);
    }

    private static EnumSchema ParseEnum(JsonObject node, string path)
    {
        var valueSchema = ModelReader.RequiredString(node, "valueSchema", path);
        if (valueSchema is not ("integer" or "string"))
        {
            throw ModelReader.Error(ModelReader.Member(path, "valueSchema"), $"must be 'integer' or 'string', not '{valueSchema}'.");
        }

        var values = new List<EnumValue>();
        foreach (var (entry, entryPath) in ModelReader.ObjectArray(node, "enumValues", path))
        {
            var name = ModelReader.Name(entry, entryPath);
            var enumValue = entry["enumValue"];
            var kind = enumValue?.GetValueKind();
            var matches = valueSchema == "string"
                ? kind == JsonValueKind.String
                : kind == JsonValueKind.Number && enumValue!.GetValue<double>() is var d && d == Math.Floor(d);
            if (!matches)
            {
                throw ModelReader.Error(ModelReader.Member(entryPath, "enumValue"), $"is required and must be {(valueSchema == "string" ? "a string" : "an integer")}.");
            }

            values.Add(new EnumValue(name, enumValue!.DeepClone()));
        }

        return values.Count > 0 ? new EnumSchema(valueSchema, values) : throw ModelReader.Error(ModelReader.Member(path, "enumValues"), "needs at least one value.");
    }

    private MapSchema ParseMap(JsonObject node, string path, int depth)
    {
        var keyPath = ModelReader.Member(path, "mapKey");
        if (node["mapKey"] is not JsonObject key || key["schema"]?.GetValueKind() != JsonValueKind.String || key["schema"]!.GetValue<string>() != "string")
        {
            throw ModelReader.Error(keyPath, "is required: {name, schema: 'string'}.");
        }

        var valuePath = ModelReader.Member(path, "mapValue");
        return node["mapValue"] is JsonObject value
            ? new MapSchema(Parse(value["schema"], ModelReader.Member(valuePath, "schema"), depth + 1))
            : throw ModelReader.Error(valuePath, "is required: {name, schema}.");
    }

    private static void Collect(JsonNode? node, Dictionary<string, JsonObject> named)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["schemas"] is JsonArray schemas)
                {
                    foreach (var schema in schemas.OfType<JsonObject>())
                    {
                        if (schema["@id"] is JsonValue id && id.GetValueKind() == JsonValueKind.String)
                        {
                            named.TryAdd(id.GetValue<string>(), schema);
                        }
                    }
                }

                foreach (var (_, child) in o)
                {
                    Collect(child, named);
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    Collect(child, named);
                }

                break;
        }
    }
}
