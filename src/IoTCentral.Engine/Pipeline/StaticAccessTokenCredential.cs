using System;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using IoTCentral.Engine.Internal;

namespace IoTCentral.Engine.Pipeline;

/// <summary>
/// A bearer token the user obtained elsewhere (Get-AzAccessToken). It is never refreshed: once it has expired,
/// requests fail here with a clear "sign in again" error instead of the service's bare 401.
/// </summary>
internal sealed class StaticAccessTokenCredential : TokenCredential, IDisposable
{
    private readonly SecureString _token;
    private readonly DateTimeOffset _expiresOn;

    public StaticAccessTokenCredential(SecureString token, DateTimeOffset? expiresOn)
    {
        _token = SecureStrings.ReadOnlyCopy(token);

        // Without a known expiry, claim a far one so that the bearer policy does not ask again on every request.
        _expiresOn = expiresOn ?? DateTimeOffset.UtcNow.AddYears(1);
    }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        if (_expiresOn <= DateTimeOffset.UtcNow)
        {
            throw new IoTCentral.Models.IoTCentralException(
                401,
                "AccessTokenExpired",
                $"The access token expired on {_expiresOn.UtcDateTime:u}; it cannot be refreshed. Get a new token and run Connect-IoTCentral again, or connect with -TokenCredential, -Identity or -ServicePrincipal, which refresh by themselves.",
                null);
        }

        return new(SecureStrings.ToPlainText(_token), _expiresOn);
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(GetToken(requestContext, cancellationToken));

    public void Dispose() => _token.Dispose();
}
