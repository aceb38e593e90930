using IoTCentral.Emulator.Features.DeviceTemplates;
using IoTCentral.Emulator.Http;

namespace IoTCentral.Emulator.Features.DeviceData;

/// <summary>Finds a telemetry or command of a level by name, with a message that lists the ones the level has.</summary>
internal static class CapabilityLookup
{
    /// <summary>The capability, else 404 (name from the URL path, <paramref name="inPath"/>) or 400 (name from a body)
    /// with <paramref name="errorCode"/>; <paramref name="kind"/> names the capability kind in the message.</summary>
    public static T Find<T>(DeviceModel model, DeviceLevel level, string name, string kind, string errorCode, bool inPath = true)
        where T : Capability
    {
        var iface = model.Resolve(level);
        if (iface.Find<T>(name) is { } capability)
        {
            return capability;
        }

        var known = string.Join(", ", iface.All<T>().Select(c => c.Name));
        var message = $"'{name}' is not a {kind} of {level.Describe()} in the device template '{model.TemplateId}'. " +
            $"Its {kind} names: {(known.Length == 0 ? "none" : known)}.";
        throw inPath ? ApiException.NotFound(message, errorCode) : ApiException.BadRequest(message, errorCode);
    }
}
