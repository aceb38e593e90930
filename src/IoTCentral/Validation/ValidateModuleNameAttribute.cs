namespace IoTCentral.Validation
{
    /// <summary>IoT Edge module ids follow IoT Hub's device id rule (the built-in $edgeAgent and $edgeHub are not listed by IoT Central).</summary>
    public sealed class ValidateModuleNameAttribute : ValidateIdentifierAttribute
    {
        public ValidateModuleNameAttribute()
            : base(
                @"^[A-Za-z0-9\-.+%_#*?!(),:=@$']{1,128}$",
                "a module name has 1 to 128 characters: letters, digits and - . + % _ # * ? ! ( ) , : = @ $ '")
        {
        }
    }
}
