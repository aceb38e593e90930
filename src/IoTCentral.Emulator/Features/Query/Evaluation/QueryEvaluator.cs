using System.Text.Json.Nodes;
using IoTCentral.Emulator.Features.Query.Syntax;

namespace IoTCentral.Emulator.Features.Query.Evaluation;

/// <summary>
/// Runs a parsed query over the devices of its template: builds rows (one per device and telemetry timestamp, or
/// one per device for a property query), filters them with WHERE, aggregates them per window, sorts, cuts at TOP
/// or the row cap and shapes each row into the result object.
/// </summary>
internal static class QueryEvaluator
{
    public static IReadOnlyList<JsonObject> Evaluate(QuerySyntax query, IQuerySource source, DateTimeOffset now)
    {
        var window = QueryValidator.Validate(query);
        var range = window?.RangeAt(now) ?? new TimeRange(now - QueryLimits.DefaultTimeWindow, now);
        var devices = source.DevicesOfTemplate(query.TemplateId, range.From, range.To)
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
        var resolver = new FieldResolver(query, devices);
        var conditions = new ConditionEvaluator(resolver, range);

        var rows = resolver.Kind == QueryKind.Property
            ? devices.Select(d => new QueryRow(d, now, EmptyTelemetry))
            : devices.SelectMany(d => TelemetryRows(d, range));
        if (query.Where is { } where)
        {
            rows = rows.Where(row => conditions.Test(where, row));
        }

        if (query.HasAggregates)
        {
            rows = Aggregate(query, resolver, range, rows.ToList());
        }

        var cap = resolver.Kind == QueryKind.Property ? QueryLimits.MaxPropertyRows : QueryLimits.MaxTelemetryRows;
        return RowOrdering.Sort(rows, query, resolver)
            .Take(Math.Min(query.Top ?? cap, cap))
            .Select(row => Project(query, resolver, row))
            .ToList();
    }

    private static readonly IReadOnlyDictionary<string, JsonNode?> EmptyTelemetry = new Dictionary<string, JsonNode?>();

    /// <summary>
    /// One row per distinct timestamp of the device's telemetry in the range, holding every telemetry sent at that
    /// instant (a later sample of the same path wins). A row may lack the selected telemetry: that is what
    /// <c>WHERE x &lt;&gt; NULL</c> filters out.
    /// </summary>
    private static IEnumerable<QueryRow> TelemetryRows(QueryDevice device, TimeRange range) =>
        device.Telemetry
            .Where(s => range.Contains(s.Timestamp))
            .GroupBy(s => s.Timestamp)
            .Select(g => new QueryRow(device, g.Key, g.GroupBy(s => s.Path, StringComparer.Ordinal)
                .ToDictionary(p => p.Key, p => p.Last().Value, StringComparer.Ordinal)));

    /// <summary>
    /// Groups rows by window (the whole range without GROUP BY WINDOW) and, when $id is selected, by device too;
    /// a group row's timestamp is its window's start. A window in which none of the aggregated telemetry has a value
    /// (only other telemetry arrived) yields no row, as a time-series store has nothing to aggregate there.
    /// </summary>
    private static IEnumerable<QueryRow> Aggregate(QuerySyntax query, FieldResolver resolver, TimeRange range, List<QueryRow> rows)
    {
        var length = query.GroupBy?.Duration.FixedLength();
        var perDevice = query.Select.Any(i => i.Expression is FieldPath { Text: DeviceMetadata.Id });
        var aggregates = query.Select.Select(i => i.Expression).Concat(query.OrderBy.Select(o => o.Expression))
            .OfType<AggregateCall>()
            .DistinctBy(a => a.Key)
            .ToList();
        return rows
            .GroupBy(row => (Start: length is { } l ? TimeBuckets.StartOf(row.Timestamp, l) : range.From, Device: perDevice ? row.Device.Id : ""))
            .Select(group =>
            {
                var members = group.OrderBy(r => r.Timestamp).ToList();
                var result = new QueryRow(members[0].Device, group.Key.Start, EmptyTelemetry);
                var hasValues = false;
                foreach (var aggregate in aggregates)
                {
                    var field = resolver.Resolve(aggregate.Field);
                    var values = members.Select(r => r.Read(field)).OfType<JsonNode>().ToList();
                    hasValues |= values.Count > 0;
                    result.Aggregates[aggregate.Key] = Aggregates.Compute(aggregate.Function, values);
                }

                return hasValues ? result : null;
            })
            .OfType<QueryRow>();
    }

    /// <summary>
    /// The result object: each SELECT item under its alias or name. Aggregated rows also carry their window's start
    /// as <c>$ts</c>, as the service's do, unless $ts is selected anyway.
    /// </summary>
    private static JsonObject Project(QuerySyntax query, FieldResolver resolver, QueryRow row)
    {
        var result = new JsonObject();
        if (query.HasAggregates && !query.Select.Any(i => i.Expression is FieldPath { Text: DeviceMetadata.Timestamp }))
        {
            result[DeviceMetadata.Timestamp] = QueryValues.ToJson(row.Timestamp);
        }

        foreach (var item in query.Select)
        {
            result[item.OutputName] = item.Expression switch
            {
                AggregateCall aggregate => row.Aggregates.GetValueOrDefault(aggregate.Key)?.DeepClone(),
                FieldPath path => QueryValues.ToJson(row.Read(resolver.Resolve(path))),
                _ => null,
            };
        }

        return result;
    }
}
