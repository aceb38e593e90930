using System.Text.RegularExpressions;

namespace IoTCentral.Infrastructure
{
    /// <summary>
    /// A device group's -Filter, checked for shape before it is sent (the service parses it): the full form
    /// SELECT * FROM devices [WHERE ...], or just the condition, which is completed to that form.
    /// </summary>
    internal static class GroupFilterText
    {
        internal const string Prefix = "SELECT * FROM devices";

        private static readonly Regex FullForm = new Regex(
            @"^\s*SELECT\s+\*\s+FROM\s+devices(?:\s+WHERE\s+\S.*)?\s*$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);

        private static readonly Regex StartsWithSelect = new Regex(@"^\s*SELECT\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>The filter to send, or null with <paramref name="problem"/> saying what is wrong and how to write it.</summary>
        internal static string? Normalize(string filter, out string problem)
        {
            problem = string.Empty;
            var text = filter.Trim();
            if (!StartsWithSelect.IsMatch(text))
            {
                text = Prefix + " WHERE " + text;
            }

            if (!FullForm.IsMatch(text))
            {
                problem = "A device group filter reads '" + Prefix + " WHERE <condition>' (or just the condition), for example $template = \"dtmi:contoso:thermostat;1\" AND $simulated = false; got: " + filter;
                return null;
            }

            if (Unclosed(text, '"') || Unclosed(text, '\''))
            {
                problem = "The filter has a string that is not closed: " + filter;
                return null;
            }

            return text;
        }

        /// <summary>Whether a string opened with <paramref name="quote"/> is never closed, ignoring the other quote kind inside strings.</summary>
        internal static bool Unclosed(string text, char quote)
        {
            char? open = null;
            foreach (var c in text)
            {
                if (open == null && (c == '"' || c == '\''))
                {
                    open = c;
                }
                else if (open == c)
                {
                    open = null;
                }
            }

            return open == quote;
        }
    }
}
