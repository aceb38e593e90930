using System.Management.Automation;

namespace IoTCentral.Validation
{
    /// <summary>
    /// Refuses a malformed wildcard pattern (an unclosed '[') while binding: WildcardPattern only throws when it
    /// is first matched, which would be after the list request has already been sent.
    /// </summary>
    public sealed class ValidateWildcardAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var value = (arguments is PSObject wrapped ? wrapped.BaseObject : arguments) as string;
            if (value == null)
            {
                return;
            }

            try
            {
                new WildcardPattern(value, WildcardOptions.IgnoreCase).IsMatch(string.Empty);
            }
            catch (WildcardPatternException exception)
            {
                throw new ValidationMetadataException(
                    "'" + value + "' is not a valid wildcard pattern: " + exception.Message
                    + " To match '[' or ']' literally, escape them with a backtick (`[).");
            }
        }
    }
}
