namespace IoTCentral.Models
{
    /// <summary>A derived device key the user asked for as plain text (-AsPlainText).</summary>
    public sealed class PlainTextDeviceKey
    {
        public string DeviceId { get; set; } = string.Empty;

        public string Key { get; set; } = string.Empty;

        public override string ToString() => DeviceId;
    }
}
