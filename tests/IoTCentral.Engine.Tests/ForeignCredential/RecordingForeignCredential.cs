using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;

namespace Foreign.Credentials;

/// <summary>Hands out a fixed token and records the scopes it was asked for.</summary>
public sealed class RecordingForeignCredential : TokenCredential
{
    private readonly string _token;

    public RecordingForeignCredential(string token) => _token = token;

    public ConcurrentQueue<string[]> RequestedScopes { get; } = new();

    public ConcurrentQueue<bool> RequestedCae { get; } = new();

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(GetToken(requestContext, cancellationToken));

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        RequestedScopes.Enqueue(requestContext.Scopes);
        RequestedCae.Enqueue(requestContext.IsCaeEnabled);
        return new AccessToken(_token, DateTimeOffset.UtcNow.AddHours(1));
    }
}
