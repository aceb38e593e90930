using System.Text.Json.Nodes;
using IoTCentral.Shared;

namespace IoTCentral.Emulator.Http;

/// <summary>Request bodies checked against the preview spec's definitions (400 InvalidRequestBody with every problem found).</summary>
internal static class SpecBodies
{
    /// <summary>The body with only the spec's writable members, or 400 naming what does not fit <paramref name="definition"/>.</summary>
    public static JsonObject Check(string definition, JsonNode? body)
    {
        var errors = SpecShape.Preview.Check(definition, body, out var normalized);
        if (errors.Count > 0)
        {
            throw ApiException.BadRequest(string.Join(" ", errors), ErrorCodes.InvalidRequestBody);
        }

        return normalized!.AsObject();
    }

    /// <summary>A stored id: 1 to <paramref name="maxLength"/> letters, digits, ':' or ';' (the spec's pattern for dashboard and manifest ids).</summary>
    public static void RequireId(string id, int maxLength, string what)
    {
        if (id.Length == 0 || id.Length > maxLength || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is ':' or ';'))
        {
            throw ApiException.BadRequest($"The {what} id '{id}' is not valid: use 1 to {maxLength} letters, digits, ':' or ';'.", ErrorCodes.InvalidId);
        }
    }

    /// <summary>404 unless the request uses the preview api-version: under another version the service has no such path.</summary>
    public static void RequirePreview(Microsoft.AspNetCore.Http.HttpContext context, string what)
    {
        var version = RequestContext.Of(context).ApiVersion;
        if (version != ApiVersions.Preview)
        {
            throw ApiException.NotFound($"The {what} API is not available in api-version '{version}'; use api-version={ApiVersions.Preview}.");
        }
    }
}
