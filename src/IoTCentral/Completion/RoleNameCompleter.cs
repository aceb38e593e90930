using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using IoTCentral.Infrastructure;

namespace IoTCentral.Completion
{
    /// <summary>
    /// Completes role names from the default session's application, falling back to the three built-in
    /// roles when not connected or the application does not answer quickly: tab completion must never hang.
    /// </summary>
    public sealed class RoleNameCompleter : IArgumentCompleter
    {
        private static readonly string[] BuiltInRoles = { "Administrator", "Builder", "Operator" };
        private static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName,
            string parameterName,
            string wordToComplete,
            CommandAst commandAst,
            IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return KnownRoleNames()
                .Where(name => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(name => new CompletionResult(Quote(name), name, CompletionResultType.ParameterValue, name));
        }

        private static IEnumerable<string> KnownRoleNames()
        {
            var session = SessionStore.GetDefault();
            if (session == null || !SessionStore.TryGetClient(session, out var client))
            {
                return BuiltInRoles;
            }

            try
            {
                using (var timeout = new CancellationTokenSource(Budget))
                {
                    var page = client.Roles.ListAsync(null, timeout.Token).GetAwaiter().GetResult();
                    return page.Items.Select(r => r.DisplayName).ToArray();
                }
            }
            catch (Exception)
            {
                // Completion is a convenience: any failure (offline, throttled, no permission) falls back.
                return BuiltInRoles;
            }
        }

        private static string Quote(string name) => name.IndexOf(' ') >= 0 ? "'" + name + "'" : name;
    }
}
