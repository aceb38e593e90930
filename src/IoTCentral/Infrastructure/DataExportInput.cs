using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security;
using System.Text.RegularExpressions;

namespace IoTCentral.Infrastructure
{
    /// <summary>
    /// Turns data export parameters into the spec's JSON shapes (dictionary trees) and checks them before anything is
    /// sent: the export filter's shape (the service parses it), destinations, enrichments and webhook customizations.
    /// Secrets leave their SecureString only here, into the body that is sent.
    /// </summary>
    internal static class DataExportInput
    {
        internal static readonly string[] Sources = { "telemetry", "properties", "deviceLifecycle", "deviceTemplateLifecycle", "deviceConnectivity", "audit" };

        private static readonly Regex FilterForm = new Regex(
            @"^\s*SELECT\s+\*\s+FROM\s+\S+(?:\s+WHERE\s+\S.*)?\s*$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);

        /// <summary>Null when the filter has the form SELECT * FROM &lt;template id&gt; [WHERE ...]; else what is wrong and how to write it.</summary>
        internal static string? FilterProblem(string filter)
        {
            if (filter.Length > QueryText.MaxLength)
            {
                return string.Format(CultureInfo.InvariantCulture, "The filter has {0} characters; IoT Central accepts at most {1}.", filter.Length, QueryText.MaxLength);
            }

            if (!FilterForm.IsMatch(filter))
            {
                return "An export filter reads SELECT * FROM <device template id> [WHERE <condition>], for example SELECT * FROM dtmi:contoso:thermostat;1 WHERE temperature > 30; got: " + filter;
            }

            return GroupFilterText.Unclosed(filter, '"') || GroupFilterText.Unclosed(filter, '\'') ? "The filter has a string that is not closed: " + filter : null;
        }

        /// <summary>
        /// -Destination values: ids, or hashtables with Id and Transform (also objects with those properties, such as
        /// the module's own ExportDestination). Null with <paramref name="problem"/> when one is neither.
        /// </summary>
        internal static List<object?>? Destinations(object[] values, out string problem)
        {
            problem = string.Empty;
            var result = new List<object?>();
            foreach (var raw in values)
            {
                var value = PSObjectTree.FromPowerShell(raw);
                string? id;
                string? transform = null;
                if (value is string text)
                {
                    id = text;
                }
                else if (value is IDictionary map)
                {
                    id = Member(map, "Id") as string;
                    transform = Member(map, "Transform") as string;
                }
                else
                {
                    id = null;
                }

                if (string.IsNullOrWhiteSpace(id))
                {
                    problem = "Each -Destination is a destination id or @{ Id = '<destination id>'; Transform = '<transform>' }; got: " + (raw ?? "$null");
                    return null;
                }

                var reference = new Dictionary<string, object?> { ["id"] = id };
                if (!string.IsNullOrEmpty(transform))
                {
                    reference["transform"] = transform;
                }

                result.Add(reference);
            }

            return result;
        }

        /// <summary>-Enrichment: name = a static value, or name = @{ Target = '&lt;template id&gt;'; Path = '&lt;property&gt;' }.</summary>
        internal static Dictionary<string, object?>? Enrichments(IDictionary enrichments, out string problem)
        {
            problem = string.Empty;
            var result = new Dictionary<string, object?>();
            foreach (DictionaryEntry entry in enrichments)
            {
                var name = entry.Key?.ToString();
                if (string.IsNullOrWhiteSpace(name))
                {
                    problem = "Each -Enrichment entry needs a name.";
                    return null;
                }

                var value = PSObjectTree.FromPowerShell(entry.Value);
                if (value is IDictionary map && Member(map, "Path") is string path)
                {
                    var enrichment = new Dictionary<string, object?> { ["path"] = path };
                    if (Member(map, "Target") is string target)
                    {
                        enrichment["target"] = target;
                    }

                    result[name!] = enrichment;
                }
                else if (value is null)
                {
                    problem = "The enrichment '" + name + "' has no value; give a static value, or @{ Target = '<template id>'; Path = '<property>' } to read a device property.";
                    return null;
                }
                else
                {
                    result[name!] = new Dictionary<string, object?> { ["value"] = value };
                }
            }

            return result;
        }

        /// <summary>Webhook customizations: name = text, or name = SecureString for a value the application hides when read.</summary>
        internal static Dictionary<string, object?>? Customizations(IDictionary values, string parameter, out string problem)
        {
            problem = string.Empty;
            var result = new Dictionary<string, object?>();
            foreach (DictionaryEntry entry in values)
            {
                var name = entry.Key?.ToString();
                var value = entry.Value is System.Management.Automation.PSObject wrapped ? wrapped.BaseObject : entry.Value;
                if (string.IsNullOrWhiteSpace(name) || value == null)
                {
                    problem = "Each " + parameter + " entry is name = value (text, or a SecureString for a secret value).";
                    return null;
                }

                result[name!] = value is SecureString secret
                    ? new Dictionary<string, object?> { ["value"] = SecureStrings.ToPlainText(secret), ["secret"] = true }
                    : new Dictionary<string, object?> { ["value"] = Convert.ToString(value, CultureInfo.InvariantCulture) };
            }

            return result;
        }

        private static object? Member(IDictionary map, string name) =>
            map.Keys.Cast<object>().FirstOrDefault(k => string.Equals(k?.ToString(), name, StringComparison.OrdinalIgnoreCase)) is { } key ? map[key] : null;
    }
}
