using IoTCentral.Emulator.Features.Query.Syntax;

namespace IoTCentral.Emulator.Features.Query.Evaluation;

/// <summary>Evaluates a WHERE clause on a row; AND binds tighter than OR, as the parser built the tree.</summary>
internal sealed class ConditionEvaluator(FieldResolver resolver, TimeRange range)
{
    public bool Test(Condition condition, QueryRow row) => condition switch
    {
        AndCondition and => Test(and.Left, row) && Test(and.Right, row),
        OrCondition or => Test(or.Left, row) || Test(or.Right, row),
        WithinWindowCondition => range.Contains(row.Timestamp),
        NullCondition test => (Value(test.Field, row) is null) == test.IsNull,
        ComparisonCondition comparison => QueryValues.Matches(Value(comparison.Field, row), comparison.Operator, comparison.Value.Value!),
        InCondition list => Value(list.Field, row) is { } value
            && list.Values.Any(v => QueryValues.Matches(value, ComparisonOperator.Equal, v.Value!)),
        _ => throw new InvalidOperationException($"Unknown condition {condition.GetType().Name}."),
    };

    private object? Value(FieldPath field, QueryRow row) => QueryValues.Scalar(row.Read(resolver.Resolve(field)));
}
