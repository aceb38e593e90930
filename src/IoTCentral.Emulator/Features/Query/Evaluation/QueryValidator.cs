using IoTCentral.Emulator.Features.Query.Syntax;

namespace IoTCentral.Emulator.Features.Query.Evaluation;

/// <summary>
/// The rules a parsed query must keep that need no device data: the documented limits, aliases, what may be
/// aggregated, where WITHIN_WINDOW may stand and what ORDER BY may name. Returns the WITHIN_WINDOW condition, if any.
/// </summary>
internal static class QueryValidator
{
    private const string AggregateNames = "AVG, MIN, MAX, SUM, COUNT, FIRST or LAST";

    public static WithinWindowCondition? Validate(QuerySyntax query)
    {
        CheckSelect(query);
        CheckAggregation(query);
        var window = query.Where is null ? null : CheckWhere(query);
        CheckOrderBy(query);
        return window;
    }

    private static void CheckSelect(QuerySyntax query)
    {
        if (query.Select.Count > QueryLimits.MaxSelectItems)
        {
            throw new QueryException(
                $"The SELECT list has {query.Select.Count} items; at most {QueryLimits.MaxSelectItems} are allowed.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in query.Select)
        {
            // The docs' rule: an alias may not be the name of another selected item (SELECT id, temp AS id).
            if (item.Alias is { } alias && query.Select.Any(other => other != item && FieldOf(other.Expression).Text == alias))
            {
                throw new QueryException(
                    $"The alias '{alias}' of the item at position {item.Expression.Position} is the name of another selected item; choose another alias.");
            }

            if (!names.Add(item.OutputName))
            {
                throw new QueryException(
                    $"The result column '{item.OutputName}' (item at position {item.Expression.Position}) is selected twice; give one of them another alias with AS.");
            }
        }
    }

    private static void CheckAggregation(QuerySyntax query)
    {
        foreach (var aggregate in query.Select.Select(i => i.Expression).Concat(query.OrderBy.Select(o => o.Expression)).OfType<AggregateCall>())
        {
            if (aggregate.Field.IsMetadata)
            {
                throw new QueryException(
                    $"{aggregate.Key} at position {aggregate.Position} aggregates device metadata; only telemetry can be aggregated.");
            }
        }

        if (query.HasAggregates)
        {
            var plain = query.Select.FirstOrDefault(i => i.Expression is FieldPath path && path.Text is not (DeviceMetadata.Id or DeviceMetadata.Timestamp));
            if (plain is not null)
            {
                throw new QueryException(
                    $"'{plain.Expression.Key}' at position {plain.Expression.Position} must be aggregated ({AggregateNames}) in a query with aggregates; only $id and $ts may stand alone.");
            }
        }

        if (query.GroupBy is { } groupBy)
        {
            if (!query.HasAggregates)
            {
                throw new QueryException(
                    $"GROUP BY WINDOW at position {groupBy.Position} needs an aggregate ({AggregateNames}) in the SELECT list.");
            }

            if (!groupBy.Duration.IsFixedLength || groupBy.Duration.FixedLength() is null)
            {
                throw new QueryException(
                    $"The window '{groupBy.Duration.Text}' at position {groupBy.Position} must have a fixed length: use weeks, days, hours, minutes and seconds, not years or months.");
            }
        }
    }

    private static WithinWindowCondition? CheckWhere(QuerySyntax query)
    {
        var where = query.Where!;
        var operators = Flatten(where).Count(c => c is AndCondition or OrCondition);
        if (operators > QueryLimits.MaxLogicalOperators)
        {
            throw new QueryException(
                $"The WHERE clause has {operators} logical operators (AND, OR); at most {QueryLimits.MaxLogicalOperators} are allowed.");
        }

        var windows = Flatten(where).OfType<WithinWindowCondition>().ToList();
        if (windows.Count > 1)
        {
            throw new QueryException($"WITHIN_WINDOW appears again at position {windows[1].Position}; a query has at most one time window.");
        }

        if (windows.Count == 1 && !TopLevelConjuncts(where).Contains(windows[0]))
        {
            throw new QueryException(
                $"WITHIN_WINDOW at position {windows[0].Position} must be joined to the rest of WHERE with AND, not inside OR.");
        }

        foreach (var condition in Flatten(where))
        {
            CheckWhereCondition(query, condition);
        }

        return windows.SingleOrDefault();
    }

    private static void CheckWhereCondition(QuerySyntax query, Condition condition)
    {
        var field = condition switch
        {
            ComparisonCondition c => c.Field,
            InCondition c => c.Field,
            NullCondition c => c.Field,
            _ => null,
        };
        if (field is null)
        {
            return;
        }

        var target = query.Select.FirstOrDefault(i => i.Alias == field.Text);
        if (target?.Expression is AggregateCall aggregate)
        {
            throw new QueryException(
                $"'{field.Text}' at position {field.Position} is the aggregate {aggregate.Key}; WHERE filters telemetry before it is aggregated, so name the telemetry instead.");
        }

        var resolved = target is null ? field : (FieldPath)target.Expression;
        if (condition is InCondition && resolved.IsMetadata && resolved.Text != DeviceMetadata.Id)
        {
            throw new QueryException($"IN at position {condition.Position} works only with telemetry and $id, not {resolved.Text}.");
        }

        if (resolved.Text == DeviceMetadata.Timestamp && condition is ComparisonCondition { Value: var literal }
            && !(literal.Value is string text && Parser.TryParseInstant(text, out _)))
        {
            throw new QueryException(
                $"$ts at position {field.Position} must be compared with an ISO 8601 timestamp string such as '2021-06-13T13:00:00Z', not {literal.Text}.");
        }
    }

    private static void CheckOrderBy(QuerySyntax query)
    {
        foreach (var order in query.OrderBy)
        {
            var expression = order.Expression;
            if (!query.HasAggregates)
            {
                if (expression is AggregateCall aggregate)
                {
                    throw new QueryException(
                        $"ORDER BY {aggregate.Key} at position {aggregate.Position} sorts by an aggregate, but the query selects none.");
                }

                continue;
            }

            var selected = query.Select.Any(i => i.Alias == expression.Key || i.Expression.Key == expression.Key);
            if (!selected && expression.Key != DeviceMetadata.Timestamp)
            {
                throw new QueryException(
                    $"ORDER BY '{expression.Key}' at position {expression.Position} must name a selected aggregate, an alias, $ts or a selected $id in a query with aggregates.");
            }
        }
    }

    private static FieldPath FieldOf(Expression expression) => expression switch
    {
        AggregateCall aggregate => aggregate.Field,
        _ => (FieldPath)expression,
    };

    public static IEnumerable<Condition> Flatten(Condition condition) => condition switch
    {
        AndCondition and => Flatten(and.Left).Concat(Flatten(and.Right)).Prepend(and),
        OrCondition or => Flatten(or.Left).Concat(Flatten(or.Right)).Prepend(or),
        _ => [condition],
    };

    private static IEnumerable<Condition> TopLevelConjuncts(Condition condition) => condition is AndCondition and
        ? TopLevelConjuncts(and.Left).Concat(TopLevelConjuncts(and.Right))
        : [condition];
}
