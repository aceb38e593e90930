using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace IoTCentral.Emulator.Http;

/// <summary>Reads a request body as a JSON object, answering 400/415 for anything else.</summary>
internal static class JsonBody
{
    public const string Json = "application/json";
    public const string MergePatchJson = "application/merge-patch+json";

    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    /// <summary>Reads the body; <paramref name="mediaTypes"/> are the accepted content types (a missing one is read as JSON).</summary>
    public static async Task<JsonObject> ReadObjectAsync(HttpContext context, params string[] mediaTypes)
    {
        CheckContentType(context.Request.ContentType, mediaTypes);
        JsonNode? node;
        try
        {
            node = await JsonNode.ParseAsync(context.Request.Body, NodeOptions, DocumentOptions, context.RequestAborted);
        }
        catch (JsonException e)
        {
            var message = context.Request.ContentLength == 0
                ? "A request body is required."
                : $"The request body is not valid JSON: {e.Message}";
            throw ApiException.BadRequest(message, ErrorCodes.InvalidRequestBody);
        }

        return node as JsonObject
            ?? throw ApiException.BadRequest("The request body must be a JSON object.", ErrorCodes.InvalidRequestBody);
    }

    private static void CheckContentType(string? contentType, string[] mediaTypes)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return;
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            || !mediaTypes.Any(m => string.Equals(m, parsed.MediaType.Value, StringComparison.OrdinalIgnoreCase)))
        {
            throw ApiException.UnsupportedMediaType(
                $"The content type '{contentType}' is not supported here; use {string.Join(" or ", mediaTypes)}.");
        }
    }
}
