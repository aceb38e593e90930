namespace IoTCentral.Emulator.Features.DeviceData;

/// <summary>
/// The home of every device's <see cref="DeviceDataEntry"/>. In memory only (never in the state file): device data
/// is volatile, like a device's connection. One lock serializes all access; entries are created on first use and
/// forgotten when their device is deleted, so a re-created device starts empty.
/// </summary>
internal sealed class DeviceDataStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DeviceDataEntry> _entries = new(StringComparer.Ordinal);

    public T Use<T>(string deviceId, Func<DeviceDataEntry, T> use)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(deviceId, out var entry))
            {
                _entries[deviceId] = entry = new DeviceDataEntry();
            }

            return use(entry);
        }
    }

    public void Forget(string deviceId)
    {
        lock (_gate)
        {
            _entries.Remove(deviceId);
        }
    }
}
