using IoTCentral.Emulator.Features.DeviceTemplates;

namespace IoTCentral.Emulator.Features.DeviceData;

/// <summary>
/// The data of one device: property states, fed telemetry, command history and command handlers. Mutable, and
/// touched only inside <see cref="DeviceDataStore.Use{T}"/>, which serializes access.
/// </summary>
internal sealed class DeviceDataEntry
{
    /// <summary>Fed samples kept per device; beyond it the oldest (by timestamp) go. Not by age: a test may feed
    /// samples with any timestamp, and the emulator's clock may be fake.</summary>
    public const int MaxTelemetrySamples = 10_000;
    public const int MaxCommandHistory = 1_000;

    public Dictionary<PropertyKey, PropertyState> Properties { get; } = [];

    public List<FedTelemetry> Telemetry { get; } = [];

    public List<CommandExecution> Commands { get; } = [];

    public Dictionary<PropertyKey, CommandHandler> CommandHandlers { get; } = [];

    /// <summary>The version of the latest desired value (a device twin's desired <c>$version</c>).</summary>
    public long DesiredVersion { get; set; }

    public long CommandSequence { get; set; }

    /// <summary>Whether the device is connected to the device-facing feed (see <c>DeviceConnections</c>).</summary>
    public bool Connected { get; set; }

    /// <summary>When the simulation first produced this device's property values (their <c>lastUpdateTime</c>).</summary>
    public DateTimeOffset? SimulationStart { get; set; }

    public void AddTelemetry(FedTelemetry sample)
    {
        Telemetry.Add(sample);
        if (Telemetry.Count > MaxTelemetrySamples)
        {
            Telemetry.Sort((a, b) => a.Timestamp.CompareTo(b.Timestamp));
            Telemetry.RemoveRange(0, Telemetry.Count - MaxTelemetrySamples);
        }
    }

    public FedTelemetry? LastTelemetry(DeviceLevel level, string name) =>
        Telemetry.Where(s => s.Level == level && s.Name == name).MaxBy(s => s.Timestamp);

    public CommandExecution AddCommand(Func<long, CommandExecution> create)
    {
        var execution = create(++CommandSequence);
        Commands.Add(execution);
        if (Commands.Count > MaxCommandHistory)
        {
            Commands.RemoveAt(0);
        }

        return execution;
    }
}
