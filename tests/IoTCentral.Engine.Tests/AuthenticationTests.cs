extern alias foreign;

using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using IoTCentral.Engine.Tests.Support;
using Xunit;
using FailingForeignCredential = foreign::Foreign.Credentials.FailingForeignCredential;
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
    public async Task The_sign_in_token_is_asked_for_exactly_as_every_request_asks_for_it()
    {
        // Azure.Identity caches tokens with and without continuous access evaluation apart: a sign-in that asks
        // differently from the pipeline makes a device-code user sign in twice, the second time at the first command.
        var handler = FakeHandler.Sequence(() => FakeHandler.Json(HttpStatusCode.OK, RolesPage));
        var contexts = new System.Collections.Concurrent.ConcurrentQueue<TokenRequestContext>();
        var credential = DelegatedTokenCredential.Create((context, _) =>
        {
            contexts.Enqueue(context);
            return new AccessToken("own-token", DateTimeOffset.UtcNow.AddHours(1));
        });
        using var client = IoTCentralClient.CreateWithTokenCredential(TestClients.Options(handler), credential);

        await client.SignInAsync(CancellationToken.None);
        await client.Roles.ListAsync(null, CancellationToken.None);

        var (signIn, request) = (contexts.First(), contexts.Last());
        Assert.Equal(2, contexts.Count);
        Assert.Equal(request.Scopes, signIn.Scopes);
        Assert.True(signIn.IsCaeEnabled);
        Assert.Equal(request.IsCaeEnabled, signIn.IsCaeEnabled);
        Assert.Equal(request.Claims, signIn.Claims);
        Assert.Equal(request.TenantId, signIn.TenantId);
        Assert.Equal(request.IsProofOfPossessionEnabled, signIn.IsProofOfPossessionEnabled);
    }

    [Fact]
    public async Task A_foreign_credential_is_asked_with_continuous_access_evaluation_at_sign_in_and_after()
    {
        var handler = FakeHandler.Sequence(() => FakeHandler.Json(HttpStatusCode.OK, RolesPage));
        var foreignCredential = new ForeignCredential("foreign-token");
        using var client = IoTCentralClient.CreateWithTokenCredential(TestClients.Options(handler), foreignCredential);

        await client.SignInAsync(CancellationToken.None);
        await client.Roles.ListAsync(null, CancellationToken.None);

        Assert.Equal(new[] { true, true }, foreignCredential.RequestedCae.ToArray());
    }

    [Fact]
    public async Task A_foreign_credential_that_fails_is_a_sign_in_failure_with_the_Entra_reason()
    {
        var handler = FakeHandler.Sequence(() => FakeHandler.Json(HttpStatusCode.OK, RolesPage));
        using var client = IoTCentralClient.CreateWithTokenCredential(TestClients.Options(handler), new FailingForeignCredential());

        var atSignIn = await Assert.ThrowsAsync<Models.IoTCentralException>(() => client.SignInAsync(CancellationToken.None));
        var atRequest = await Assert.ThrowsAsync<Models.IoTCentralException>(() => client.Roles.ListAsync(null, CancellationToken.None));

        foreach (var error in new[] { atSignIn, atRequest })
        {
            Assert.Equal("SignInFailed", error.ErrorCode);
            Assert.Equal(401, error.Status);
            Assert.Contains("ClientSecretCredential authentication failed: AADSTS7000215: Invalid client secret provided.", error.Message);
        }

        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task A_credential_that_throws_anything_is_a_sign_in_failure_that_names_it()
    {
        var handler = FakeHandler.Sequence(() => FakeHandler.Json(HttpStatusCode.OK, RolesPage));
        var credential = DelegatedTokenCredential.Create((_, _) => throw new InvalidOperationException("the vault is sealed"));
        using var client = IoTCentralClient.CreateWithTokenCredential(TestClients.Options(handler), credential);

        var error = await Assert.ThrowsAsync<Models.IoTCentralException>(() => client.SignInAsync(CancellationToken.None));

        Assert.Equal("SignInFailed", error.ErrorCode);
        Assert.Contains("failed: the vault is sealed", error.Message);
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
