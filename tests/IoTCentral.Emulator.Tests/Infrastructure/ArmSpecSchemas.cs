using System.Text.Json.Nodes;
using NJsonSchema;

namespace IoTCentral.Emulator.Tests.Infrastructure;

/// <summary>
/// Strict schemas of the control-plane spec (iotcentral-arm-2021-06-01.json), like <see cref="SpecSchemas"/>. The
/// spec's identity refers to Azure's common types, which are not vendored; it is replaced by their
/// SystemAssignedServiceIdentity shape (type, principalId, tenantId). AppProperties gains the emulator's one
/// documented addition, applicationUrl.
/// </summary>
public static class ArmSpecSchemas
{
    public const string SpecFileName = "iotcentral-arm-2021-06-01.json";

    private static readonly Lazy<Task<JsonSchema>> Root = new(() => SpecSchemas.LoadStrictAsync(
        Path.Combine(Path.GetDirectoryName(SpecSchemas.SpecPath)!, SpecFileName), Adjust));

    public static async Task AssertValidAsync(string definition, string json)
    {
        var root = await Root.Value;
        var errors = root.Definitions[definition].Validate(json).Select(e => e.ToString()).ToList();
        Assert.True(errors.Count == 0, $"Response does not match #/definitions/{definition}:\n{string.Join("\n", errors)}\nBody: {json}");
    }

    private static void Adjust(JsonObject definitions)
    {
        var identity = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["type"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("None", "SystemAssigned") },
                ["principalId"] = new JsonObject { ["type"] = "string", ["format"] = "uuid" },
                ["tenantId"] = new JsonObject { ["type"] = "string", ["format"] = "uuid" },
            },
            ["required"] = new JsonArray("type"),
            ["additionalProperties"] = false,
        };
        foreach (var name in new[] { "App", "AppPatch" })
        {
            definitions[name]!["properties"]!["identity"] = identity.DeepClone();
        }

        definitions["AppProperties"]!["properties"]!["applicationUrl"] = new JsonObject { ["type"] = "string" };
    }
}
