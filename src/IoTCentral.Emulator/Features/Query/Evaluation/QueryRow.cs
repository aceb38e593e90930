using System.Text.Json.Nodes;

namespace IoTCentral.Emulator.Features.Query.Evaluation;

/// <summary>
/// A row while the query runs: a device at one telemetry timestamp (telemetry query), a device alone (property
/// query, <see cref="Timestamp"/> unused) or a group of rows in one window (<see cref="Aggregates"/> set).
/// </summary>
internal sealed class QueryRow(QueryDevice device, DateTimeOffset timestamp, IReadOnlyDictionary<string, JsonNode?> telemetry)
{
    public QueryDevice Device { get; } = device;

    public DateTimeOffset Timestamp { get; } = timestamp;

    /// <summary>The values of aggregated rows, by the aggregate's <see cref="Syntax.Expression.Key"/>.</summary>
    public Dictionary<string, JsonNode?> Aggregates { get; } = new(StringComparer.Ordinal);

    /// <summary>The value of a field in this row: a string ($id), a DateTimeOffset ($ts), or a JSON node (or null).</summary>
    /// <remarks>The casts keep the switch typed as object: JsonNode's implicit conversions from string and
    /// DateTimeOffset would otherwise make it a JsonNode and turn $ts into a string-valued node.</remarks>
    public object? Read(FieldRef field) => field.Kind switch
    {
        FieldKind.DeviceId => (object)Device.Id,
        FieldKind.Timestamp => (object)Timestamp,
        FieldKind.Provisioned or FieldKind.Simulated => Device.Properties.GetValueOrDefault(field.Source.Text),
        FieldKind.Telemetry => Member(telemetry.GetValueOrDefault(field.Path), field.Members),
        FieldKind.Property => Member(Device.Properties.GetValueOrDefault(field.Path), field.Members),
        _ => null,
    };

    private static JsonNode? Member(JsonNode? node, IReadOnlyList<string> members)
    {
        foreach (var member in members)
        {
            if (node is not JsonObject obj || !obj.TryGetPropertyValue(member, out node))
            {
                return null;
            }
        }

        return node;
    }
}
