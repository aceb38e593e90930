using System.Text.Json.Nodes;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;

namespace IoTCentral.Emulator.Features.DeviceTemplates;

/// <summary>
/// Validates a device template body and turns it into the stored document, and a stored template into the spec's
/// <c>DeviceTemplate</c>. Members the spec does not define (such as the preview's <c>deploymentManifest</c>) are dropped.
/// </summary>
internal static class DeviceTemplateDocument
{
    public const string ModelDefinitionType = "ModelDefinition";

    /// <summary>The stored document and compiled model of a template body for the template <paramref name="id"/>.</summary>
    public static (JsonObject Document, DeviceModel Model) Validate(string id, JsonObject body)
    {
        CheckId(id);
        var bodyId = ModelReader.OptionalString(body, "@id", string.Empty);
        if (bodyId is not null && bodyId != id)
        {
            throw ModelReader.Error("@id", $"'{bodyId}' does not match the template id '{id}' in the path.");
        }

        var types = ModelReader.Types(body, string.Empty);
        if (!types.Contains(ModelDefinitionType))
        {
            throw ModelReader.Error("@type", $"must include '{ModelDefinitionType}' (usually [\"ModelDefinition\", \"DeviceModel\"]), not '{string.Join(", ", types)}'.");
        }

        var capabilityModel = body["capabilityModel"] as JsonObject
            ?? throw ModelReader.Error(DeviceModelParser.RootPath, "is required: a DTDL Interface with @id, @type 'Interface' and contents.");
        var model = DeviceModelParser.Parse(id, capabilityModel);

        var document = new JsonObject
        {
            ["@type"] = new JsonArray(types.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
            ["displayName"] = ModelReader.OptionalString(body, "displayName", string.Empty)
                ?? ModelReader.OptionalString(capabilityModel, "displayName", DeviceModelParser.RootPath) ?? id,
        };
        if (ModelReader.OptionalString(body, "description", string.Empty) is { } description)
        {
            document["description"] = description;
        }

        document["capabilityModel"] = capabilityModel.DeepClone();
        return (document, model);
    }

    public static void CheckId(string id)
    {
        if (!Dtmi.IsValid(id))
        {
            throw ApiException.BadRequest($"The device template id '{id}' is not {Dtmi.Rule}.", ErrorCodes.InvalidId);
        }
    }

    /// <summary>The spec's <c>DeviceTemplate</c>: <c>@id</c>, <c>etag</c> and the stored document.</summary>
    public static JsonObject ToResponse(DeviceTemplateRecord template)
    {
        var response = new JsonObject { ["@id"] = template.Id, ["etag"] = template.Etag };
        foreach (var (name, value) in template.Document)
        {
            response[name] = value?.DeepClone();
        }

        return response;
    }
}
