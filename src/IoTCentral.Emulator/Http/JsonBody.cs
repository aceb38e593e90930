using System.Text.Json;
using System.Text.Unicode;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace IoTCentral.Emulator.Http;

/// <summary>Reads a request body as a JSON object, answering 400/415 for anything else.</summary>
internal static class JsonBody
{
    public const string Json = "application/json";
    public const string MergePatchJson = "application/merge-patch+json";

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };
    // Duplicate keys are refused while parsing: accepted, they would surface later as a 500 from JsonObject.
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64, AllowDuplicateProperties = false };

    /// <summary>Reads the body; <paramref name="mediaTypes"/> are the accepted content types (a missing one is read as JSON).</summary>
    public static async Task<JsonObject> ReadObjectAsync(HttpContext context, params string[] mediaTypes)
    {
        CheckContentType(context.Request.ContentType, mediaTypes);
        JsonNode? node;
        try
        {
            // The parser checks UTF-8 only where it transcodes a string, long after parsing; a check up front keeps
            // a bad byte a 400 instead of a 500 from deep inside a handler.
            var body = await ReadAllAsync(context);
            if (!Utf8.IsValid(body.Span))
            {
                throw ApiException.BadRequest("The request body is not valid UTF-8.", ErrorCodes.InvalidRequestBody);
            }

            var json = body.Span.StartsWith(Utf8Bom) ? body.Span[Utf8Bom.Length..] : body.Span;
            node = JsonNode.Parse(json, NodeOptions, DocumentOptions);
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

    private static async Task<ReadOnlyMemory<byte>> ReadAllAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
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
