using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IoTCentral.Emulator.Features.Query;

namespace IoTCentral.Emulator.QueryTests;

/// <summary>POST /api/query through the in-process emulator over loopback HTTP.</summary>
public sealed class QueryHttpTests : IAsyncLifetime
{
    private const string Preview = "2022-10-31-preview";
    private const string OrgViewerRole = "84cc62c1-dabe-49d3-b16e-8b291232b285";
    private const string NoSuchTemplate = "dtmi:emulator:querytests:none;1";
    private EmulatorServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await EmulatorServer.StartAsync(new EmulatorOptions { Clock = new FixedClock(TestData.Now) });
        _http = new HttpClient { BaseAddress = _server.ApplicationUrl };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task ValidQuery_Is200_WithResults()
    {
        var (status, body, _) = await PostAsync(new { query = $"SELECT $id, $ts, temperature FROM {NoSuchTemplate} WHERE WITHIN_WINDOW(P1D)" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(JsonValueKind.Array, body.GetProperty("results").ValueKind);
        Assert.Equal(0, body.GetProperty("results").GetArrayLength());
    }

    [Fact]
    public async Task MalformedQuery_Is400_InTheServiceErrorShape()
    {
        var (status, body, headers) = await PostAsync(new { query = $"SELECT $id FORM {NoSuchTemplate}" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = body.GetProperty("error");
        Assert.Equal(QueryException.ErrorCode, error.GetProperty("code").GetString());
        Assert.Equal("Unexpected token 'FORM' at position 12; expected ',' or FROM.", error.GetProperty("message").GetString());
        Assert.True(Guid.TryParse(error.GetProperty("requestId").GetString(), out _));
        Assert.Equal(TestData.Now.ToString("R"), error.GetProperty("time").GetString());
        Assert.Equal(QueryException.ErrorCode, headers.GetValues("x-ms-error-code").Single());
    }

    [Fact]
    public async Task TooLongQuery_Is400()
    {
        var (status, body, _) = await PostAsync(new { query = $"SELECT $id FROM {NoSuchTemplate}".PadRight(351) });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("351 characters", body.GetProperty("error").GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("{}", "Property 'query' is required.")]
    [InlineData("""{"query":null}""", "Property 'query' is required.")]
    [InlineData("""{"query":""}""", "The query is empty")]
    [InlineData("""{"query":"   "}""", "The query is empty")]
    [InlineData("", "A request body is required.")]
    public async Task MissingOrEmptyQuery_Is400(string json, string message)
    {
        var (status, body, _) = await PostAsync(json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith(message, body.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task QueryOfTheWrongType_Is400_NamingTheProperty()
    {
        var (status, body, _) = await PostAsync("""{"query":42}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Property 'query' must be a string, not number.", body.GetProperty("error").GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("2022-07-31")]
    [InlineData("2022-05-31")]
    public async Task OtherApiVersions_Are404(string version)
    {
        var (status, body, _) = await PostAsync(new { query = $"SELECT $id FROM {NoSuchTemplate}" }, version);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains($"api-version={Preview}", body.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task WithoutAToken_Is401()
    {
        var (status, _, _) = await PostAsync(new { query = $"SELECT $id FROM {NoSuchTemplate}" }, token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task TheLeastRole_OrgViewer_MayQuery()
    {
        using var create = new HttpRequestMessage(HttpMethod.Put, $"api/apiTokens/viewer?api-version={Preview}")
        {
            Content = JsonContent.Create(new { roles = new[] { new { role = OrgViewerRole } } }),
        };
        create.Headers.TryAddWithoutValidation("Authorization", _server.AdminApiToken);
        using var created = await _http.SendAsync(create);
        var token = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();

        var (status, _, _) = await PostAsync(new { query = $"SELECT $id FROM {NoSuchTemplate}" }, token: token);

        Assert.Equal(HttpStatusCode.OK, status);
    }

    private Task<(HttpStatusCode, JsonElement, System.Net.Http.Headers.HttpResponseHeaders)> PostAsync(object body, string version = Preview, string? token = "admin") =>
        PostAsync(JsonSerializer.Serialize(body), version, token);

    private async Task<(HttpStatusCode, JsonElement, System.Net.Http.Headers.HttpResponseHeaders)> PostAsync(string json, string version = Preview, string? token = "admin")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/query?api-version={version}")
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", token == "admin" ? _server.AdminApiToken : token);
        }

        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, body, response.Headers);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
