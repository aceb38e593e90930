using System;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Identity;
using IoTCentral.Engine.Internal;

namespace IoTCentral.Engine.Pipeline;

internal static class TokenCredentials
{
    /// <summary>
    /// Accepts our Azure.Core TokenCredential, or one from another Azure.Core copy via <see cref="ForeignTokenCredential"/>,
    /// wrapped so that whatever it throws is a sign-in failure the cmdlets report as such.
    /// </summary>
    public static TokenCredential From(object tokenCredential)
    {
        if (tokenCredential is null)
        {
            throw new ArgumentNullException(nameof(tokenCredential));
        }

        var credential = tokenCredential as TokenCredential
            ?? ForeignTokenCredential.TryCreate(tokenCredential)
            ?? throw new ArgumentException(
                $"The object of type {tokenCredential.GetType().FullName} is not an Azure.Core TokenCredential; pass a credential from Azure.Identity, such as a ManagedIdentityCredential.",
                nameof(tokenCredential));
        return new UserSuppliedCredential(credential, tokenCredential.GetType().Name);
    }

    /// <summary>
    /// A credential the user built fails with its own Azure.Identity's AuthenticationFailedException (a type of another
    /// load context that our catch does not match) or with anything its author chose; either is a failed sign-in.
    /// </summary>
    private sealed class UserSuppliedCredential : TokenCredential
    {
        private readonly TokenCredential _inner;
        private readonly string _name;

        public UserSuppliedCredential(TokenCredential inner, string name)
        {
            _inner = inner;
            _name = name;
        }

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            try
            {
                return _inner.GetToken(requestContext, cancellationToken);
            }
            catch (Exception e) when (IsFailure(e, cancellationToken))
            {
                throw Failure(e);
            }
        }

        public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            try
            {
                return await _inner.GetTokenAsync(requestContext, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsFailure(e, cancellationToken))
            {
                throw Failure(e);
            }
        }

        private static bool IsFailure(Exception e, CancellationToken cancellationToken) =>
            e is not AuthenticationFailedException && !(e is OperationCanceledException && cancellationToken.IsCancellationRequested);

        private AuthenticationFailedException Failure(Exception e) =>
            new(e.GetType().FullName == typeof(AuthenticationFailedException).FullName
                    ? SignInFailures.Describe(e)
                    : $"The credential {_name} failed: {SignInFailures.Describe(e)}",
                e);
    }
}
