using Microsoft.AspNetCore.Http;

namespace IoTCentral.Emulator.Http;

/// <summary>
/// A failure that becomes an error response with the service's error shape. Throw it from any handler,
/// middleware or validator; <see cref="ErrorResponseMiddleware"/> writes it.
/// </summary>
internal sealed class ApiException(int statusCode, string code, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public string Code { get; } = code;

    /// <summary>A bearer token refused only for its audience (Azure Resource Manager answers that with its own code).</summary>
    public bool WrongAudience { get; init; }

    public static ApiException BadRequest(string message, string code = ErrorCodes.InvalidRequest) =>
        new(StatusCodes.Status400BadRequest, code, message);

    public static ApiException Unauthorized(string message, string code = ErrorCodes.InvalidAuthorization) =>
        new(StatusCodes.Status401Unauthorized, code, message);

    public static ApiException Forbidden(string message) =>
        new(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, message);

    public static ApiException NotFound(string message, string code = ErrorCodes.NotFound) =>
        new(StatusCodes.Status404NotFound, code, message);

    public static ApiException Conflict(string message, string code = ErrorCodes.Conflict) =>
        new(StatusCodes.Status409Conflict, code, message);

    public static ApiException PreconditionFailed(string message) =>
        new(StatusCodes.Status412PreconditionFailed, ErrorCodes.PreconditionFailed, message);

    public static ApiException UnsupportedMediaType(string message) =>
        new(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType, message);
}
