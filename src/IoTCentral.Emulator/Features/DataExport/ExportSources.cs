namespace IoTCentral.Emulator.Features.DataExport;

/// <summary>An export's <c>source</c> values (the preview spec's enum), which are also its messages' <c>messageSource</c>.</summary>
internal static class ExportSources
{
    public const string Telemetry = "telemetry";
    public const string Properties = "properties";
    public const string DeviceLifecycle = "deviceLifecycle";
    public const string DeviceTemplateLifecycle = "deviceTemplateLifecycle";
    public const string DeviceConnectivity = "deviceConnectivity";
    public const string Audit = "audit";
}
