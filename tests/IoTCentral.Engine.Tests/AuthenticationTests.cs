extern alias foreign;

using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using IoTCentral.Engine.Tests.Support;
using Xunit;
using ForeignCredential = foreign::Foreign.Credentials.RecordingForeignCredential;

namespace IoTCentral.Engine.Tests;

public class AuthenticationTests
{
    private const string RolesPage = """{"value":[]}""";

    [Fact]
    public async Task Api_token_is_sent_verbatim_as_the_Authorization_header()
    {
        var handler = FakeHandler.Sequence(() => FakeHandler.Json(HttpStatusCode.OK, RolesPage));
        using var client = TestClients.WithApiToken(handler);

        await client.Roles.ListAsync(null, CancellationToken.None);

        Assert.Equal(TestClients.ApiToken, handler.Requests.Single().Headers["Authorization"]);
    }

    [Fact]
    public async Task Static_access_token_is_sent_as_a_bearer_token_over_https()
    {
        var handler = FakeHandler.Sequence(() => FakeHandler.Json(HttpStatusCode.OK, RolesPage));
        var jwt = Jwt("""{"exp":4102444800,"upn":"admin@contoso.com"}""");
        using var client = IoTCentralClient.CreateWithAccessToken(TestClients.Options(handler), TestClients.Secure(jwt));

        await client.Roles.ListAsync(null, CancellationToken.None);
        await client.Roles.ListAsync(null, CancellationToken.None);

        Assert.All(handler.Requests, r => Assert.Equal("Bearer " + jwt, r.Headers["Authorization"]));
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public void Bearer_tokens_are_refused_for_http_applications_at_creation()
    {
        var handler = FakeHandler.Sequence(() => FakeHandler.Json(HttpStatusCode.OK, RolesPage));

        var error = Assert.Throws<ArgumentException>(() =>
            IoTCentralClient.CreateWithAccessToken(TestClients.Options(handler, new Uri("http://127.0.0.1:5180")), TestClients.Secure("opaque")));

        Assert.StartsWith("Bearer tokens are sent only over https;", error.Message);
        Assert.DoesNotContain("opaque", error.Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Own_TokenCredential_is_asked_for_the_IoT_Central_scope()
    {
        var handler = FakeHandler.Sequence(() => FakeHandler.Json(HttpStatusCode.OK, RolesPage));
        string[]? scopes = null;
        var credential = DelegatedTokenCredential.Create((context, _) =>
        {
            scopes = context.Scopes;
            return new AccessToken("own-token", DateTimeOffset.UtcNow.AddHours(1));
        });
        using var client = IoTCentralClient.CreateWithTokenCredential(TestClients.Options(handler), credential);

        await client.Roles.ListAsync(null, CancellationToken.None);

        Assert.Equal(new[] { "https://apps.azureiotcentral.com/.default" }, scopes);
        Assert.Equal("Bearer own-token", handler.Requests.Single().Headers["Authorization"]);
    }

    [Fact]
    public async Task TokenCredential_from_another_Azure_Core_copy_is_adapted_by_shape()
    {
        var handler = FakeHandler.Sequence(() => FakeHandler.Json(HttpStatusCode.OK, RolesPage));
        var foreignCredential = new ForeignCredential("foreign-token");
        Assert.False(typeof(TokenCredential).IsAssignableFrom(foreignCredential.GetType()));

        using var client = IoTCentralClient.CreateWithTokenCredential(TestClients.Options(handler), foreignCredential);
        await client.Roles.ListAsync(null, CancellationToken.None);

        Assert.Equal("Bearer foreign-token", handler.Requests.Single().Headers["Authorization"]);
        Assert.Equal(new[] { "https://apps.azureiotcentral.com/.default" }, foreignCredential.RequestedScopes.Single());
    }

    [Fact]
    public void Objects_that_are_not_credentials_are_refused()
    {
        var handler = FakeHandler.Sequence(() => FakeHandler.Json(HttpStatusCode.OK, RolesPage));

        var error = Assert.Throws<ArgumentException>(() => IoTCentralClient.CreateWithTokenCredential(TestClients.Options(handler), "not a credential"));

        Assert.Contains("not an Azure.Core TokenCredential", error.Message);
    }

    internal static string Jwt(string payloadJson)
    {
        static string Encode(string json) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return Encode("""{"alg":"none","typ":"JWT"}""") + "." + Encode(payloadJson) + ".c2ln";
    }
}
