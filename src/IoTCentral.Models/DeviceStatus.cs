namespace IoTCentral.Models
{
    public enum DeviceStatus
    {
        Registered,
        Provisioned,
        Unassociated,
        Blocked,
    }
}
