using IoTCentral.Emulator.Features.Query.Syntax;

namespace IoTCentral.Emulator.Features.Query.Evaluation;

/// <summary>Evaluates a WHERE clause on a row; AND binds tighter than OR, as the parser built the tree.</summary>
internal sealed class ConditionEvaluator(FieldResolver resolver, TimeRange range)
{
    public bool Test(Condition condition, QueryRow row) =>
        Test(condition, field => QueryValues.Scalar(row.Read(resolver.Resolve(field))), () => range.Contains(row.Timestamp));

    /// <summary>
    /// The condition over any subject: <paramref name="value"/> reads a field's scalar value (null when absent),
    /// <paramref name="withinWindow"/> answers WITHIN_WINDOW. Device group filters use this over whole devices.
    /// </summary>
    public static bool Test(Condition condition, Func<FieldPath, object?> value, Func<bool> withinWindow) => condition switch
    {
        AndCondition and => Test(and.Left, value, withinWindow) && Test(and.Right, value, withinWindow),
        OrCondition or => Test(or.Left, value, withinWindow) || Test(or.Right, value, withinWindow),
        WithinWindowCondition => withinWindow(),
        NullCondition test => (value(test.Field) is null) == test.IsNull,
        ComparisonCondition comparison => QueryValues.Matches(value(comparison.Field), comparison.Operator, comparison.Value.Value!),
        InCondition list => value(list.Field) is { } found
            && list.Values.Any(v => QueryValues.Matches(found, ComparisonOperator.Equal, v.Value!)),
        _ => throw new InvalidOperationException($"Unknown condition {condition.GetType().Name}."),
    };
}
