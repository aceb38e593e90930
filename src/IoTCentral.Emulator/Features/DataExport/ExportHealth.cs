using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using IoTCentral.Emulator.Http;

namespace IoTCentral.Emulator.Features.DataExport;

/// <summary>
/// How deliveries went, per export and destination, in memory (a restarted emulator starts healthy). The last
/// delivery decides: a failure makes the pair unhealthy with its message, the next success heals it.
/// </summary>
internal sealed class ExportHealth
{
    public const string Healthy = "healthy";
    public const string Error = "error";
    public const string Disabled = "disabled";
    public const string NotDelivered = "notDelivered";

    private sealed record Outcome(string? Failure, DateTimeOffset? LastSuccess);

    private readonly ConcurrentDictionary<(string Export, string Destination), Outcome> _outcomes = new();

    public void Succeeded(string exportId, string destinationId, DateTimeOffset at) =>
        _outcomes.AddOrUpdate((exportId, destinationId), _ => new Outcome(null, at), (_, _) => new Outcome(null, at));

    public void Failed(string exportId, string destinationId, string failure) =>
        _outcomes.AddOrUpdate((exportId, destinationId), _ => new Outcome(failure, null), (_, old) => old with { Failure = failure });

    /// <summary>Forgets a removed export's or destination's history, so one created again with the id starts fresh.</summary>
    public void Forget(string id)
    {
        foreach (var key in _outcomes.Keys.Where(k => k.Export == id || k.Destination == id))
        {
            _outcomes.TryRemove(key, out _);
        }
    }

    /// <summary>Adds <c>status</c>, <c>errors</c> and <c>lastExportTime</c> of an export to its body.</summary>
    public void DescribeExport(string exportId, JsonObject body)
    {
        var pairs = _outcomes.Where(p => p.Key.Export == exportId).Select(p => (p.Key.Destination, p.Value)).ToList();
        var enabled = body["enabled"]?.GetValue<bool>() == true;
        var failures = pairs.Where(p => p.Value.Failure is not null)
            .Select(p => Problem("DeliveryFailed", $"Delivery to destination '{p.Destination}' failed: {p.Value.Failure}")).ToList();
        var status = !enabled ? Disabled : failures.Count > 0 ? Error : Healthy;
        Describe(body, status, failures, pairs.Max(p => p.Value.LastSuccess));
    }

    /// <summary>Adds <c>status</c>, <c>errors</c> and <c>lastExportTime</c> of a destination to its body.</summary>
    public void DescribeDestination(string destinationId, JsonObject body)
    {
        if (!DestinationDefinition.Delivered(body))
        {
            var type = body["type"]?.GetValue<string>();
            var message = type == DestinationDefinition.BlobStorage
                ? $"The emulator has no managed identity, so it does not deliver to {type} destinations with {DestinationDefinition.AuthorizationType(body)} authorization; use connectionString authorization (for example Azurite's development connection string) to have it deliver."
                : $"The emulator stores {type} destinations but delivers only to webhook@v1 destinations and to blobstorage@v1 destinations with connectionString authorization.";
            Describe(body, NotDelivered, [Problem("NotDeliveredByEmulator", message)], null);
            return;
        }

        var pairs = _outcomes.Where(p => p.Key.Destination == destinationId).Select(p => (p.Key.Export, p.Value)).ToList();
        var failures = pairs.Where(p => p.Value.Failure is not null)
            .Select(p => Problem("DeliveryFailed", $"Delivery for export '{p.Export}' failed: {p.Value.Failure}")).ToList();
        Describe(body, failures.Count > 0 ? Error : Healthy, failures, pairs.Max(p => p.Value.LastSuccess));
    }

    private static void Describe(JsonObject body, string status, List<JsonObject> errors, DateTimeOffset? lastExportTime)
    {
        body["status"] = status;
        if (errors.Count > 0)
        {
            body["errors"] = new JsonArray(errors.ToArray<JsonNode?>());
        }

        if (lastExportTime is { } at)
        {
            body["lastExportTime"] = EmulatorJson.FormatTimestamp(at);
        }
    }

    private static JsonObject Problem(string code, string message) => new() { ["code"] = code, ["message"] = message };
}
