namespace IoTCentral.Emulator.Features.Query.Syntax;

/// <summary>The <c>$</c> names a query may use for facts about the device rather than its data.</summary>
internal static class DeviceMetadata
{
    public const string Id = "$id";
    public const string Timestamp = "$ts";
    public const string Provisioned = "$provisioned";
    public const string Simulated = "$simulated";

    public static readonly IReadOnlyList<string> All = [Id, Timestamp, Provisioned, Simulated];
}
