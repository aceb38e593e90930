namespace IoTCentral.Validation
{
    /// <summary>
    /// Catches typos before the service does: one @ with text on both sides, a dot in the domain, no spaces. The
    /// service and Microsoft Entra decide whether the address really exists.
    /// </summary>
    public sealed class ValidateEmailAddressAttribute : ValidateIdentifierAttribute
    {
        public ValidateEmailAddressAttribute()
            : base(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", "an email address looks like name@contoso.com")
        {
        }
    }
}
