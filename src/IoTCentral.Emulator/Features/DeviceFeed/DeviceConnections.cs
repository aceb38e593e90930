using IoTCentral.Emulator.Features.DataExport;
using IoTCentral.Emulator.Features.DeviceData;
using IoTCentral.Emulator.State;

namespace IoTCentral.Emulator.Features.DeviceFeed;

/// <summary>
/// A device's connection to the device-facing feed, which stands in for its IoT Hub connection. The feed has no
/// session, so a device connects when it sends something (or connects explicitly) and stays connected until it
/// disconnects explicitly or is deleted. Each change is a <c>deviceConnectivity</c> export message. The state is
/// volatile like the rest of the device's data: a restarted emulator has no connected devices.
/// </summary>
internal sealed class DeviceConnections(DeviceDataStore data, DeviceProvisioning provisioning, ExportPublisher exports, StateStore store)
{
    /// <summary>The device sent something: it is provisioned, and connected if it was not.</summary>
    public void Seen(string deviceId)
    {
        provisioning.MarkProvisioned(deviceId);
        if (Change(deviceId, connected: true) && store.Read(s => s.Devices.GetValueOrDefault(deviceId)) is { } device)
        {
            exports.Connectivity(device, ExportMessageTypes.Connected);
        }
    }

    /// <summary>
    /// The device disconnects (or, deleted, is disconnected: <paramref name="device"/> is then the record as it was).
    /// Nothing happens when it was not connected.
    /// </summary>
    public void Disconnect(DeviceRecord device)
    {
        if (Change(device.Id, connected: false))
        {
            exports.Connectivity(device, ExportMessageTypes.Disconnected);
        }
    }

    private bool Change(string deviceId, bool connected) => data.Use(deviceId, entry =>
    {
        var changed = entry.Connected != connected;
        entry.Connected = connected;
        return changed;
    });
}
