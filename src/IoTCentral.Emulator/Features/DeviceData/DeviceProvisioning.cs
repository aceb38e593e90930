using IoTCentral.Emulator.State;

namespace IoTCentral.Emulator.Features.DeviceData;

/// <summary>Marks a device provisioned once it sends data through the device-facing feed (as if it had connected).</summary>
internal sealed class DeviceProvisioning(StateStore store)
{
    public void MarkProvisioned(string deviceId)
    {
        // Read first: the state file is saved on every write, and most feeds come from already provisioned devices.
        if (store.Read(s => s.Devices.GetValueOrDefault(deviceId)?.Provisioned ?? true))
        {
            return;
        }

        store.Write(s => s.Devices.TryGetValue(deviceId, out var device) ? s.Devices[deviceId] = device with { Provisioned = true } : null);
    }
}
