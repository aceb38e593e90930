using IoTCentral.Emulator.Features.Query;
using IoTCentral.Emulator.Features.Query.Syntax;

namespace IoTCentral.Emulator.QueryTests;

public sealed class ParserTests
{
    [Fact]
    public void FullQuery_ParsesEveryClause()
    {
        var query = Parser.Parse(
            "select top 5 $id, avg(temperature) as t, COUNT(humidity) from dtmi:contoso:thermostat;1 " +
            "where within_window(P1D) and $id in ['a', 'b'] group by window(PT10M) order by t desc, $id asc");

        Assert.Equal(5, query.Top);
        Assert.Equal(["$id", "t", "count_humidity"], query.Select.Select(i => i.OutputName));
        Assert.Equal(new AggregateCall(AggregateFunction.Avg, new FieldPath("temperature", 23), 19), query.Select[1].Expression);
        Assert.Equal("dtmi:contoso:thermostat;1", query.TemplateId);
        var and = Assert.IsType<AndCondition>(query.Where);
        Assert.Equal(TimeSpan.FromDays(1), Assert.IsType<WithinWindowCondition>(and.Left).Duration!.FixedLength());
        var list = Assert.IsType<InCondition>(and.Right);
        Assert.Equal(["a", "b"], list.Values.Select(v => v.Value));
        Assert.Equal(TimeSpan.FromMinutes(10), query.GroupBy!.Duration.FixedLength());
        Assert.Equal([("t", true), ("$id", false)], query.OrderBy.Select(o => (o.Expression.Key, o.Descending)));
    }

    [Fact]
    public void AndBindsTighterThanOr()
    {
        var query = Parser.Parse("SELECT a FROM t WHERE a = 1 OR b = 2 AND c = 3");

        var or = Assert.IsType<OrCondition>(query.Where);
        Assert.IsType<ComparisonCondition>(or.Left);
        var and = Assert.IsType<AndCondition>(or.Right);
        Assert.Equal("b", Assert.IsType<ComparisonCondition>(and.Left).Field.Text);
    }

    [Fact]
    public void Parentheses_OverridePrecedence()
    {
        var query = Parser.Parse("SELECT a FROM t WHERE (a = 1 OR b = 2) AND c = 3");

        var and = Assert.IsType<AndCondition>(query.Where);
        Assert.IsType<OrCondition>(and.Left);
    }

    [Theory]
    [InlineData("x IS NULL", true)]
    [InlineData("x = NULL", true)]
    [InlineData("x IS NOT NULL", false)]
    [InlineData("x <> NULL", false)]
    [InlineData("x != null", false)]
    public void NullTests(string condition, bool isNull)
    {
        var query = Parser.Parse($"SELECT x FROM t WHERE {condition}");

        Assert.Equal(isNull, Assert.IsType<NullCondition>(query.Where).IsNull);
    }

    [Theory]
    [InlineData("x = 1", nameof(ComparisonOperator.Equal), 1.0)]
    [InlineData("x != 'a'", nameof(ComparisonOperator.NotEqual), "a")]
    [InlineData("x <> true", nameof(ComparisonOperator.NotEqual), true)]
    [InlineData("x < -2.5", nameof(ComparisonOperator.Less), -2.5)]
    [InlineData("x <= 3", nameof(ComparisonOperator.LessOrEqual), 3.0)]
    [InlineData("x > FALSE", nameof(ComparisonOperator.Greater), false)]
    [InlineData("x >= 'it''s'", nameof(ComparisonOperator.GreaterOrEqual), "it's")]
    public void Comparisons(string condition, string op, object value)
    {
        var comparison = Assert.IsType<ComparisonCondition>(Parser.Parse($"SELECT x FROM t WHERE {condition}").Where);

        Assert.Equal(Enum.Parse<ComparisonOperator>(op), comparison.Operator);
        Assert.Equal(value, comparison.Value.Value);
    }

    [Fact]
    public void AbsoluteTimeRange()
    {
        var query = Parser.Parse("SELECT x FROM t WHERE WITHIN_WINDOW('2021-06-13T13:00:00Z/2021-06-13T15:30:00Z')");

        var range = Assert.IsType<WithinWindowCondition>(query.Where).Range!;
        Assert.Equal(new DateTimeOffset(2021, 6, 13, 13, 0, 0, TimeSpan.Zero), range.From);
        Assert.Equal(new DateTimeOffset(2021, 6, 13, 15, 30, 0, TimeSpan.Zero), range.To);
    }

    [Fact]
    public void TemplateId_MayBeAStringOrALegacyUrn()
    {
        Assert.Equal("dtmi:a:b;2", Parser.Parse("SELECT x FROM 'dtmi:a:b;2'").TemplateId);
        Assert.Equal("urn:modelDefinition:fupmoiu28b:ymju9efv9", Parser.Parse("SELECT x FROM urn:modelDefinition:fupmoiu28b:ymju9efv9").TemplateId);
    }

    [Fact]
    public void AggregateNames_AreFieldNamesWhenNotCalled()
    {
        var query = Parser.Parse("SELECT count, last, top FROM t");

        Assert.Equal(["count", "last", "top"], query.Select.Select(i => ((FieldPath)i.Expression).Text));
        Assert.Null(query.Top);
    }

    [Fact]
    public void Keywords_AreCaseInsensitive_IdentifiersAreNot()
    {
        var query = Parser.Parse("SeLeCt Temperature As T FrOm t WhErE Temperature > 1 OrDeR bY T dEsC");

        Assert.Equal("T", query.Select[0].OutputName);
        Assert.Equal("Temperature", ((FieldPath)query.Select[0].Expression).Text);
        Assert.True(query.OrderBy[0].Descending);
    }

    [Fact]
    public void Misspelt_From_PointsAtTheToken()
    {
        var error = Assert.Throws<QueryException>(() => Parser.Parse("SELECT $id, temperature FORM dtmi:a:b;1"));

        Assert.Equal("Unexpected token 'FORM' at position 25; expected ',' or FROM.", error.Message);
    }

    [Fact]
    public void MissingTemplate_SaysWhatIsExpected()
    {
        var error = Assert.Throws<QueryException>(() => Parser.Parse("SELECT $id FROM"));

        Assert.StartsWith("Unexpected end of query at position 16; expected a device template id", error.Message);
    }
}
