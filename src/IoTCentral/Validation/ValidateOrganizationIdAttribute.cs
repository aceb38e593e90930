namespace IoTCentral.Validation
{
    /// <summary>The spec's organizationId rule: lower-case letters, digits and '-', not starting or ending with '-', at most 48.</summary>
    public sealed class ValidateOrganizationIdAttribute : ValidateIdentifierAttribute
    {
        public ValidateOrganizationIdAttribute()
            : base(@"^(?!-)(?=.{2,48}$)[a-z0-9-]*[a-z0-9]$", "an organization id has 2 to 48 characters: lower-case letters, digits and -, not starting or ending with -")
        {
        }
    }
}
