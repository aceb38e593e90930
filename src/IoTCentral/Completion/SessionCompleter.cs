using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using IoTCentral.Engine;
using IoTCentral.Infrastructure;
using IoTCentral.Models;

namespace IoTCentral.Completion
{
    /// <summary>
    /// Completes values read from the application of the -Session being typed (or the default session),
    /// within a short time budget: tab completion must never hang, so any failure falls back.
    /// </summary>
    public abstract class SessionCompleter : IArgumentCompleter
    {
        private static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName,
            string parameterName,
            string wordToComplete,
            CommandAst commandAst,
            IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return Candidates(fakeBoundParameters)
                .Where(value => value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Select(value => new CompletionResult(Quote(value), value, CompletionResultType.ParameterValue, value));
        }

        /// <summary>Values to offer when no application answers.</summary>
        protected virtual IEnumerable<string> Fallback => Enumerable.Empty<string>();

        protected abstract IEnumerable<string> Fetch(IoTCentralClient client, CancellationToken cancellationToken);

        private IEnumerable<string> Candidates(IDictionary fakeBoundParameters)
        {
            var bound = fakeBoundParameters?["Session"];
            var session = (bound is PSObject wrapped ? wrapped.BaseObject : bound) as IoTCentralSession ?? SessionStore.GetDefault();
            if (session == null || !SessionStore.TryGetClient(session, out var client))
            {
                return Fallback;
            }

            try
            {
                using (var timeout = new CancellationTokenSource(Budget))
                {
                    return Fetch(client, timeout.Token).ToList();
                }
            }
            catch (Exception)
            {
                // Offline, throttled or not permitted: completion is a convenience, never an error.
                return Fallback;
            }
        }

        private static string Quote(string value) =>
            value.IndexOfAny(new[] { ' ', ';', '\'', '$', '(', ')', '@', '#' }) >= 0 ? "'" + value.Replace("'", "''") + "'" : value;
    }
}
