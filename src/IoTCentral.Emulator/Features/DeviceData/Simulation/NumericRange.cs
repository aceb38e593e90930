namespace IoTCentral.Emulator.Features.DeviceData.Simulation;

/// <summary>
/// Plausible ranges for simulated numbers, guessed from a capability's name or semantic type (DTDL v2 has no
/// minimum or maximum). Unknown names get 0 to 100.
/// </summary>
internal readonly record struct NumericRange(double Min, double Max)
{
    private static readonly (string Hint, NumericRange Range)[] Hints =
    [
        ("accelerometer", new(-10, 10)),     // m/s², gravity included
        ("acceleration", new(-10, 10)),
        ("gyroscope", new(-5, 5)),           // rad/s
        ("angularvelocity", new(-5, 5)),
        ("magnetometer", new(-60, 60)),      // µT
        ("barometer", new(950, 1050)),       // hPa
        ("pressure", new(950, 1050)),
        ("battery", new(0, 100)),            // %
        ("temperature", new(15, 35)),        // °C
        ("humidity", new(20, 80)),           // %
        ("illuminance", new(0, 1000)),       // lux
        ("light", new(0, 1000)),
        ("voltage", new(3, 5)),
        ("current", new(0, 2)),
        ("speed", new(0, 30)),
        ("pulse", new(1, 10)),
        ("interval", new(1, 60)),            // s
        ("storage", new(16_000, 256_000)),   // MB
        ("memory", new(2_000, 16_000)),      // MB
        ("latitude", new(47.55, 47.70)),
        ("longitude", new(-122.20, -122.05)),
        ("altitude", new(20, 150)),
    ];

    public static readonly NumericRange Default = new(0, 100);

    /// <summary>The first hint found in the names (most specific first), else <see cref="Default"/>.</summary>
    public static NumericRange For(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            var lower = name.ToLowerInvariant();
            foreach (var (hint, range) in Hints)
            {
                if (lower.Contains(hint, StringComparison.Ordinal))
                {
                    return range;
                }
            }
        }

        return Default;
    }

    public double At(double unit) => Min + (Max - Min) * unit;
}
