namespace IoTCentral.Validation
{
    /// <summary>The API token id rule the emulator enforces (the Azure CLI is stricter still: no underscore).</summary>
    public sealed class ValidateApiTokenIdAttribute : ValidateIdentifierAttribute
    {
        public ValidateApiTokenIdAttribute()
            : base(@"^[A-Za-z0-9_\-]{1,40}$", "an API token id has 1 to 40 characters: letters, digits, - and _")
        {
        }
    }
}
