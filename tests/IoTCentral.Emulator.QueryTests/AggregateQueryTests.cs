using static IoTCentral.Emulator.QueryTests.TestData;

namespace IoTCentral.Emulator.QueryTests;

/// <summary>Aggregates, with and without GROUP BY WINDOW.</summary>
public sealed class AggregateQueryTests
{
    private const string P1D = "WHERE WITHIN_WINDOW(P1D)";

    [Fact]
    public void EveryAggregate_PerTenMinuteWindow_NewestFirst()
    {
        var rows = Run(
            "SELECT AVG(temperature), MIN(temperature), MAX(temperature), SUM(temperature), COUNT(temperature), FIRST(temperature), LAST(temperature) " +
            $"FROM {Template} {P1D} GROUP BY WINDOW(PT10M)");

        Assert.Equal(
        [
            """{"$ts":"2030-03-01T11:50:00.000Z","avg_temperature":25,"min_temperature":25,"max_temperature":25,"sum_temperature":25,"count_temperature":1,"first_temperature":25,"last_temperature":25}""",
            """{"$ts":"2030-03-01T11:30:00.000Z","avg_temperature":30,"min_temperature":30,"max_temperature":30,"sum_temperature":30,"count_temperature":1,"first_temperature":30,"last_temperature":30}""",
            """{"$ts":"2030-03-01T11:20:00.000Z","avg_temperature":20,"min_temperature":20,"max_temperature":20,"sum_temperature":20,"count_temperature":1,"first_temperature":20,"last_temperature":20}""",
            """{"$ts":"2030-03-01T11:10:00.000Z","avg_temperature":12.5,"min_temperature":10,"max_temperature":15,"sum_temperature":25,"count_temperature":2,"first_temperature":10,"last_temperature":15}""",
        ], Lines(rows));
    }

    [Theory]
    [InlineData("AVG", 140.0 / 6)]
    [InlineData("MIN", 10.0)]
    [InlineData("MAX", 40.0)]
    [InlineData("SUM", 140.0)]
    [InlineData("COUNT", 6.0)]
    [InlineData("FIRST", 40.0)] // the sample two days back: 30 days are read without WITHIN_WINDOW
    [InlineData("LAST", 25.0)]
    public void EachAggregate_WithoutGroupBy_IsOneRowOverTheWholeRange(string function, double expected)
    {
        var rows = Run($"SELECT {function}(temperature) AS v FROM {Template}");

        var row = Assert.Single(rows);
        Assert.Equal(expected, Number(row["v"]));
        Assert.Equal("2030-01-30T12:00:00.000Z", (string)row["$ts"]!);
    }

    [Fact]
    public void SelectingId_GroupsPerDevice()
    {
        var rows = Run($"SELECT $id, SUM(temperature) AS total, COUNT(humidity) FROM {Template} {P1D} GROUP BY WINDOW(PT1H)");

        Assert.Equal(
        [
            """{"$ts":"2030-03-01T11:00:00.000Z","$id":"thermo-1","total":60,"count_humidity":1}""",
            """{"$ts":"2030-03-01T11:00:00.000Z","$id":"thermo-2","total":40,"count_humidity":1}""",
        ], Lines(rows));
    }

    [Fact]
    public void WhereFiltersTelemetryBeforeAggregating()
    {
        var rows = Run($"SELECT AVG(temperature) FROM {Template} {P1D} AND temperature > 10 AND $id = 'thermo-2' GROUP BY WINDOW(PT10M)");

        Assert.Equal([25.0, 15.0], rows.Select(r => Number(r["avg_temperature"])));
    }

    [Fact]
    public void OrderBy_AnAggregateOrItsAlias_AndTop()
    {
        var byCall = Run($"SELECT $id, SUM(temperature) FROM {Template} {P1D} ORDER BY SUM(temperature) ASC");
        var byAlias = Run($"SELECT TOP 1 $id, SUM(temperature) AS s FROM {Template} {P1D} ORDER BY s DESC");

        Assert.Equal(["thermo-2", "thermo-1"], byCall.Select(r => (string)r["$id"]!));
        Assert.Equal(["thermo-1"], byAlias.Select(r => (string)r["$id"]!));
    }

    [Fact]
    public void OrderBy_WindowStart()
    {
        var rows = Run($"SELECT COUNT(temperature) FROM {Template} {P1D} GROUP BY WINDOW(PT10M) ORDER BY $ts ASC");

        Assert.Equal(["11:10", "11:20", "11:30", "11:50"], rows.Select(r => ((string)r["$ts"]!).Substring(11, 5)));
    }

    [Fact]
    public void SelectedTs_IsTheWindowStart()
    {
        var rows = Run($"SELECT $ts AS start, MAX(temperature) FROM {Template} {P1D} GROUP BY WINDOW(P1D)");

        Assert.Equal(["""{"start":"2030-03-01T00:00:00.000Z","max_temperature":30}"""], Lines(rows));
    }

    [Fact]
    public void NonNumericValues_AreCountedAndFirstLast_ButNotSummed()
    {
        var rows = Run($"SELECT COUNT(status), FIRST(status), LAST(status), SUM(status), MIN(status) FROM {Template} {P1D}");

        Assert.Equal(["""{"$ts":"2030-02-28T12:00:00.000Z","count_status":1,"first_status":"high","last_status":"high","sum_status":null,"min_status":null}"""], Lines(rows));
    }

    [Fact]
    public void WindowsWithoutTheAggregatedTelemetry_HaveNoRow()
    {
        // 11:40 only has the accelerometer; no temperature window row for it.
        var rows = Run($"SELECT COUNT(temperature) FROM {Template} {P1D} GROUP BY WINDOW(PT10M)");

        Assert.DoesNotContain(rows, r => ((string)r["$ts"]!).Contains("11:40"));
        Assert.Equal(4, rows.Count);
    }
}
