using System.Security;

namespace IoTCentral.Models
{
    /// <summary>
    /// A device's symmetric key derived from an enrollment group key (New-IoTCentralDeviceKey). It is computed
    /// locally, so unlike the service's objects it belongs to no application.
    /// </summary>
    public sealed class DeviceKey
    {
        public string DeviceId { get; set; } = string.Empty;

        public SecureString? Key { get; set; }

        public override string ToString() => DeviceId;
    }
}
