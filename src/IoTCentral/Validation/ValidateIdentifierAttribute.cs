using System.Management.Automation;
using System.Text.RegularExpressions;

namespace IoTCentral.Validation
{
    /// <summary>
    /// Checks an id against the service's rule before any request, with a message that says the rule in
    /// words (ValidatePattern would only echo the regular expression).
    /// </summary>
    public abstract class ValidateIdentifierAttribute : ValidateArgumentsAttribute
    {
        private readonly Regex pattern;
        private readonly string ruleDescription;

        protected ValidateIdentifierAttribute(string pattern, string ruleDescription)
        {
            this.pattern = new Regex(pattern, RegexOptions.CultureInvariant);
            this.ruleDescription = ruleDescription;
        }

        /// <summary>Whether null or '' passes (for a parameter where empty means "none", such as Set-IoTCentralOrganization -Parent).</summary>
        public bool AllowEmpty { get; set; }

        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;

            // A string[] parameter (several names at once) gets the whole array: each element must pass.
            if (value is System.Collections.IEnumerable items && !(value is string))
            {
                foreach (var item in items)
                {
                    ValidateOne(item is PSObject element ? element.BaseObject : item);
                }

                return;
            }

            ValidateOne(value);
        }

        private void ValidateOne(object? value)
        {
            if (AllowEmpty && (value == null || (value is string empty && empty.Length == 0)))
            {
                return;
            }

            // '.' and '..' pass most id rules but would name another path once put in a URL.
            if (value is string dots && (dots == "." || dots == ".."))
            {
                throw new ValidationMetadataException("'" + dots + "' is not valid: an id cannot be '.' or '..'.");
            }

            if (value is string text && pattern.IsMatch(text))
            {
                return;
            }

            throw new ValidationMetadataException("'" + value + "' is not valid: " + ruleDescription);
        }
    }
}
