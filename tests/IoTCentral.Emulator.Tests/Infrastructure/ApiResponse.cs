using System.Net;
using System.Text.Json;

namespace IoTCentral.Emulator.Tests.Infrastructure;

/// <summary>A response read to the end: status, headers, content type and body text.</summary>
public sealed record ApiResponse(HttpStatusCode Status, string Body, string? MediaType, IReadOnlyDictionary<string, string> Headers)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public static async Task<ApiResponse> ReadAsync(HttpResponseMessage response)
    {
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return new ApiResponse(response.StatusCode, await response.Content.ReadAsStringAsync(),
            response.Content.Headers.ContentType?.MediaType, headers);
    }

    public override string ToString() => $"{(int)Status} {Body}";
}
