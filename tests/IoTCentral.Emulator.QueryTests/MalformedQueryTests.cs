using IoTCentral.Emulator.Features.Query;
using static IoTCentral.Emulator.QueryTests.TestData;

namespace IoTCentral.Emulator.QueryTests;

/// <summary>Every malformed query fails with a <see cref="QueryException"/> (→ 400) whose message names the problem.</summary>
public sealed class MalformedQueryTests
{
    private const string T = Template;

    public static TheoryData<string, string> Malformed => new()
    {
        { "", "empty" },
        { "   ", "empty" },
        { "SELECT", "Unexpected end of query at position 7; expected a telemetry" },
        { "SELECT FROM x", "Unexpected token 'FROM' at position 8" },
        { "SELEC $id FROM x", "Unexpected token 'SELEC' at position 1; expected SELECT" },
        { "SELECT $id, temperature FORM x", "Unexpected token 'FORM' at position 25; expected ',' or FROM" },
        { "SELECT temperature humidity FROM x", "Unexpected token 'humidity' at position 20; expected ',' or FROM" },
        { "SELECT $id,, $ts FROM x", "Unexpected token ',' at position 12" },
        { "SELECT * FROM x", "wildcard '*' at position 8 is not supported" },
        { "SELECT COUNT(*) FROM x", "COUNT(*) at position 8 is not supported" },
        { "SELECT $id FROM", "expected a device template id" },
        { "SELECT $id FROM WHERE", "Unexpected token 'WHERE' at position 17; expected a device template id" },
        { "SELECT $id FROM x WHERE", "Unexpected end of query at position 24; expected a condition" },
        { "SELECT $id FROM x WHERE temperature", "expected a comparison (=, !=, <>, <, <=, >, >=), IN or IS" },
        { "SELECT $id FROM x WHERE temperature >", "Unexpected end of query at position 38; expected a value" },
        { "SELECT $id FROM x WHERE temperature > > 3", "Unexpected token '>' at position 39; expected a value" },
        { "SELECT $id FROM x WHERE temperature == 3", "Unexpected token '=' at position 38; expected a value" },
        { "SELECT $id FROM x WHERE (temperature > 3", "expected ')', AND or OR" },
        { "SELECT $id FROM x WHERE temperature > 'abc", "string starting at position 39 is not closed" },
        { "SELECT $id FROM x WHERE temperature IN [", "Unexpected end of query at position 41; expected a value" },
        { "SELECT $id FROM x WHERE temperature IN ['a' 'b']", "Unexpected token ''b'' at position 45; expected ',' or ']'" },
        { "SELECT $id FROM x WHERE temperature IN 'a'", "expected '[' to start the list of values" },
        { "SELECT $id FROM x WHERE temperature IN [NULL]", "contains NULL" },
        { "SELECT $id FROM x WHERE temperature IS 5", "expected NULL or NOT NULL" },
        { "SELECT $id FROM x WHERE temperature > NULL", "NULL cannot be compared with '>'" },
        { "SELECT $id FROM x WHERE x = 1;", "Unexpected character ';' at position 30" },
        { "SELECT $id FROM x WHERE AVG(temperature) > 1", "Unexpected token '(' at position 28; expected a comparison" },
        { "SELECT $id FROM x WHERE WITHIN_WINDOW(1D)", "Unexpected token '1' at position 39; expected an ISO 8601 duration" },
        { "SELECT $id FROM x WHERE WITHIN_WINDOW(P1X)", "'P1X' at position 39 is not an ISO 8601 duration" },
        { "SELECT $id FROM x WHERE WITHIN_WINDOW(PT0M)", "must be longer than zero" },
        { "SELECT $id FROM x WHERE WITHIN_WINDOW(P1D", "Unexpected end of query at position 42; expected ')'" },
        { "SELECT $id FROM x WHERE WITHIN_WINDOW('2021-01-02T00:00:00Z/2021-01-01T00:00:00Z')", "start before end" },
        { "SELECT $id FROM x WHERE WITHIN_WINDOW('yesterday')", "is not valid; write 'start/end'" },
        { "SELECT $id FROM x WHERE WITHIN_WINDOW(P9999Y)", "reaches back before the calendar's start" },
        { "SELECT $id FROM x WHERE t > 1 OR WITHIN_WINDOW(P1D)", "WITHIN_WINDOW at position 34 must be joined to the rest of WHERE with AND" },
        { "SELECT $id FROM x WHERE WITHIN_WINDOW(P1D) AND WITHIN_WINDOW(PT1H)", "WITHIN_WINDOW appears again at position 48" },
        { "SELECT TOP 0 $id FROM x", "TOP 0 at position 12 is not allowed" },
        { "SELECT TOP 10001 $id FROM x", "TOP 10001 at position 12 is not allowed; TOP takes a whole number from 1 to 10,000" },
        { "SELECT TOP 2.5 $id FROM x", "TOP 2.5 at position 12 is not allowed" },
        { "SELECT $foo FROM x", "Unknown device metadata '$foo' at position 8" },
        { "SELECT a-b FROM x", "'a-b' at position 8 is not a valid name" },
        { "SELECT temperature AS FROM x", "Unexpected token 'FROM' at position 23; expected an alias" },
        { "SELECT temperature AS t.x FROM x", "expected an alias" },
        { "SELECT temperature AS t, humidity AS t FROM x", "result column 't' (item at position 26) is selected twice" },
        { "SELECT id, temp AS id FROM x", "alias 'id' of the item at position 12 is the name of another selected item" },
        { "SELECT AVG(temperature), humidity FROM x", "'humidity' at position 26 must be aggregated" },
        { "SELECT AVG($id) FROM x", "AVG($id) at position 8 aggregates device metadata" },
        { "SELECT AVG(temperature FROM x", "Unexpected token 'FROM' at position 24; expected ')'" },
        { "SELECT temperature FROM x GROUP BY WINDOW(PT10M)", "GROUP BY WINDOW at position 36 needs an aggregate" },
        { "SELECT AVG(temperature) FROM x GROUP BY WINDOW(P1M)", "must have a fixed length" },
        { "SELECT AVG(temperature) FROM x GROUP BY $id", "Unexpected token '$id' at position 41; expected WINDOW" },
        { "SELECT AVG(temperature) FROM x GROUP WINDOW(PT1H)", "Unexpected token 'WINDOW' at position 38; expected BY" },
        { "SELECT $id FROM x ORDER BY", "Unexpected end of query at position 27; expected a telemetry, $id, $ts, alias or aggregate to sort by" },
        { "SELECT $id FROM x ORDER BY $id DOWN", "Unexpected token 'DOWN' at position 32; expected ',', ASC, DESC or the end of the query" },
        { "SELECT $id FROM x ORDER BY AVG(temperature)", "ORDER BY AVG(temperature) at position 28 sorts by an aggregate, but the query selects none" },
        { "SELECT AVG(temperature) FROM x ORDER BY humidity", "ORDER BY 'humidity' at position 41 must name a selected aggregate" },
        { "SELECT $id FROM x WHERE $ts > 5", "$ts at position 25 must be compared with an ISO 8601 timestamp string" },
        { "SELECT $id FROM x WHERE $ts IN ['2021-01-01']", "IN at position 29 works only with telemetry and $id, not $ts" },
        { "SELECT AVG(temperature) AS a FROM x WHERE a > 1", "'a' at position 43 is the aggregate AVG(temperature)" },
        { "SELECT $id FROM x extra", "Unexpected token 'extra' at position 19; expected WHERE, GROUP BY, ORDER BY or the end of the query" },
        { "SELECT $id FROM x WHERE a = 1 b", "Unexpected token 'b' at position 31; expected AND, OR, GROUP BY, ORDER BY or the end of the query" },
        { "SELECT $id FROM x WHERE a = 1 AND", "Unexpected end of query at position 34; expected a condition" },
        { "SELECT $id FROM x WHERE a = 1 GROUP BY WINDOW(PT1H) x", "expected ORDER BY or the end of the query" },
        { "SELECT $id FROM x WHERE a = 1 e 2", "Unexpected token 'e' at position 31" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void FailsWithAMessageNamingTheProblem(string query, string expected)
    {
        var message = Fails(query);

        Assert.Contains(expected, message);
    }

    [Fact]
    public void TheTableIsLarge() => Assert.True(Malformed.Count >= 20);

    [Fact]
    public void TelemetryAndPropertiesTogether_Fail()
    {
        Assert.Contains("'firmware' at position 21 is a property, but this query reads telemetry ('temperature')",
            Fails($"SELECT temperature, firmware FROM {T}"));
        Assert.Contains("is a property, but this query reads telemetry (WITHIN_WINDOW)",
            Fails($"SELECT $id, firmware FROM {T} WHERE WITHIN_WINDOW(P1D)"));
        Assert.Contains("is a property, but this query reads telemetry (it aggregates)",
            Fails($"SELECT COUNT(temperature) FROM {T} WHERE firmware = '1.0'"));
        Assert.Contains("is a property, but this query reads telemetry ('$ts')",
            Fails($"SELECT $ts, device_info.model FROM {T}"));
    }

    [Fact]
    public void InOnAProperty_Fails()
    {
        Assert.Contains("IN at position 58 works only with telemetry and $id; 'firmware' is a property",
            Fails($"SELECT $id FROM {T} WHERE firmware IN ['1.0']"));
    }

    [Fact]
    public void Length_350IsAllowed_351IsNot()
    {
        var query = $"SELECT $id FROM {T}";
        var longest = query + new string(' ', QueryLimits.MaxQueryLength - query.Length);

        Assert.Equal(3, Run(longest).Count);
        Assert.Equal("The query is 351 characters long; at most 350 are allowed.", Fails(longest + " "));
    }

    [Fact]
    public void SelectItems_15AreAllowed_16AreNot()
    {
        var fifteen = string.Join(", ", Enumerable.Range(1, 15).Select(i => $"t{i}"));

        Assert.All(Run($"SELECT {fifteen} FROM {T}"), row => Assert.Equal(15, row.Count));
        Assert.Equal("The SELECT list has 16 items; at most 15 are allowed.", Fails($"SELECT {fifteen}, t16 FROM {T}"));
    }

    [Fact]
    public void LogicalOperators_10AreAllowed_11AreNot()
    {
        string Where(int operators) => string.Join(" AND ", Enumerable.Range(0, operators + 1).Select(i => $"t = {i}"));

        Assert.Empty(Run($"SELECT t FROM {T} WHERE {Where(10)}"));
        Assert.Equal("The WHERE clause has 11 logical operators (AND, OR); at most 10 are allowed.", Fails($"SELECT t FROM {T} WHERE {Where(11)}"));
    }

    [Fact]
    public void Wildcard_AmongOtherItems()
    {
        Assert.Contains("wildcard '*' at position 13", Fails($"SELECT $id, * FROM {T}"));
    }
}
