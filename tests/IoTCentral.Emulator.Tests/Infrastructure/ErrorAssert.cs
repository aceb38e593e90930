using System.Globalization;
using System.Net;

namespace IoTCentral.Emulator.Tests.Infrastructure;

/// <summary>Asserts a failure has the service's error shape, headers and status.</summary>
public static class ErrorAssert
{
    /// <summary>Returns the error message for further assertions.</summary>
    public static async Task<string> IsErrorAsync(ApiResponse response, HttpStatusCode status)
    {
        Assert.True(response.Status == status, $"expected {(int)status}, got {response}");
        Assert.Equal("application/json", response.MediaType);
        await SpecSchemas.AssertValidAsync("Error", response.Body);

        var error = response.Json.GetProperty("error");
        var code = error.GetProperty("code").GetString();
        var message = error.GetProperty("message").GetString();
        var requestId = error.GetProperty("requestId").GetString();
        Assert.False(string.IsNullOrWhiteSpace(code));
        Assert.False(string.IsNullOrWhiteSpace(message));
        Assert.True(Guid.TryParse(requestId, out _), $"requestId '{requestId}' is not a GUID");
        Assert.Equal(code, response.Header("x-ms-error-code"));
        Assert.Equal(requestId, response.Header("x-ms-request-id"));
        Assert.True(DateTimeOffset.TryParseExact(error.GetProperty("time").GetString(), "R", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out _), "time is not RFC 1123");
        return message!;
    }
}
