namespace IoTCentral.Validation
{
    /// <summary>The preview spec's deploymentManifestId rule (^[a-zA-Z0-9:;]*$, at most 255), without the empty id.</summary>
    public sealed class ValidateDeploymentManifestIdAttribute : ValidateIdentifierAttribute
    {
        public ValidateDeploymentManifestIdAttribute()
            : base(@"^[A-Za-z0-9:;]{1,255}$", "the id has 1 to 255 characters: letters, digits, : and ;")
        {
        }
    }
}
