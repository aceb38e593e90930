using System;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;

namespace Foreign.Credentials;

/// <summary>Fails as a credential of another Azure.Identity copy does: its own AuthenticationFailedException, the reason inside.</summary>
public sealed class FailingForeignCredential : TokenCredential
{
    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(GetToken(requestContext, cancellationToken));

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        throw new Azure.Identity.AuthenticationFailedException(
            "ClientSecretCredential authentication failed: ",
            new InvalidOperationException("A configuration issue is preventing authentication. Original exception: AADSTS7000215: Invalid client secret provided."));
}
