using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;

namespace IoTCentral.Emulator.Auth;

/// <summary>
/// Validates an API token value (an Authorization header): its token must still exist (not revoked), its fields must
/// match the stored token, its signature must be right and it must not have expired by the emulator's clock.
/// </summary>
internal sealed class ApiTokenAuthenticator(StateStore store, EmulatorSettings settings)
{
    private const string InvalidTokenMessage = "The API token is not valid: it is malformed, tampered with, or has been revoked.";

    /// <param name="value">The Authorization header value (one, trimmed, not a bearer token).</param>
    public CallerIdentity Authenticate(string value)
    {
        if (!SharedAccessSignature.TryParse(value, out var fields))
        {
            throw ApiException.Unauthorized(
                "The Authorization header is not an API token; expected 'SharedAccessSignature sr=...&sig=...&skn=...&se=...'.");
        }

        var (application, token) = store.Read(state => (state.Application, FindToken(state, fields.KeyName)));
        if (token is null
            || !string.Equals(fields.Resource, application.Id, StringComparison.OrdinalIgnoreCase)
            || fields.Expiry != SharedAccessSignature.ToExpiryField(token.Expiry)
            || !SharedAccessSignature.SignatureMatches(
                SharedAccessSignature.ComputeSignature(application.SigningKeyBytes, fields.Resource, fields.KeyName, fields.Expiry, token.Nonce),
                fields.Signature))
        {
            throw ApiException.Unauthorized(InvalidTokenMessage);
        }

        if (settings.Clock.GetUtcNow() >= token.Expiry)
        {
            throw ApiException.Unauthorized($"The API token '{token.Id}' expired at {EmulatorJson.FormatTimestamp(token.Expiry)}.", ErrorCodes.ExpiredToken);
        }

        return CallerIdentity.ForApiToken(token.Id, token.Roles);
    }

    private static ApiTokenRecord? FindToken(EmulatorState state, string tokenId) =>
        tokenId == DevelopmentApplication.AdminTokenId
            ? DevelopmentApplication.AdminToken
            : state.ApiTokens.GetValueOrDefault(tokenId);
}
