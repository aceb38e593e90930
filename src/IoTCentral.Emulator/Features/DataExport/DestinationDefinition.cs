using System.Text.Json.Nodes;
using IoTCentral.Emulator.Http;

namespace IoTCentral.Emulator.Features.DataExport;

/// <summary>
/// Checks a destination body against the preview spec's <c>Destination</c> family (the six types and their
/// authorization kinds) and keeps only the members the spec defines. Also masks the secrets in what is answered.
/// </summary>
internal static class DestinationDefinition
{
    public const string Webhook = "webhook@v1";
    public const string BlobStorage = "blobstorage@v1";
    public const string ConnectionString = "connectionString";
    public const string ManagedIdentity = "systemAssignedManagedIdentity";

    /// <summary>What answers carry instead of a secret.</summary>
    public const string Mask = "*****";

    private sealed record AuthKind(string[] Required, string[] Optional, string[] Secrets);

    private sealed record DestinationType(string[] Required, bool AuthorizationRequired, IReadOnlyDictionary<string, AuthKind> Auth);

    private static readonly AuthKind ManagedIdentityNoFields = new([], [], []);

    // The spec's x-ms-discriminator-values and required members; "Secrets" are what the emulator never echoes.
    private static readonly Dictionary<string, DestinationType> Types = new(StringComparer.Ordinal)
    {
        [BlobStorage] = new([], true, new Dictionary<string, AuthKind>
        {
            [ConnectionString] = new(["connectionString", "containerName"], [], ["connectionString"]),
            [ManagedIdentity] = new(["endpointUri", "containerName"], [], []),
        }),
        ["dataexplorer@v1"] = new(["clusterUrl", "database", "table"], true, new Dictionary<string, AuthKind>
        {
            ["servicePrincipal"] = new(["clientId", "tenantId", "clientSecret"], [], ["clientSecret"]),
            ["systemAssignedManagedIdentity"] = ManagedIdentityNoFields,
        }),
        ["eventhubs@v1"] = new([], true, new Dictionary<string, AuthKind>
        {
            ["connectionString"] = new(["connectionString"], [], ["connectionString"]),
            ["systemAssignedManagedIdentity"] = new(["hostName", "eventHubName"], [], []),
        }),
        ["servicebusqueue@v1"] = new([], true, new Dictionary<string, AuthKind>
        {
            ["connectionString"] = new(["connectionString"], [], ["connectionString"]),
            ["systemAssignedManagedIdentity"] = new(["hostName", "queueName"], [], []),
        }),
        ["servicebustopic@v1"] = new([], true, new Dictionary<string, AuthKind>
        {
            ["connectionString"] = new(["connectionString"], [], ["connectionString"]),
            ["systemAssignedManagedIdentity"] = new(["hostName", "topicName"], [], []),
        }),
        [Webhook] = new(["url"], false, new Dictionary<string, AuthKind>
        {
            ["header"] = new(["value"], [], ["value"]),
            ["oauth"] = new(["tokenUrl", "clientId", "clientSecret"], ["audience", "scope", "requestType"], ["clientSecret"]),
        }),
    };

    private static readonly string[] OAuthRequestTypes = ["auto", "json", "urlencoded"];

    public static IReadOnlyCollection<string> TypeNames => Types.Keys;

    /// <summary>
    /// Whether the emulator delivers to the destination: webhooks, and Blob Storage with a connection string. The other
    /// kinds are stored and answered only (the emulator has no managed identity and no Event Hubs, Service Bus or Data
    /// Explorer client).
    /// </summary>
    public static bool Delivered(JsonObject definition) =>
        definition["type"]?.GetValue<string>() switch
        {
            Webhook => true,
            BlobStorage => AuthorizationType(definition) == ConnectionString,
            _ => false,
        };

    public static string? AuthorizationType(JsonObject definition) => (definition["authorization"] as JsonObject)?["type"]?.GetValue<string>();

    /// <summary>The validated definition (displayName, type, the type's members, authorization); 400 naming the problem otherwise.</summary>
    public static JsonObject Parse(JsonObject body)
    {
        var fields = new JsonFields(body);
        var displayName = fields.GetString("displayName");
        if (string.IsNullOrWhiteSpace(displayName))
        {
            throw Invalid("Property 'displayName' is required and must not be empty.");
        }

        var typeName = fields.GetString("type") ?? throw Invalid($"Property 'type' is required: one of {string.Join(", ", Types.Keys)}.");
        if (!Types.TryGetValue(typeName, out var type))
        {
            throw Invalid($"Property 'type' is '{typeName}'; it must be one of {string.Join(", ", Types.Keys)}.");
        }

        var result = new JsonObject { ["displayName"] = displayName, ["type"] = typeName };
        foreach (var name in type.Required)
        {
            result[name] = RequiredString(fields, name, name);
        }

        if (typeName == Webhook)
        {
            var url = (string)result["url"]!;
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw Invalid($"Property 'url' must be an absolute http or https URL; got '{url}'.");
            }

            CopyCustomizations(fields, result, "queryCustomizations");
            CopyCustomizations(fields, result, "headerCustomizations");
        }

        var authorization = fields.GetObject("authorization");
        if (authorization is null)
        {
            if (type.AuthorizationRequired)
            {
                throw Invalid($"Property 'authorization' is required for a {typeName} destination: type {string.Join(" or ", type.Auth.Keys)}.");
            }

            return result;
        }

        var kindName = RequiredString(authorization, "type", "authorization.type");
        if (!type.Auth.TryGetValue(kindName, out var kind))
        {
            throw Invalid($"Property 'authorization.type' is '{kindName}'; a {typeName} destination takes {string.Join(" or ", type.Auth.Keys)}.");
        }

        var auth = new JsonObject { ["type"] = kindName };
        foreach (var name in kind.Required)
        {
            auth[name] = RequiredString(authorization, name, "authorization." + name);
        }

        foreach (var name in kind.Optional)
        {
            if (authorization.GetString(name) is { } value)
            {
                auth[name] = value;
            }
        }

        if (auth["requestType"]?.GetValue<string>() is { } requestType && !OAuthRequestTypes.Contains(requestType))
        {
            throw Invalid($"Property 'authorization.requestType' is '{requestType}'; it must be one of {string.Join(", ", OAuthRequestTypes)}.");
        }

        if (auth["tokenUrl"]?.GetValue<string>() is { } tokenUrl && !Uri.TryCreate(tokenUrl, UriKind.Absolute, out _))
        {
            throw Invalid($"Property 'authorization.tokenUrl' must be an absolute URL; got '{tokenUrl}'.");
        }

        result["authorization"] = auth;
        return result;
    }

    /// <summary>The definition as answered: secrets (connection strings, client secrets, header values, customizations marked secret) masked.</summary>
    public static JsonObject Masked(JsonObject definition)
    {
        var copy = (JsonObject)definition.DeepClone();
        var typeName = copy["type"]?.GetValue<string>() ?? string.Empty;
        if (copy["authorization"] is JsonObject auth && Types.TryGetValue(typeName, out var type)
            && auth["type"]?.GetValue<string>() is { } kindName && type.Auth.TryGetValue(kindName, out var kind))
        {
            foreach (var secret in kind.Secrets.Where(auth.ContainsKey))
            {
                auth[secret] = Mask;
            }
        }

        foreach (var group in new[] { "queryCustomizations", "headerCustomizations" })
        {
            if (copy[group] is JsonObject customizations)
            {
                foreach (var (_, node) in customizations)
                {
                    if (node is JsonObject customization && customization["secret"]?.GetValue<bool>() == true)
                    {
                        customization["value"] = Mask;
                    }
                }
            }
        }

        return copy;
    }

    /// <summary>
    /// A PATCH merges into the stored definition, so a client that sends back the mask it read (for example a whole
    /// object it got from GET) must not replace the real secret with it: masked values keep the stored ones.
    /// </summary>
    public static void KeepMaskedSecrets(JsonNode? patch, JsonNode? stored)
    {
        if (patch is not JsonObject patchObject || stored is not JsonObject storedObject)
        {
            return;
        }

        foreach (var (name, value) in patchObject.ToList())
        {
            if (value is JsonValue v && v.TryGetValue<string>(out var text) && text == Mask && storedObject[name] is JsonValue original)
            {
                patchObject[name] = original.DeepClone();
            }
            else
            {
                KeepMaskedSecrets(value, storedObject[name]);
            }
        }
    }

    private static void CopyCustomizations(JsonFields fields, JsonObject result, string name)
    {
        var customizations = fields.GetObject(name);
        if (customizations is null)
        {
            return;
        }

        var copy = new JsonObject();
        foreach (var (key, node) in fields.GetNode(name)!.AsObject())
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                throw Invalid($"Property '{name}' has an empty name.");
            }

            if (node is not JsonObject customization)
            {
                throw Invalid($"Property '{name}.{key}' must be an object with 'value' and optional 'secret'.");
            }

            var item = new JsonFields(customization);
            var entry = new JsonObject { ["value"] = RequiredString(item, "value", $"{name}.{key}.value", allowEmpty: true) };
            if (item.GetBoolean("secret") is { } secret)
            {
                entry["secret"] = secret;
            }

            copy[key] = entry;
        }

        result[name] = copy;
    }

    private static string RequiredString(JsonFields fields, string name, string path, bool allowEmpty = false)
    {
        string? value;
        try
        {
            value = fields.GetString(name);
        }
        catch (ApiException)
        {
            throw Invalid($"Property '{path}' must be a string.");
        }

        if (value is null || (!allowEmpty && string.IsNullOrWhiteSpace(value)))
        {
            throw Invalid($"Property '{path}' is required and must not be empty.");
        }

        return value;
    }

    private static ApiException Invalid(string message) => ApiException.BadRequest(message, ErrorCodes.InvalidRequestBody);
}
