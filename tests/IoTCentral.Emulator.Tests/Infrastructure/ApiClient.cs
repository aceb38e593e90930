using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace IoTCentral.Emulator.Tests.Infrastructure;

/// <summary>Plain HttpClient calls to an emulator, with an optional API token as the Authorization header.</summary>
public sealed class ApiClient(HttpClient http, string? token)
{
    public const string GaVersion = "2022-07-31";

    public string? Token { get; } = token;

    public ApiClient WithToken(string? value) => new(http, value);

    /// <summary><c>/api{path}?api-version=2022-07-31</c>.</summary>
    public static string Api(string path) => $"/api{path}?api-version={GaVersion}";

    public Task<ApiResponse> GetAsync(string pathAndQuery) => SendAsync(HttpMethod.Get, pathAndQuery);

    public Task<ApiResponse> DeleteAsync(string pathAndQuery) => SendAsync(HttpMethod.Delete, pathAndQuery);

    public Task<ApiResponse> PutAsync(string pathAndQuery, object body) => SendAsync(HttpMethod.Put, pathAndQuery, body);

    public Task<ApiResponse> PatchAsync(string pathAndQuery, object body, string mediaType = "application/merge-patch+json") =>
        SendAsync(HttpMethod.Patch, pathAndQuery, body, mediaType);

    /// <summary>Sends a request; a string body is sent verbatim, anything else as JSON.</summary>
    public async Task<ApiResponse> SendAsync(HttpMethod method, string pathAndQuery, object? body = null, string mediaType = "application/json",
        IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery);
        if (Token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", Token);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (body is not null)
        {
            var text = body as string ?? JsonSerializer.Serialize(body);
            request.Content = new StringContent(text, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        }

        using var response = await http.SendAsync(request);
        return await ApiResponse.ReadAsync(response);
    }

    /// <summary>Follows nextLink verbatim from <paramref name="firstPage"/> to the end, returning each page.</summary>
    public async Task<IReadOnlyList<ApiResponse>> GetAllPagesAsync(string firstPage, int maxPages = 100)
    {
        var pages = new List<ApiResponse>();
        string? next = firstPage;
        while (next is not null)
        {
            Assert.True(pages.Count < maxPages, "paging did not end");
            var page = await GetAsync(next);
            Assert.Equal(System.Net.HttpStatusCode.OK, page.Status);
            pages.Add(page);
            next = page.Json.TryGetProperty("nextLink", out var link) ? link.GetString() : null;
        }

        return pages;
    }
}
