namespace IoTCentral.Validation
{
    /// <summary>IoT Hub's device id rule, which IoT Central devices follow.</summary>
    public sealed class ValidateDeviceIdAttribute : ValidateIdentifierAttribute
    {
        public ValidateDeviceIdAttribute()
            : base(
                @"^[A-Za-z0-9\-.+%_#*?!(),:=@$']{1,128}$",
                "a device id has 1 to 128 characters: letters, digits and - . + % _ # * ? ! ( ) , : = @ $ '")
        {
        }
    }
}
