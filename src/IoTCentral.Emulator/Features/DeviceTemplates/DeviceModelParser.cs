using System.Text.Json;
using System.Text.Json.Nodes;

namespace IoTCentral.Emulator.Features.DeviceTemplates;

/// <summary>
/// Validates a template's <c>capabilityModel</c> (a DTDL v2 Interface) and compiles it into a <see cref="DeviceModel"/>.
/// Interfaces must be inline (components' schemas, modules' targets, <c>extends</c>): the emulator has no model
/// repository to resolve a DTMI reference against. Every problem is a 400 naming its JSON path.
/// </summary>
internal sealed class DeviceModelParser
{
    public const string RootPath = "capabilityModel";

    private readonly DtdlSchemaParser _schemas;

    private DeviceModelParser(DtdlSchemaParser schemas) => _schemas = schemas;

    /// <summary>Where an interface sits decides what it may contain.</summary>
    private enum InterfaceRole
    {
        Device,
        Module,
        Component,
    }

    public static DeviceModel Parse(string templateId, JsonObject capabilityModel)
    {
        var parser = new DeviceModelParser(DtdlSchemaParser.For(capabilityModel));
        var modules = new Dictionary<string, ComponentModel>(StringComparer.Ordinal);
        var root = parser.ParseInterface(capabilityModel, RootPath, InterfaceRole.Device, modules);
        return new DeviceModel(templateId, root, modules);
    }

    private InterfaceModel ParseInterface(JsonObject node, string path, InterfaceRole role, Dictionary<string, ComponentModel>? modules)
    {
        var capabilities = new Dictionary<string, Capability>(StringComparer.Ordinal);
        var components = new Dictionary<string, ComponentModel>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        Collect(node, path, role, depth: 0, entry =>
        {
            var (content, contentPath) = entry;
            var name = ModelReader.Name(content, contentPath);
            if (!names.Add(name))
            {
                throw ModelReader.Error(contentPath, $"the name '{name}' is used twice in this interface (including what it extends).");
            }

            AddContent(content, contentPath, name, role, capabilities, components, modules);
        });
        return new InterfaceModel(capabilities, components);
    }

    /// <summary>Visits the contents of an interface and of the interfaces it extends.</summary>
    private static void Collect(JsonObject node, string path, InterfaceRole role, int depth, Action<(JsonObject, string)> visit)
    {
        var types = ModelReader.Types(node, path);
        if (!types.Contains("Interface"))
        {
            throw ModelReader.Error(ModelReader.Member(path, "@type"), $"must be 'Interface', not '{string.Join(", ", types)}'.");
        }

        ModelReader.Id(node, path, required: depth == 0 && role == InterfaceRole.Device);
        foreach (var content in ModelReader.ObjectArray(node, "contents", path))
        {
            visit(content);
        }

        var extendsPath = ModelReader.Member(path, "extends");
        var bases = node["extends"] switch
        {
            null => [],
            JsonArray array => array.Select((item, i) => (item, $"{extendsPath}[{i}]")).ToList(),
            var single => [(single, extendsPath)],
        };
        foreach (var (item, itemPath) in bases)
        {
            Collect(InlineInterface(item, itemPath), itemPath, role, depth + 1, visit);
        }
    }

    private void AddContent(JsonObject content, string path, string name, InterfaceRole role,
        Dictionary<string, Capability> capabilities, Dictionary<string, ComponentModel> components, Dictionary<string, ComponentModel>? modules)
    {
        var types = ModelReader.Types(content, path);
        var schemaPath = ModelReader.Member(path, "schema");
        if (types.Contains("Telemetry"))
        {
            capabilities[name] = new TelemetryCapability(name, types, _schemas.Parse(content["schema"], schemaPath));
        }
        else if (types.Contains("Property"))
        {
            capabilities[name] = new PropertyCapability(name, types, _schemas.Parse(content["schema"], schemaPath),
                ModelReader.OptionalBoolean(content, "writable", path), types.Contains("Cloud"));
        }
        else if (types.Contains("Command"))
        {
            capabilities[name] = new CommandCapability(name, types, Payload(content, "request", path), Payload(content, "response", path));
        }
        else if (types.Contains("Component"))
        {
            if (role == InterfaceRole.Component)
            {
                throw ModelReader.Error(path, "a component's interface cannot have components of its own.");
            }

            var schema = InlineInterface(content["schema"], schemaPath);
            var iface = ParseInterface(schema, schemaPath, InterfaceRole.Component, null);
            components[name] = new ComponentModel(name, Listing(content, schema, ["Component"]), iface);
        }
        else if (types.Contains("Relationship"))
        {
            AddRelationship(content, path, name, types, role, modules);
        }
        else
        {
            throw ModelReader.Error(ModelReader.Member(path, "@type"),
                $"'{string.Join(", ", types)}' is not a capability: use Telemetry, Property, Command, Component or Relationship.");
        }
    }

    /// <summary>An IoT Edge module (Relationship + EdgeModule) of the device's model; other relationships are kept as given.</summary>
    private void AddRelationship(JsonObject content, string path, string name, IReadOnlyList<string> types, InterfaceRole role,
        Dictionary<string, ComponentModel>? modules)
    {
        if (!types.Contains("EdgeModule"))
        {
            return;
        }

        if (role != InterfaceRole.Device || modules is null)
        {
            throw ModelReader.Error(path, "only the capability model itself can declare IoT Edge modules.");
        }

        var targetPath = ModelReader.Member(path, "target");
        var target = content["target"] is JsonArray { Count: > 0 } array ? (array[0], $"{targetPath}[0]") : (content["target"], targetPath);
        var iface = InlineInterface(target.Item1, target.Item2);
        modules[name] = new ComponentModel(name, Listing(content, iface, types), ParseInterface(iface, target.Item2, InterfaceRole.Module, null));
    }

    private DtdlSchema? Payload(JsonObject command, string member, string path)
    {
        var payloadPath = ModelReader.Member(path, member);
        return command[member] switch
        {
            null => null,
            JsonObject payload => _schemas.Parse(payload["schema"], ModelReader.Member(payloadPath, "schema")),
            _ => throw ModelReader.Error(payloadPath, "must be an object {name, schema}."),
        };
    }

    private static JsonObject InlineInterface(JsonNode? node, string path) => node switch
    {
        JsonObject o => o,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => throw ModelReader.Error(path,
            $"refers to the interface '{v.GetValue<string>()}', which the emulator cannot resolve (it has no model repository): put the interface inline."),
        _ => throw ModelReader.Error(path, "is required: an inline Interface object."),
    };

    /// <summary>The entry of the components/modules lists: <c>@id</c>, <c>@type</c>, <c>name</c> and <c>displayName</c>.</summary>
    private static JsonObject Listing(JsonObject content, JsonObject iface, IReadOnlyList<string> types)
    {
        var listing = new JsonObject();
        if ((content["@id"] ?? iface["@id"]) is { } id)
        {
            listing["@id"] = id.DeepClone();
        }

        listing["@type"] = new JsonArray(types.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray());
        listing["name"] = content["name"]!.DeepClone();
        if (content["displayName"] is { } displayName)
        {
            listing["displayName"] = displayName.DeepClone();
        }

        return listing;
    }
}
