namespace IoTCentral.Validation
{
    /// <summary>The spec's deviceGroupId and jobId rule (^[a-zA-Z0-9_-]*$, at most 255), without the empty id.</summary>
    public sealed class ValidateGroupIdAttribute : ValidateIdentifierAttribute
    {
        public ValidateGroupIdAttribute()
            : base(@"^[A-Za-z0-9_\-]{1,255}$", "the id has 1 to 255 characters: letters, digits, - and _")
        {
        }
    }
}
