using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace IoTCentral.Emulator.Management;

/// <summary>
/// A failure of the management endpoint, written in Azure Resource Manager's error shape
/// <c>{"error":{"code","message","target","details":[...]}}</c> (the spec's <c>CloudError</c>).
/// </summary>
internal sealed class ArmException(int statusCode, string code, string message, string? target = null, IReadOnlyList<ArmException>? details = null)
    : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public string Code { get; } = code;

    public string? Target { get; } = target;

    public IReadOnlyList<ArmException> Details { get; } = details ?? [];

    public static ArmException BadRequest(string code, string message, string? target = null, IReadOnlyList<ArmException>? details = null) =>
        new(StatusCodes.Status400BadRequest, code, message, target, details);

    public static ArmException NotFound(string code, string message) => new(StatusCodes.Status404NotFound, code, message);

    public static ArmException Conflict(string code, string message, string? target = null) => new(StatusCodes.Status409Conflict, code, message, target);

    public JsonObject ToJson()
    {
        var body = new JsonObject { ["code"] = Code, ["message"] = Message };
        if (Target is not null)
        {
            body["target"] = Target;
        }

        if (Details.Count > 0)
        {
            body["details"] = new JsonArray(Details.Select(d => (JsonNode)d.ToJson()).ToArray());
        }

        return body;
    }

    public Task WriteAsync(HttpContext context)
    {
        var requestId = context.Response.Headers["x-ms-request-id"];
        context.Response.Clear();
        context.Response.Headers["x-ms-request-id"] = requestId;
        context.Response.StatusCode = StatusCode;
        context.Response.Headers["x-ms-failure-cause"] = StatusCode >= 500 ? "service" : "gateway";
        return context.Response.WriteAsJsonAsync(new JsonObject { ["error"] = ToJson() }, context.RequestAborted);
    }
}
