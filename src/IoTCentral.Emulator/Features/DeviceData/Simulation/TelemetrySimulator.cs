using System.Text.Json.Nodes;
using IoTCentral.Emulator.Features.DeviceTemplates;

namespace IoTCentral.Emulator.Features.DeviceData.Simulation;

/// <summary>
/// The telemetry of simulated devices: one value every <see cref="Interval"/>, at instants aligned to the Unix epoch,
/// over the last <see cref="Window"/> before the emulator's clock. Values are computed on demand from the device id,
/// the telemetry's path and the instant, so the series costs no memory and is the same each time it is read.
/// </summary>
internal static class TelemetrySimulator
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    /// <summary>The slots (multiples of <see cref="Interval"/> since the epoch) inside [from, to] and the window before now.</summary>
    public static (long First, long Last) Slots(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        var start = Max(from, now - Window);
        var end = Min(to, now);
        return (Ceiling(start), Floor(end));
    }

    public static long Floor(DateTimeOffset instant)
    {
        var (quotient, remainder) = Math.DivRem(instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks, Interval.Ticks);
        return remainder < 0 ? quotient - 1 : quotient;
    }

    public static DateTimeOffset TimeOf(long slot) => DateTimeOffset.UnixEpoch + Interval * slot;

    /// <summary>The value of a simulated device's telemetry at a slot.</summary>
    public static JsonNode ValueAt(string deviceId, DeviceLevel level, TelemetryCapability telemetry, long slot) =>
        SimulatedValue.Generate(telemetry.Schema, SimulatedDevice.Seed(deviceId, level, telemetry.Name), slot, TimeOf(slot), Hints(telemetry));

    /// <summary>Names that hint at a range: the telemetry's name, then its semantic types.</summary>
    public static IReadOnlyList<string> Hints(Capability capability) => [capability.Name, .. capability.Types];

    private static long Ceiling(DateTimeOffset instant) => Floor(instant) + (TimeOf(Floor(instant)) < instant ? 1 : 0);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
