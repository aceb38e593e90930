namespace IoTCentral.Validation
{
    /// <summary>The spec's UserId rule (^[a-zA-Z0-9-_]*$, at most 48), without the empty id, which names no user.</summary>
    public sealed class ValidateUserIdAttribute : ValidateIdentifierAttribute
    {
        public ValidateUserIdAttribute()
            : base(@"^[A-Za-z0-9_\-]{1,48}$", "a user id has 1 to 48 characters: letters, digits, - and _")
        {
        }
    }
}
