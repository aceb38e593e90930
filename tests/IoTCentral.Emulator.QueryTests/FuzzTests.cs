using IoTCentral.Emulator.Features.Query;
using static IoTCentral.Emulator.QueryTests.TestData;

namespace IoTCentral.Emulator.QueryTests;

/// <summary>Broken input must only ever be a <see cref="QueryException"/> (a 400), never another exception (a 500).</summary>
public sealed class FuzzTests
{
    private static readonly string[] ValidQueries =
    [
        $"SELECT TOP 5 $id as ID, $ts, temperature AS t FROM {Template} WHERE WITHIN_WINDOW(PT1H) AND t > 0 AND $id IN ['a', 'b'] ORDER BY t DESC",
        $"SELECT $id, AVG(temperature), COUNT(humidity) AS n FROM {Template} WHERE WITHIN_WINDOW(P1D) AND (humidity <> NULL OR status = 'it''s') GROUP BY WINDOW(PT10M) ORDER BY n ASC",
        $"SELECT sensors.accelerometer.x FROM {Template} WHERE WITHIN_WINDOW('2030-03-01T11:00:00Z/2030-03-01T12:00:00Z') AND sensors.accelerometer IS NOT NULL",
        $"SELECT $id, device_info.model, firmware FROM {Template} WHERE firmware <= '2.0' AND online = true ORDER BY $id",
        $"SELECT FIRST(status), LAST(status), MIN(temperature), MAX(temperature), SUM(temperature) FROM {Template} WHERE temperature >= -1.5e1",
    ];

    [Fact]
    public void ValidQueries_Run() => Assert.All(ValidQueries, q => Assert.NotNull(Run(q)));

    [Fact]
    public void EveryTruncation_IsAResultOrAQueryException()
    {
        var outcomes = ValidQueries.SelectMany(q => Enumerable.Range(0, q.Length).Select(n => q[..n])).Select(Outcome).ToList();

        Assert.All(outcomes, o => Assert.True(o is null or QueryException, $"{o?.GetType().Name}: {o?.Message}"));
        Assert.Contains(outcomes, o => o is QueryException);
    }

    [Fact]
    public void RandomEdits_AreAResultOrAQueryException()
    {
        var random = new Random(20300301);
        const string alphabet = " ()[],*'=<>!-.:;$_01259ePTDHMSWYaznANDORINISNULLSELECTFROMWHEREGROUPBYORDER\t";
        var outcomes = new List<Exception?>();
        for (var i = 0; i < 3000; i++)
        {
            var chars = ValidQueries[random.Next(ValidQueries.Length)].ToList();
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var at = random.Next(chars.Count);
                switch (random.Next(3))
                {
                    case 0: chars.RemoveAt(at); break;
                    case 1: chars.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                    default: chars[at] = alphabet[random.Next(alphabet.Length)]; break;
                }
            }

            outcomes.Add(Outcome(new string(chars.ToArray())));
        }

        Assert.All(outcomes, o => Assert.True(o is null or QueryException, $"{o?.GetType().Name}: {o?.Message}"));
    }

    private static Exception? Outcome(string query)
    {
        try
        {
            Run(query);
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
