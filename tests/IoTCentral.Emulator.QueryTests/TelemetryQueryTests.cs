using IoTCentral.Emulator.Features.Query;
using static IoTCentral.Emulator.QueryTests.TestData;

namespace IoTCentral.Emulator.QueryTests;

/// <summary>Telemetry queries without aggregates: one row per device and telemetry timestamp.</summary>
public sealed class TelemetryQueryTests
{
    private const string Base = $"SELECT $id, $ts, temperature FROM {Template}";

    [Fact]
    public void OneRowPerTimestamp_OldestFirst_WithNullsForTelemetryNotSentThen()
    {
        var rows = Run($"{Base} WHERE WITHIN_WINDOW(P1D)");

        Assert.Equal(
        [
            """{"$id":"thermo-1","$ts":"2030-03-01T11:10:00.000Z","temperature":10}""",
            """{"$id":"thermo-2","$ts":"2030-03-01T11:15:00.000Z","temperature":15}""",
            """{"$id":"thermo-1","$ts":"2030-03-01T11:20:00.000Z","temperature":20}""",
            """{"$id":"thermo-1","$ts":"2030-03-01T11:30:00.000Z","temperature":30}""",
            """{"$id":"thermo-1","$ts":"2030-03-01T11:40:00.000Z","temperature":null}""",
            """{"$id":"thermo-2","$ts":"2030-03-01T11:55:00.000Z","temperature":25}""",
        ], Lines(rows));
    }

    [Fact]
    public void WithoutWithinWindow_ReadsTheLast30Days()
    {
        var source = Source();

        var rows = Run(Base, source);

        Assert.Equal(7, rows.Count);
        Assert.Equal(40, (int)rows[0]["temperature"]!);
        Assert.Equal((Now.AddDays(-30), Now), source.LastRange);
    }

    [Fact]
    public void FromSelectsTheTemplate_AnUnknownTemplateHasNoRows()
    {
        Assert.Equal(["""{"$id":"other-1","temperature":99}"""], Lines(Run($"SELECT $id, temperature FROM {OtherTemplate}")));
        Assert.Empty(Run("SELECT $id, temperature FROM dtmi:contoso:nothing;1"));
    }

    [Theory]
    [InlineData("PT50M", 6)] // 11:10 is exactly 50 minutes back: included
    [InlineData("PT49M", 5)]
    [InlineData("PT5M", 1)] // 11:55 is exactly 5 minutes back
    [InlineData("PT4M59S", 0)]
    public void WithinWindow_IncludesBothEnds(string duration, int expected)
    {
        Assert.Equal(expected, Run($"{Base} WHERE WITHIN_WINDOW({duration})").Count);
    }

    [Fact]
    public void WithinWindow_EndsAtTheServerClock_FutureTelemetryIsOut()
    {
        var source = new FakeQuerySource(new DeviceBuilder("d").Telemetry(Now, "temperature", 1).Telemetry(Now.AddSeconds(1), "temperature", 2).Build());

        var rows = Run($"{Base} WHERE WITHIN_WINDOW(PT1H)", source);

        Assert.Equal([1], rows.Select(r => (int)r["temperature"]!));
        Assert.Equal((Now.AddHours(-1), Now), source.LastRange);
    }

    [Fact]
    public void WithinWindow_AbsoluteRange()
    {
        var rows = Run($"{Base} WHERE WITHIN_WINDOW('2030-03-01T11:15:00Z/2030-03-01T11:30:00Z')");

        Assert.Equal([15, 20, 30], rows.Select(r => (int)r["temperature"]!));
    }

    [Fact]
    public void NotNull_KeepsOnlyRowsWithTheTelemetry_AndNestedMembersAreReachable()
    {
        var rows = Run($"SELECT $id, $ts, sensors.accelerometer, sensors.accelerometer.x FROM {Template} WHERE WITHIN_WINDOW(PT1H) AND sensors.accelerometer <> NULL");

        Assert.Equal(["""{"$id":"thermo-1","$ts":"2030-03-01T11:40:00.000Z","sensors.accelerometer":{"x":1,"y":2,"z":3},"sensors.accelerometer.x":1}"""], Lines(rows));
    }

    [Theory]
    [InlineData("humidity IS NULL", new[] { 10, 15, 20, 0 })]
    [InlineData("humidity = NULL", new[] { 10, 15, 20, 0 })]
    [InlineData("humidity IS NOT NULL", new[] { 30, 25 })]
    [InlineData("humidity != NULL", new[] { 30, 25 })]
    public void NullTests(string condition, int[] temperatures)
    {
        var rows = Run($"{Base} WHERE WITHIN_WINDOW(P1D) AND {condition}");

        Assert.Equal(temperatures, rows.Select(r => r["temperature"] is { } t ? (int)t : 0));
    }

    [Theory]
    [InlineData("temperature = 20", new[] { 20 })]
    [InlineData("temperature != 20", new[] { 10, 15, 30, 25 })]
    [InlineData("temperature <> 20", new[] { 10, 15, 30, 25 })]
    [InlineData("temperature > 20", new[] { 30, 25 })]
    [InlineData("temperature >= 20", new[] { 20, 30, 25 })]
    [InlineData("temperature < 15", new[] { 10 })]
    [InlineData("temperature <= 15", new[] { 10, 15 })]
    [InlineData("temperature >= 15 AND temperature <= 25", new[] { 15, 20, 25 })]
    [InlineData("status = 'high'", new[] { 25 })]
    [InlineData("status > 'a'", new[] { 25 })]
    [InlineData("temperature = '20'", new int[0])] // no coercion between numbers and strings
    [InlineData("$id = 'thermo-2'", new[] { 15, 25 })]
    [InlineData("$id <> 'thermo-1'", new[] { 15, 25 })]
    [InlineData("$ts > '2030-03-01T11:30:00Z' AND temperature <> NULL", new[] { 25 })]
    [InlineData("$ts >= '2030-03-01T11:30:00Z' AND temperature <> NULL", new[] { 30, 25 })]
    [InlineData("$id IN ['thermo-2', 'nobody']", new[] { 15, 25 })]
    [InlineData("temperature IN [10, 30]", new[] { 10, 30 })]
    [InlineData("temperature IN [11]", new int[0])]
    public void Comparisons(string condition, int[] temperatures)
    {
        var rows = Run($"{Base} WHERE WITHIN_WINDOW(P1D) AND {condition}");

        Assert.Equal(temperatures, rows.Where(r => r["temperature"] is not null).Select(r => (int)r["temperature"]!));
        Assert.All(rows, r => Assert.NotNull(r["temperature"]));
    }

    [Fact]
    public void BooleansCompare()
    {
        var source = new FakeQuerySource(new DeviceBuilder("d").Telemetry(Ago(1), "open", true).Telemetry(Ago(2), "open", false).Build());

        Assert.Equal([true], Run($"SELECT open FROM {Template} WHERE open = true", source).Select(r => (bool)r["open"]!));
        Assert.Equal([false], Run($"SELECT open FROM {Template} WHERE open != TRUE", source).Select(r => (bool)r["open"]!));
    }

    [Fact]
    public void AndBindsTighterThanOr_ParenthesesChangeIt()
    {
        const string a = "temperature = 10", b = "temperature = 25", c = "$id = 'thermo-2'";

        Assert.Equal([10, 25], Run($"{Base} WHERE {a} OR {b} AND {c}").Select(r => (int)r["temperature"]!));
        Assert.Equal([25], Run($"{Base} WHERE ({a} OR {b}) AND {c}").Select(r => (int)r["temperature"]!));
    }

    [Fact]
    public void Aliases_NameTheColumns_AndWorkInWhereAndOrderBy()
    {
        var rows = Run($"SELECT $id as ID, $ts as timestamp, temperature AS t FROM {Template} WHERE WITHIN_WINDOW(P1D) AND t > 15 ORDER BY timestamp DESC");

        Assert.Equal(
        [
            """{"ID":"thermo-2","timestamp":"2030-03-01T11:55:00.000Z","t":25}""",
            """{"ID":"thermo-1","timestamp":"2030-03-01T11:30:00.000Z","t":30}""",
            """{"ID":"thermo-1","timestamp":"2030-03-01T11:20:00.000Z","t":20}""",
        ], Lines(rows));
    }

    [Fact]
    public void OrderBy_AscendingAndDescending_NullsFirstWhenAscending()
    {
        var query = $"{Base} WHERE WITHIN_WINDOW(P1D) ORDER BY temperature";

        Assert.Equal([null, 10, 15, 20, 25, 30], Run(query).Select(r => (int?)r["temperature"]));
        Assert.Equal([null, 10, 15, 20, 25, 30], Run(query + " ASC").Select(r => (int?)r["temperature"]));
        Assert.Equal([30, 25, 20, 15, 10, null], Run(query + " DESC").Select(r => (int?)r["temperature"]));
    }

    [Fact]
    public void OrderBy_SeveralKeys()
    {
        var rows = Run($"{Base} WHERE WITHIN_WINDOW(P1D) AND temperature <> NULL ORDER BY $id DESC, $ts DESC");

        Assert.Equal([25, 15, 30, 20, 10], rows.Select(r => (int)r["temperature"]!));
    }

    [Fact]
    public void Top_CutsAfterSorting()
    {
        var rows = Run($"SELECT TOP 2 $id, $ts, temperature FROM {Template} WHERE WITHIN_WINDOW(P1D) ORDER BY $ts DESC");

        Assert.Equal(["thermo-2", "thermo-1"], rows.Select(r => (string)r["$id"]!));
        Assert.Equal(["2030-03-01T11:55:00.000Z", "2030-03-01T11:40:00.000Z"], rows.Select(r => (string)r["$ts"]!));
    }

    [Fact]
    public void RowsAreCappedAt10000()
    {
        var device = new DeviceBuilder("busy");
        for (var i = 0; i < 10_050; i++)
        {
            device.Telemetry(Now.AddSeconds(-i), "temperature", i);
        }

        var source = new FakeQuerySource(device.Build());

        Assert.Equal(QueryLimits.MaxTelemetryRows, Run($"SELECT temperature FROM {Template}", source).Count);
        Assert.Equal(10, Run($"SELECT TOP 10 temperature FROM {Template}", source).Count);
    }

    [Fact]
    public void SamePathAndTimestampTwice_TheLaterSampleWins()
    {
        var source = new FakeQuerySource(new DeviceBuilder("d").Telemetry(Ago(1), "temperature", 1).Telemetry(Ago(1), "temperature", 2).Build());

        Assert.Equal([2], Run($"SELECT temperature FROM {Template}", source).Select(r => (int)r["temperature"]!));
    }

    [Fact]
    public void TimeWindowOfMonths_UsesTheCalendar()
    {
        var source = Source();

        Run($"{Base} WHERE WITHIN_WINDOW(P1M)", source);

        Assert.Equal((new DateTimeOffset(2030, 2, 1, 12, 0, 0, TimeSpan.Zero), Now), source.LastRange);
    }
}
