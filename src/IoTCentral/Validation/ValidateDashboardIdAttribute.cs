namespace IoTCentral.Validation
{
    /// <summary>The preview spec's dashboardId rule (^[a-zA-Z0-9:;]*$, at most 128), without the empty id.</summary>
    public sealed class ValidateDashboardIdAttribute : ValidateIdentifierAttribute
    {
        public ValidateDashboardIdAttribute()
            : base(@"^[A-Za-z0-9:;]{1,128}$", "the id has 1 to 128 characters: letters, digits, : and ;")
        {
        }
    }
}
