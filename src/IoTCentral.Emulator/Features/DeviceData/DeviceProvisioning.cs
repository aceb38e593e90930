using IoTCentral.Emulator.Features.DataExport;
using IoTCentral.Emulator.State;

namespace IoTCentral.Emulator.Features.DeviceData;

/// <summary>
/// Marks a device provisioned once it sends data through the device-facing feed (as if it had connected), which is
/// its <c>provisioned</c> lifecycle message.
/// </summary>
internal sealed class DeviceProvisioning(StateStore store, ExportPublisher exports)
{
    public void MarkProvisioned(string deviceId)
    {
        // Read first: the state file is saved on every write, and most feeds come from already provisioned devices.
        if (store.Read(s => s.Devices.GetValueOrDefault(deviceId)?.Provisioned ?? true))
        {
            return;
        }

        // Checked again inside the write: of two first requests at once, only one provisions the device.
        var provisioned = store.Write(s => s.Devices.TryGetValue(deviceId, out var device) && !device.Provisioned
            ? s.Devices[deviceId] = device with { Provisioned = true }
            : null);
        if (provisioned is not null)
        {
            exports.Lifecycle(provisioned, ExportMessageTypes.Provisioned);
        }
    }
}
