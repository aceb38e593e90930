using System.Globalization;
using System.Text.Json.Nodes;
using IoTCentral.Emulator.Features.DeviceTemplates;

namespace IoTCentral.Emulator.Features.DeviceData;

/// <summary>A command the device answered, as the command history lists it.</summary>
internal sealed record CommandExecution(
    long Sequence,
    DeviceLevel Level,
    string Name,
    string Id,
    int ConnectionTimeout,
    int ResponseTimeout,
    JsonNode? Request,
    JsonNode? Response,
    int ResponseCode)
{
    /// <summary>A key whose ordinal order is newest first, so the shared <see cref="Http.Paging"/> lists history newest first.</summary>
    public string SortKey => (long.MaxValue - Sequence).ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>The spec's <c>DeviceCommand</c>.</summary>
    public JsonObject ToResponse()
    {
        var response = new JsonObject
        {
            ["id"] = Id,
            ["connectionTimeout"] = ConnectionTimeout,
            ["responseTimeout"] = ResponseTimeout,
        };
        if (Request is not null)
        {
            response["request"] = Request.DeepClone();
        }

        if (Response is not null)
        {
            response["response"] = Response.DeepClone();
        }

        response["responseCode"] = ResponseCode;
        return response;
    }
}
