namespace IoTCentral.Validation
{
    /// <summary>Device template ids are Digital Twin Model Identifiers (DTDL's dtmi:segment:segment;version).</summary>
    public sealed class ValidateTemplateIdAttribute : ValidateIdentifierAttribute
    {
        public ValidateTemplateIdAttribute()
            : base(
                @"^dtmi:[A-Za-z](?:[A-Za-z0-9_]*[A-Za-z0-9])?(?::[A-Za-z](?:[A-Za-z0-9_]*[A-Za-z0-9])?)*(?:;[1-9][0-9]{0,8}(?:\.[0-9]{1,6})?)?$",
                "a device template id is a DTMI such as dtmi:contoso:thermostat;1")
        {
        }
    }
}
