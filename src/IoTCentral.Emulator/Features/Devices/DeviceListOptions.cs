using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;

namespace IoTCentral.Emulator.Features.Devices;

/// <summary>The fields Devices_List's preview <c>filter</c> and <c>orderby</c> know (see <see cref="ListOptions{T}"/>).</summary>
internal static class DeviceListOptions
{
    public static readonly ListFields<DeviceRecord> Fields = new(
        "device list",
        [
            ("id", d => d?.Id),
            ("displayName", d => d?.DisplayName),
            ("template", d => d?.Template),
            ("enabled", d => d?.Enabled ?? false),
            ("simulated", d => d?.Simulated ?? false),
            ("provisioned", d => d?.Provisioned ?? false),
        ],
        d => d.Id,
        d => d.DisplayName);
}
