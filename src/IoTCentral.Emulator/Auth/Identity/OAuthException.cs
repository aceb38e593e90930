using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace IoTCentral.Emulator.Auth.Identity;

/// <summary>
/// An OAuth 2.0 error of the token service, written as Microsoft Entra writes them
/// (<c>{"error","error_description","error_codes","timestamp","trace_id","correlation_id"}</c>); MSAL turns
/// <c>error</c> into <c>MsalServiceException.ErrorCode</c> and Azure.Identity into AuthenticationFailedException.
/// </summary>
internal sealed class OAuthException(int statusCode, string error, int entraCode, string description)
    : Exception($"AADSTS{entraCode}: {description}")
{
    public int StatusCode { get; } = statusCode;

    public string Error { get; } = error;

    public int EntraCode { get; } = entraCode;

    public static OAuthException InvalidRequest(int entraCode, string description) => new(StatusCodes.Status400BadRequest, "invalid_request", entraCode, description);

    public static OAuthException InvalidClient(int entraCode, string description) => new(StatusCodes.Status401Unauthorized, "invalid_client", entraCode, description);

    public static OAuthException InvalidGrant(int entraCode, string description) => new(StatusCodes.Status400BadRequest, "invalid_grant", entraCode, description);

    public static OAuthException InvalidScope(string description) => new(StatusCodes.Status400BadRequest, "invalid_scope", 70011, description);

    public IResult ToResult(TimeProvider clock) => Results.Json(new JsonObject
    {
        ["error"] = Error,
        ["error_description"] = Message,
        ["error_codes"] = new JsonArray(EntraCode),
        ["timestamp"] = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        ["trace_id"] = Guid.NewGuid().ToString(),
        ["correlation_id"] = Guid.NewGuid().ToString(),
    }, statusCode: StatusCode);
}
