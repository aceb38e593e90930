namespace IoTCentral.Emulator.Features.DataExport;

/// <summary>The <c>messageType</c> values of the documented export message format that the emulator produces.</summary>
internal static class ExportMessageTypes
{
    public const string ReportedChange = "devicePropertyReportedChange";
    public const string DesiredChange = "devicePropertyDesiredChange";
    public const string Registered = "registered";
    public const string Deleted = "deleted";
    public const string Provisioned = "provisioned";
    public const string Enabled = "enabled";
    public const string Disabled = "disabled";
    public const string DisplayNameChanged = "displayNameChanged";
    public const string DeviceTemplateChanged = "deviceTemplateChanged";
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Connected = "connected";
    public const string Disconnected = "disconnected";
}
