using System.Globalization;

namespace IoTCentral.Infrastructure
{
    /// <summary>-Batch and -CancellationThreshold as people write them: a number of devices ("10") or a percentage ("25%").</summary>
    internal static class JobLimitText
    {
        internal static bool TryParse(string text, string parameter, out double value, out bool percentage, out string problem)
        {
            problem = string.Empty;
            var trimmed = text.Trim();
            percentage = trimmed.EndsWith("%", System.StringComparison.Ordinal);
            var number = percentage ? trimmed.Substring(0, trimmed.Length - 1).Trim() : trimmed;
            if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
                || value <= 0
                || (percentage && value > 100)
                || (!percentage && value != System.Math.Floor(value)))
            {
                problem = "-" + parameter + " takes a whole number of devices above 0 (such as 10) or a percentage above 0 and at most 100 (such as 25%), not '" + text + "'.";
                return false;
            }

            return true;
        }
    }
}
