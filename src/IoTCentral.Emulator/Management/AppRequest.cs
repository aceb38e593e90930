using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace IoTCentral.Emulator.Management;

/// <summary>
/// What a PUT (<c>App</c>) or PATCH (<c>AppPatch</c>) body asks for; null members were not given. Every check that
/// needs no other resource happens here, so a bad body never touches the registry.
/// </summary>
internal sealed partial record AppRequest(
    string? Location, string? Sku, string? DisplayName, string? Subdomain, string? Template, IReadOnlyDictionary<string, string>? Tags, bool? SystemAssignedIdentity)
{
    /// <summary>The spec's <c>resourceName</c> pattern.</summary>
    [GeneratedRegex("^(?![0-9]+$)(?!-)[a-zA-Z0-9-]{2,99}[a-zA-Z0-9]$")]
    public static partial Regex NamePattern();

    /// <summary>A DNS label: what can stand before <c>.azureiotcentral.com</c>.</summary>
    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])$")]
    public static partial Regex SubdomainPattern();

    [GeneratedRegex(@"^[-\w\._\(\)]{1,90}$")]
    public static partial Regex ResourceGroupPattern();

    public static async Task<AppRequest> ReadAsync(Microsoft.AspNetCore.Http.HttpRequest request, bool patch)
    {
        JsonObject body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted) as JsonObject
                ?? throw ArmException.BadRequest("InvalidRequestContent", "The request body must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw ArmException.BadRequest("InvalidRequestContent", "The request body is not valid JSON: " + e.Message);
        }

        var properties = Object(body, "properties");
        var sku = Object(body, "sku");
        var identity = Object(body, "identity");
        var location = String(body, "location", "location");
        if (patch && location is not null)
        {
            throw ArmException.BadRequest("LocationNotUpdatable", "The location of an application cannot be changed.", "location");
        }

        var skuName = sku is null ? null : String(sku, "name", "sku.name") ?? throw ArmException.BadRequest("InvalidSku", "sku.name is required.", "sku.name");
        if (!patch)
        {
            if (location is null)
            {
                throw ArmException.BadRequest("LocationRequired", "The location property is required for this definition.", "location");
            }

            if (skuName is null)
            {
                throw ArmException.BadRequest("InvalidSku", "The sku property is required: {\"sku\":{\"name\":\"ST0|ST1|ST2\"}}.", "sku.name");
            }
        }

        if (skuName is not null && !ArmCatalog.Skus.Contains(skuName, StringComparer.Ordinal))
        {
            throw ArmException.BadRequest("InvalidSku", $"The SKU '{skuName}' is not valid for {ArmCatalog.ResourceType}; use one of {string.Join(", ", ArmCatalog.Skus)}.", "sku.name");
        }

        var canonicalLocation = location is null ? null : ArmCatalog.CanonicalLocation(location)
            ?? throw ArmException.BadRequest(
                "LocationNotAvailableForResourceType",
                $"The provided location '{location}' is not available for resource type '{ArmCatalog.ResourceType}'. List of available regions for the resource type is '{string.Join(",", ArmCatalog.Locations.Select(l => l.Id))}'.",
                "location");

        var subdomain = properties is null ? null : String(properties, "subdomain", "properties.subdomain");
        if (subdomain is not null && !SubdomainPattern().IsMatch(subdomain))
        {
            throw ArmException.BadRequest("InvalidSubdomain",
                $"The subdomain '{subdomain}' is not valid: use 2 to 63 lower-case letters, digits and hyphens, starting and ending with a letter or digit.", "properties.subdomain");
        }

        var template = properties is null ? null : String(properties, "template", "properties.template");
        if (template is not null)
        {
            if (patch)
            {
                throw ArmException.BadRequest("TemplateNotUpdatable", "The template of an application is set when it is created and cannot be changed.", "properties.template");
            }

            template = ArmCatalog.CanonicalTemplate(template)
                ?? throw ArmException.BadRequest("InvalidTemplate",
                    $"The template '{template}' does not exist; use one of {string.Join(", ", ArmCatalog.TemplateIds)} (optionally with @1.0.0).", "properties.template");
        }

        bool? systemAssigned = null;
        if (identity is not null)
        {
            var type = String(identity, "type", "identity.type");
            systemAssigned = type switch
            {
                "SystemAssigned" => true,
                "None" => false,
                _ => throw ArmException.BadRequest("InvalidIdentityType", $"identity.type must be 'SystemAssigned' or 'None', not '{type}'.", "identity.type"),
            };
        }

        return new AppRequest(canonicalLocation, skuName, properties is null ? null : String(properties, "displayName", "properties.displayName"),
            subdomain, template, ReadTags(body), systemAssigned);
    }

    private static JsonObject? Object(JsonObject parent, string name) => parent[name] switch
    {
        null => null,
        JsonObject o => o,
        _ => throw ArmException.BadRequest("InvalidRequestContent", $"'{name}' must be a JSON object.", name),
    };

    private static string? String(JsonObject parent, string name, string target) => parent[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => throw ArmException.BadRequest("InvalidRequestContent", $"'{target}' must be a string.", target),
    };

    private static Dictionary<string, string>? ReadTags(JsonObject body)
    {
        if (Object(body, "tags") is not { } tags)
        {
            return null;
        }

        return tags.ToDictionary(
            t => t.Key,
            t => t.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw ArmException.BadRequest("InvalidRequestContent", $"The tag '{t.Key}' must have a string value.", "tags"),
            StringComparer.OrdinalIgnoreCase);
    }
}
