using IoTCentral.Emulator.Features.Query.Syntax;

namespace IoTCentral.Emulator.Features.Query.Evaluation;

/// <summary>
/// ORDER BY, then a fixed tie-break so results are deterministic. Without ORDER BY the order is the docs' examples':
/// telemetry rows oldest first, aggregated rows newest window first, property rows by device id; ties by device id.
/// </summary>
internal static class RowOrdering
{
    public static IEnumerable<QueryRow> Sort(IEnumerable<QueryRow> rows, QuerySyntax query, FieldResolver resolver)
    {
        IOrderedEnumerable<QueryRow>? sorted = null;
        foreach (var order in query.OrderBy)
        {
            Func<QueryRow, object?> key = row => SortValue(order.Expression, row, resolver);
            var comparer = Comparer<object?>.Create(QueryValues.Compare);
            sorted = (sorted, order.Descending) switch
            {
                (null, false) => rows.OrderBy(key, comparer),
                (null, true) => rows.OrderByDescending(key, comparer),
                (_, false) => sorted.ThenBy(key, comparer),
                _ => sorted.ThenByDescending(key, comparer),
            };
        }

        // Property rows have no timestamp of their own; they fall through to the device id.
        if (resolver.Kind == QueryKind.Telemetry)
        {
            var newestFirst = query.HasAggregates;
            sorted = (sorted, newestFirst) switch
            {
                (null, false) => rows.OrderBy(r => r.Timestamp),
                (null, true) => rows.OrderByDescending(r => r.Timestamp),
                (_, false) => sorted.ThenBy(r => r.Timestamp),
                _ => sorted.ThenByDescending(r => r.Timestamp),
            };
        }

        sorted ??= rows.OrderBy(r => 0);
        return sorted.ThenBy(r => r.Device.Id, StringComparer.Ordinal);
    }

    private static object? SortValue(Expression expression, QueryRow row, FieldResolver resolver)
    {
        var aggregate = expression as AggregateCall
            ?? (expression is FieldPath path ? resolver.AliasTarget(path)?.Expression as AggregateCall : null);
        return aggregate is not null
            ? row.Aggregates.GetValueOrDefault(aggregate.Key)
            : row.Read(resolver.Resolve((FieldPath)expression));
    }
}
