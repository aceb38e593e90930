using System.Text.Json.Nodes;
using IoTCentral.Emulator.Features.Query;

namespace IoTCentral.Emulator.QueryTests;

/// <summary>
/// A small, fully known data set. The server clock is <see cref="Now"/>; times are minutes before it.
/// <code>
/// thermo-1  temperature 10 (-50m), 20 (-40m), 30 (-30m, with humidity 50), 40 (-2 days)
///           sensors.accelerometer {x:1,y:2,z:3} (-20m)                          model M1, firmware 1.0, online true
/// thermo-2  temperature 15 (-45m), 25 (-5m), humidity 60 (-5m), 'high' as status (-5m)   model M2, firmware 2.0, online false
/// thermo-3  no telemetry                                                         model M3, firmware 2.0
/// other-1   temperature 99 (-10m), on another template
/// </code>
/// </summary>
internal static class TestData
{
    public const string Template = "dtmi:contoso:thermostat;1";
    public const string OtherTemplate = "urn:modelDefinition:fupmoiu28b:ymju9efv9";
    public static readonly DateTimeOffset Now = new(2030, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset Ago(int minutes) => Now.AddMinutes(-minutes);

    public static FakeQuerySource Source() => new(
        new DeviceBuilder("thermo-1")
            .Telemetry(Ago(50), "temperature", 10)
            .Telemetry(Ago(40), "temperature", 20)
            .Telemetry(Ago(30), "temperature", 30)
            .Telemetry(Ago(30), "humidity", 50)
            .Telemetry(Ago(2 * 24 * 60), "temperature", 40)
            .Telemetry(Ago(20), "sensors.accelerometer", new JsonObject { ["x"] = 1, ["y"] = 2, ["z"] = 3 })
            .Property("device_info.model", "M1")
            .Property("firmware", "1.0")
            .Property("online", true)
            .Build(),
        new DeviceBuilder("thermo-2")
            .Telemetry(Ago(45), "temperature", 15)
            .Telemetry(Ago(5), "temperature", 25)
            .Telemetry(Ago(5), "humidity", 60)
            .Telemetry(Ago(5), "status", "high")
            .Property("device_info.model", "M2")
            .Property("firmware", "2.0")
            .Property("online", false)
            .Build(),
        new DeviceBuilder("thermo-3")
            .Property("device_info.model", "M3")
            .Property("firmware", "2.0")
            .Build(),
        new DeviceBuilder("other-1", OtherTemplate)
            .Telemetry(Ago(10), "temperature", 99)
            .Build());

    public static IReadOnlyList<JsonObject> Run(string query, IQuerySource? source = null) =>
        QueryEngine.Run(query, source ?? Source(), Now);

    /// <summary>Runs a query that must fail and returns the message.</summary>
    public static string Fails(string query, IQuerySource? source = null) =>
        Assert.Throws<QueryException>(() => Run(query, source)).Message;

    /// <summary>A numeric result value, whether the engine kept it as an int or computed a double.</summary>
    public static double Number(JsonNode? node) => double.Parse(node!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Rows as compact JSON lines, to compare whole results in one assertion.</summary>
    public static string[] Lines(IEnumerable<JsonObject> rows) => rows.Select(r => r.ToJsonString()).ToArray();
}
