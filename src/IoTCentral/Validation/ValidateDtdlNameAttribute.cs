namespace IoTCentral.Validation
{
    /// <summary>
    /// DTDL's rule for the names of components, telemetry, properties and commands (the names used in paths and
    /// queries): a letter first, then letters, digits and underscores, not ending in an underscore, at most 64.
    /// </summary>
    public sealed class ValidateDtdlNameAttribute : ValidateIdentifierAttribute
    {
        public ValidateDtdlNameAttribute()
            : base(
                @"^[A-Za-z](?:[A-Za-z0-9_]{0,62}[A-Za-z0-9])?$",
                "a DTDL name starts with a letter, has only letters, digits and _, does not end with _, and has at most 64 characters")
        {
        }
    }
}
