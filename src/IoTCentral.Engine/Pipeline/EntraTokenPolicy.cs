using System.Threading.Tasks;
using Azure.Core;
using Azure.Core.Pipeline;

namespace IoTCentral.Engine.Pipeline;

/// <summary>
/// Azure.Core's bearer policy, with the token request made in one place. Azure.Identity caches tokens per kind of
/// request (with and without continuous access evaluation, CAE), so the token got while connecting must be asked for
/// exactly as every later request asks; otherwise the first command misses the cache and a device-code or browser
/// sign-in prompts a second time.
/// </summary>
internal sealed class EntraTokenPolicy : BearerTokenAuthenticationPolicy
{
    public EntraTokenPolicy(TokenCredential credential)
        : base(credential, PipelineFactory.Scope)
    {
    }

    /// <summary>What every request of a session asks its credential for, the sign-in's first token included.</summary>
    public static TokenRequestContext TokenRequest(string? parentRequestId) =>
        new(new[] { PipelineFactory.Scope }, parentRequestId, claims: null, tenantId: null, isCaeEnabled: true);

    protected override ValueTask AuthorizeRequestAsync(HttpMessage message) =>
        AuthenticateAndAuthorizeRequestAsync(message, TokenRequest(message.Request.ClientRequestId));

    protected override void AuthorizeRequest(HttpMessage message) =>
        AuthenticateAndAuthorizeRequest(message, TokenRequest(message.Request.ClientRequestId));
}
