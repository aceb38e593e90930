namespace IoTCentral.Emulator.Features.Query.Syntax;

/// <summary>The <c>$</c> names a query may use for facts about the device rather than its data.</summary>
internal static class DeviceMetadata
{
    public const string Id = "$id";
    public const string Timestamp = "$ts";
    public const string Provisioned = "$provisioned";
    public const string Simulated = "$simulated";

    public const string Template = "$template";
    public const string DisplayName = "$displayName";
    public const string Enabled = "$enabled";

    public static readonly IReadOnlyList<string> All = [Id, Timestamp, Provisioned, Simulated];

    /// <summary>What a device group's filter may name: facts about the device itself (no timestamp, as groups have no telemetry).</summary>
    public static readonly IReadOnlyList<string> GroupFilter = [Id, DisplayName, Template, Provisioned, Simulated, Enabled];
}
