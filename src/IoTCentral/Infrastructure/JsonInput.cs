using System;
using System.Collections;
using IoTCentral.Engine;

namespace IoTCentral.Infrastructure
{
    /// <summary>
    /// Turns what a user gives for a JSON object (a hashtable, a PSCustomObject, any object, or JSON text) into
    /// the engine's neutral tree, so each cmdlet accepts the same forms and says the same thing when it cannot.
    /// </summary>
    internal static class JsonInput
    {
        /// <summary>The tree of an object; <paramref name="what"/> names it in errors ("-Value").</summary>
        /// <exception cref="ArgumentException">The input is not JSON text or does not describe an object.</exception>
        internal static IDictionary ToObject(object? input, string what)
        {
            var tree = ToTree(input, what);
            if (tree is IDictionary map)
            {
                return map;
            }

            throw new ArgumentException(what + " must describe a JSON object (a hashtable, a PSCustomObject or JSON text such as '{\"name\": 1}'), not " + Describe(tree) + ".");
        }

        /// <summary>Any value: JSON text is parsed only when it looks like an object or an array.</summary>
        internal static object? ToTree(object? input, string what)
        {
            var unwrapped = input is System.Management.Automation.PSObject wrapped && !(wrapped.BaseObject is System.Management.Automation.PSCustomObject)
                ? wrapped.BaseObject
                : input;
            if (unwrapped is string text && LooksLikeJson(text))
            {
                try
                {
                    return JsonText.Parse(text);
                }
                catch (FormatException exception)
                {
                    throw new ArgumentException(what + ": " + exception.Message, exception);
                }
            }

            return PSObjectTree.FromPowerShell(input);
        }

        private static bool LooksLikeJson(string text)
        {
            var trimmed = text.TrimStart();
            return trimmed.StartsWith("{", StringComparison.Ordinal) || trimmed.StartsWith("[", StringComparison.Ordinal);
        }

        private static string Describe(object? tree)
        {
            switch (tree)
            {
                case null: return "nothing";
                case string _: return "a string";
                case object[] _: return "an array";
                default: return "a " + tree.GetType().Name;
            }
        }
    }
}
