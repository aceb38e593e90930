using IoTCentral.Emulator;

namespace IoTCentral.Module.Tests;

/// <summary>
/// An emulator that behaves like the service having a bad day: about 8% of API requests are throttled, fail with 500
/// or 503, or lose their answer after the work is done (connection reset, body cut off), and some are delayed. Seeded,
/// so a run meets the same faults each time.
/// </summary>
public sealed class FaultyEmulatorFixture : EmulatorFixture
{
    public const string Faults = "seed=42,429=0.01,500=0.01,503=0.01,reset=0.025,truncate=0.025,delay=0.02:100ms";

    protected override EmulatorOptions Options() => new() { Urls = "http://127.0.0.1:0", PageSize = 100, Faults = Faults };
}
