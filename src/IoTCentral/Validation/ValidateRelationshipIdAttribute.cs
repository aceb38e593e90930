namespace IoTCentral.Validation
{
    /// <summary>
    /// A relationship id. The spec states no pattern; the emulator takes the device id rule, which also keeps the
    /// id safe as one path segment, so ids the service would accept are checked the same way here.
    /// </summary>
    public sealed class ValidateRelationshipIdAttribute : ValidateIdentifierAttribute
    {
        public ValidateRelationshipIdAttribute()
            : base(
                @"^[A-Za-z0-9\-.+%_#*?!(),:=@$']{1,128}$",
                "a relationship id has 1 to 128 characters: letters, digits and - . + % _ # * ? ! ( ) , : = @ $ '")
        {
        }
    }
}
