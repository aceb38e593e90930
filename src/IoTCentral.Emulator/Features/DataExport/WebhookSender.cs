using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IoTCentral.Emulator.Features.DataExport;

/// <summary>
/// POSTs export messages to a webhook destination: its URL with the query customizations added, its header
/// customizations, and its authorization (the header value as <c>Authorization</c>, or an OAuth 2.0 client-credentials
/// token from its token URL, kept until it expires). The client follows no redirects and uses no proxy, so it calls
/// only the URLs the destination names.
/// </summary>
internal sealed class WebhookSender : IExportSender, IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly HttpClient _client = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false, UseCookies = false })
    {
        Timeout = Timeout,
    };

    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Expires)> _tokens = new();

    /// <summary>Sends one message; returns null on a 2xx answer, else what went wrong.</summary>
    public async Task<string?> SendAsync(string exportId, string destinationId, JsonObject destination, JsonNode? message, CancellationToken ct)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Target(destination))
            {
                Content = new StringContent(message?.ToJsonString() ?? "null", Encoding.UTF8, "application/json"),
            };
            foreach (var (name, value) in Customizations(destination, "headerCustomizations"))
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            if (destination["authorization"] is JsonObject auth)
            {
                var header = auth["type"]?.GetValue<string>() == "oauth"
                    ? "Bearer " + await TokenAsync(destinationId, auth, ct).ConfigureAwait(false)
                    : auth["value"]!.GetValue<string>();
                request.Headers.TryAddWithoutValidation("Authorization", header);
            }

            using var response = await _client.SendAsync(request, ct).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? null
                : $"the webhook answered {(int)response.StatusCode} {response.ReasonPhrase}.";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException or JsonException or UriFormatException)
        {
            if (ct.IsCancellationRequested)
            {
                throw;
            }

            return e is TaskCanceledException ? $"the webhook did not answer within {Timeout.TotalSeconds:0} seconds." : e.Message;
        }
    }

    public void Forget(string destinationId) => _tokens.TryRemove(destinationId, out _);

    public void Dispose() => _client.Dispose();

    private static Uri Target(JsonObject destination)
    {
        var builder = new UriBuilder(destination["url"]!.GetValue<string>());
        var query = new StringBuilder(builder.Query.TrimStart('?'));
        foreach (var (name, value) in Customizations(destination, "queryCustomizations"))
        {
            query.Append(query.Length > 0 ? "&" : string.Empty).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        builder.Query = query.ToString();
        return builder.Uri;
    }

    private static IEnumerable<(string Name, string Value)> Customizations(JsonObject destination, string group) =>
        destination[group] is JsonObject customizations
            ? customizations.Select(c => (c.Key, c.Value!["value"]!.GetValue<string>()))
            : [];

    /// <summary>An OAuth 2.0 client-credentials token, sent as JSON or as a form as the destination's requestType says (auto: a form).</summary>
    private async Task<string> TokenAsync(string destinationId, JsonObject auth, CancellationToken ct)
    {
        if (_tokens.TryGetValue(destinationId, out var cached) && cached.Expires > DateTimeOffset.UtcNow)
        {
            return cached.Token;
        }

        var fields = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = auth["clientId"]!.GetValue<string>(),
            ["client_secret"] = auth["clientSecret"]!.GetValue<string>(),
        };
        foreach (var optional in new[] { "audience", "scope" })
        {
            if (auth[optional]?.GetValue<string>() is { } value)
            {
                fields[optional] = value;
            }
        }

        HttpContent content = auth["requestType"]?.GetValue<string>() == "json"
            ? new StringContent(JsonSerializer.Serialize(fields), Encoding.UTF8, "application/json")
            : new FormUrlEncodedContent(fields);
        using var request = new HttpRequestMessage(HttpMethod.Post, auth["tokenUrl"]!.GetValue<string>()) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await _client.SendAsync(request, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"the token URL answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        }

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false)) as JsonObject;
        var token = body?["access_token"]?.GetValue<string>() ?? throw new HttpRequestException("the token URL's answer has no access_token.");
        var lifetime = body["expires_in"] is JsonValue seconds && seconds.TryGetValue<int>(out var s) ? s : 300;
        _tokens[destinationId] = (token, DateTimeOffset.UtcNow.AddSeconds(Math.Max(0, lifetime - 30)));
        return token;
    }
}
