using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;
using Microsoft.Extensions.Primitives;

namespace IoTCentral.Emulator.Auth;

/// <summary>
/// Validates the Authorization header of a request: an API token value whose token still exists (not revoked),
/// whose fields match the stored token, whose signature is right and which has not expired by the emulator's clock.
/// </summary>
internal sealed class ApiTokenAuthenticator(StateStore store, EmulatorSettings settings)
{
    private const string InvalidTokenMessage = "The API token is not valid: it is malformed, tampered with, or has been revoked.";

    public CallerIdentity Authenticate(StringValues authorization)
    {
        if (authorization.Count == 0 || string.IsNullOrWhiteSpace(authorization[0]))
        {
            throw ApiException.Unauthorized(
                "The Authorization header is missing. Send an API token value (SharedAccessSignature sr=...) as the header value.",
                ErrorCodes.MissingAuthorization);
        }

        var value = authorization.Count == 1 ? authorization[0]!.Trim() : throw ApiException.Unauthorized("Send one Authorization header.");
        if (value.StartsWith("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            throw ApiException.Unauthorized(
                "Bearer (Microsoft Entra ID) tokens are not supported by the emulator yet; use an API token such as the development admin token.",
                ErrorCodes.BearerNotSupported);
        }

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

        return new CallerIdentity(token.Id, token.Roles);
    }

    private static ApiTokenRecord? FindToken(EmulatorState state, string tokenId) =>
        tokenId == DevelopmentApplication.AdminTokenId
            ? DevelopmentApplication.AdminToken
            : state.ApiTokens.GetValueOrDefault(tokenId);
}
