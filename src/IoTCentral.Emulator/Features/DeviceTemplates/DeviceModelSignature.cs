namespace IoTCentral.Emulator.Features.DeviceTemplates;

/// <summary>
/// A canonical text of what devices see of a model: levels, telemetry, device properties and commands with their
/// schemas, but not cloud properties or display names. PATCH may change a template only where this stays equal.
/// </summary>
internal static class DeviceModelSignature
{
    public static string Of(DeviceModel model) => string.Join("\n", model.Levels()
        .SelectMany(entry => entry.Interface.Capabilities.Values
            .Where(c => c is not PropertyCapability { Cloud: true })
            .Select(c => $"{entry.Level.PathOf(c.Name)} {Describe(c)}")
            .Prepend(entry.Level.PathOf("*")))
        .Order(StringComparer.Ordinal));

    private static string Describe(Capability capability) => capability switch
    {
        TelemetryCapability t => $"telemetry {t.Schema.Describe()}",
        PropertyCapability p => $"{p.Kind} {p.Schema.Describe()}",
        CommandCapability c => $"command {c.Request?.Describe()} -> {c.Response?.Describe()}",
        _ => capability.Kind,
    };
}
