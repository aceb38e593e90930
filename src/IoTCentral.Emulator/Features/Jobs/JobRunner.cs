using System.Text.Json.Nodes;
using IoTCentral.Emulator.Features.DeviceData;
using IoTCentral.Emulator.Features.Devices;
using IoTCentral.Emulator.Features.DeviceTemplates;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;

namespace IoTCentral.Emulator.Features.Jobs;

/// <summary>
/// Does a job's data to one device, through the same services as the REST API, so a property job changes the
/// device's properties (a simulated device applies and acknowledges them) and a command job runs the command.
/// A device that is not connected (neither simulated nor provisioned through the device-facing feed) fails
/// property and command jobs, as an offline device does on the service; cloud properties and template migration
/// need no connection.
/// </summary>
internal sealed class JobRunner(DeviceService devices, DevicePropertiesService properties, DeviceCommandService commands)
{
    /// <summary>Whether every action succeeded on the device.</summary>
    public bool Run(string deviceId, IReadOnlyList<JobAction> actions)
    {
        try
        {
            return actions.All(action => Run(deviceId, action));
        }
        catch (ApiException)
        {
            // The device was removed, or its template rejects the value: that device fails, the job goes on.
            return false;
        }
    }

    private bool Run(string deviceId, JobAction action)
    {
        var device = devices.Get(deviceId);
        if (action.Type == JobDefinition.TemplateMigration)
        {
            // The runner works on the emulator clock's thread, outside any request: waiting for the commit is fine here.
            devices.UpdateAsync(deviceId, new JsonFields(new JsonObject { ["template"] = action.Template }), default).GetAwaiter().GetResult();
            return true;
        }

        if (!string.Equals(device.Template, action.Target, StringComparison.Ordinal))
        {
            return false;
        }

        var connected = device.Simulated || device.Provisioned;
        var (level, name) = Split(action.Path!);
        switch (action.Type)
        {
            case JobDefinition.CloudProperty:
                properties.Write(deviceId, level, new JsonObject { [name] = action.Value?.DeepClone() }, replace: false);
                return true;
            case JobDefinition.Property:
                if (!connected)
                {
                    return false;
                }

                properties.Write(deviceId, level, new JsonObject { [name] = action.Value?.DeepClone() }, replace: false);
                return true;
            default:
                if (!connected || !commands.CanAnswer(device, level, name))
                {
                    return false;
                }

                var body = new JsonObject();
                if (action.Value is not null)
                {
                    body["request"] = action.Value.DeepClone();
                }

                var result = commands.RunAsync(deviceId, level, name, body, CancellationToken.None).GetAwaiter().GetResult();
                return result["responseCode"]?.GetValue<int>() is not (>= 300);
        }
    }

    /// <summary>"component.name" names a capability of a component; a name alone, one of the device's root.</summary>
    private static (DeviceLevel Level, string Name) Split(string path)
    {
        var dot = path.IndexOf('.');
        return dot < 0 ? (DeviceLevel.Root, path) : (DeviceLevel.Root.WithComponent(path[..dot]), path[(dot + 1)..]);
    }
}
