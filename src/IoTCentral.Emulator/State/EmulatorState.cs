namespace IoTCentral.Emulator.State;

/// <summary>
/// Everything the emulator remembers. Mutated only inside <see cref="StateStore.Write{T}"/>; records are immutable.
/// Later resources add their own collection here. This is also the shape of the persisted state file.
/// </summary>
internal sealed class EmulatorState
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; set; } = CurrentSchemaVersion;

    public required ApplicationRecord Application { get; set; }

    public Dictionary<string, ApiTokenRecord> ApiTokens { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, DeviceRecord> Devices { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, UserRecord> Users { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, DeviceTemplateRecord> DeviceTemplates { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, OrganizationRecord> Organizations { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, DeviceGroupRecord> DeviceGroups { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, JobRecord> Jobs { get; set; } = new(StringComparer.Ordinal);
}
