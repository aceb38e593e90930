using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;

namespace IoTCentral.Infrastructure
{
    /// <summary>
    /// One query result row as PowerShell shows it: a PSObject with the type name IoTCentral.QueryRow whose
    /// properties are the row's columns under the service's names ("$id", "$ts", "sensors.accelerometer" or an
    /// AS alias), objects as PSCustomObjects. "$ts" becomes a DateTimeOffset so rows sort and filter by time.
    /// </summary>
    internal static class QueryRow
    {
        internal const string TypeName = "IoTCentral.QueryRow";
        private const string TimestampColumn = "$ts";

        internal static PSObject ToPSObject(IDictionary row)
        {
            var result = new PSObject();
            result.TypeNames.Insert(0, TypeName);
            foreach (DictionaryEntry column in row)
            {
                var name = Convert.ToString(column.Key, CultureInfo.InvariantCulture) ?? string.Empty;
                var value = name == TimestampColumn ? ToTimestamp(column.Value) : PSObjectTree.ToPowerShell(column.Value);
                result.Properties.Add(new PSNoteProperty(name, value));
            }

            return result;
        }

        private static object? ToTimestamp(object? value) =>
            value is string text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
                ? time
                : value;
    }
}
