using System.Text.RegularExpressions;

namespace IoTCentral.Validation
{
    /// <summary>Device template ids are Digital Twin Model Identifiers (DTDL's dtmi:segment:segment;version).</summary>
    public sealed class ValidateTemplateIdAttribute : ValidateIdentifierAttribute
    {
        internal const string Pattern =
            @"^dtmi:[A-Za-z](?:[A-Za-z0-9_]*[A-Za-z0-9])?(?::[A-Za-z](?:[A-Za-z0-9_]*[A-Za-z0-9])?)*(?:;[1-9][0-9]{0,8}(?:\.[0-9]{1,6})?)?$";

        internal const string Rule = "a device template id is a DTMI such as dtmi:contoso:thermostat;1";

        private static readonly Regex Dtmi = new Regex(Pattern, RegexOptions.CultureInvariant);

        public ValidateTemplateIdAttribute()
            : base(Pattern, Rule)
        {
        }

        /// <summary>The same rule for ids found inside documents (a template file's "@id").</summary>
        internal static bool IsDtmi(string value) => Dtmi.IsMatch(value);
    }
}
