using Microsoft.AspNetCore.Http;

namespace IoTCentral.Emulator.Http;

/// <summary>Requires a supported <c>api-version</c> query parameter on every request under <c>/api</c>.</summary>
internal sealed class ApiVersionMiddleware(RequestDelegate next)
{
    public const string QueryName = "api-version";

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(EmulatorApp.ApiBasePath, StringComparison.OrdinalIgnoreCase))
        {
            RequestContext.Of(context).ApiVersion = Validate(context.Request.Query[QueryName]);
        }

        return next(context);
    }

    private static string Validate(Microsoft.Extensions.Primitives.StringValues values)
    {
        if (values.Count == 0 || string.IsNullOrEmpty(values[0]))
        {
            throw ApiException.BadRequest(
                $"The '{QueryName}' query parameter is required. Supported versions: {string.Join(", ", ApiVersions.Supported)}.",
                ErrorCodes.MissingApiVersion);
        }

        if (values.Count > 1)
        {
            throw ApiException.BadRequest($"The '{QueryName}' query parameter must be given once.", ErrorCodes.InvalidApiVersion);
        }

        var version = values[0]!;
        if (!ApiVersions.IsSupported(version))
        {
            throw ApiException.BadRequest(
                $"The api-version '{version}' is not supported. Supported versions: {string.Join(", ", ApiVersions.Supported)}.",
                ErrorCodes.InvalidApiVersion);
        }

        return version;
    }
}
