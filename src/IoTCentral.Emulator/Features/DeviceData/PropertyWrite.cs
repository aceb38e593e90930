using System.Text.Json.Nodes;
using IoTCentral.Emulator.Features.DeviceTemplates;
using IoTCentral.Emulator.Http;

namespace IoTCentral.Emulator.Features.DeviceData;

/// <summary>One property value of a request body, checked against the template.</summary>
internal sealed record PropertyWrite(PropertyKey Key, PropertyCapability Property, JsonNode? Value)
{
    /// <summary>
    /// The writes of a properties body at <paramref name="level"/>. At a device's or module's root, a member named
    /// like a component holds that component's properties. Everything is validated before anything changes.
    /// </summary>
    public static IReadOnlyList<PropertyWrite> Collect(DeviceModel model, DeviceLevel level, JsonObject body, bool reported)
    {
        var writes = new List<PropertyWrite>();
        var iface = model.Resolve(level);
        foreach (var (name, value) in body)
        {
            if (name == "$metadata")
            {
                continue;
            }

            if (level.Component is null && iface.Components.ContainsKey(name))
            {
                var component = level.WithComponent(name);
                var members = value as JsonObject ?? throw Invalid($"'{name}' is a component: give its properties as an object.");
                writes.AddRange(members.Where(m => m.Key != "$metadata")
                    .Select(m => Check(model, component, model.Resolve(component), m.Key, m.Value, reported)));
            }
            else
            {
                writes.Add(Check(model, level, iface, name, value, reported));
            }
        }

        return writes;
    }

    private static PropertyWrite Check(DeviceModel model, DeviceLevel level, InterfaceModel iface, string name, JsonNode? value, bool reported)
    {
        var property = iface.Capabilities.GetValueOrDefault(name) switch
        {
            PropertyCapability p => p,
            { } other => throw Invalid($"'{name}' is a {other.Kind} of {level.Describe()}, not a property."),
            null => throw Invalid($"'{name}' is not a property of {level.Describe()} in the device template '{model.TemplateId}'. " +
                $"Its properties: {Names(iface)}."),
        };
        if (reported && property.Cloud)
        {
            throw Invalid($"'{name}' is a cloud property of {level.Describe()}: it lives in IoT Central, devices do not report it.");
        }

        if (!reported && !property.Settable)
        {
            throw Invalid($"'{name}' is a read-only property of {level.Describe()}: only the device reports it.");
        }

        if (value is null)
        {
            return reported ? throw Invalid($"The reported value of '{name}' must not be null.") : new PropertyWrite(new PropertyKey(level, name), property, null);
        }

        if (DtdlValueValidator.Problem(property.Schema, value, level.PathOf(name)) is { } problem)
        {
            throw Invalid(problem);
        }

        return new PropertyWrite(new PropertyKey(level, name), property, value);
    }

    private static string Names(InterfaceModel iface)
    {
        var names = iface.All<PropertyCapability>().Select(p => $"{p.Name} ({p.Kind})").ToList();
        return names.Count == 0 ? "none" : string.Join(", ", names);
    }

    private static ApiException Invalid(string message) => ApiException.BadRequest(message, ErrorCodes.InvalidPropertyValue);
}
