using System;
using System.Management.Automation;

namespace IoTCentral.Infrastructure
{
    /// <summary>
    /// Writes the engine's request log to a cmdlet's streams without ever prompting. PowerShell turns -Debug into
    /// "Inquire" for verbose messages (and, on Windows PowerShell 5.1, for debug messages too), which asks after each
    /// line and fails outright in a -NonInteractive host; a request log is diagnostics, so it goes where it can be
    /// written without a question: the debug stream when that does not ask, else the host's display.
    /// </summary>
    internal static class LogRelay
    {
        // PowerShell 6 and later make -Debug mean Continue for debug messages; 5.1 (engine version 3.0) means Inquire.
        private static readonly bool DebugSwitchInquires = typeof(PSCmdlet).Assembly.GetName().Version.Major < 6;

        internal static void Write(PSCmdlet cmdlet, LogMessage message)
        {
            switch (message.Level)
            {
                case LogLevel.Verbose:
                    if (VerbosePreference(cmdlet) != ActionPreference.Inquire)
                    {
                        cmdlet.WriteVerbose(message.Text);
                    }
                    else if (DebugPreference(cmdlet) != ActionPreference.Inquire)
                    {
                        cmdlet.WriteDebug(message.Text);
                    }
                    else
                    {
                        cmdlet.Host?.UI?.WriteVerboseLine(message.Text);
                    }

                    break;
                case LogLevel.Debug:
                    if (DebugPreference(cmdlet) != ActionPreference.Inquire)
                    {
                        cmdlet.WriteDebug(message.Text);
                    }
                    else
                    {
                        cmdlet.Host?.UI?.WriteDebugLine(message.Text);
                    }

                    break;
                default:
                    cmdlet.WriteWarning(message.Text);
                    break;
            }
        }

        /// <summary>
        /// Which of the request log's levels this command will show, so the engine composes only those: a response
        /// body is redacted for the debug stream only when someone reads it. Verbose lines go to debug when verbose
        /// would ask, so debug alone wants them too.
        /// </summary>
        internal static void WantedLevels(PSCmdlet cmdlet, out bool verbose, out bool debug)
        {
            debug = Shows(DebugPreference(cmdlet));
            verbose = debug || Shows(VerbosePreference(cmdlet));
        }

        private static bool Shows(ActionPreference preference) =>
            preference != ActionPreference.SilentlyContinue && preference != ActionPreference.Ignore;

        // The same precedence as PowerShell's command runtime: the common parameter, then -Debug, then the variable.
        private static ActionPreference VerbosePreference(PSCmdlet cmdlet)
        {
            if (TryGetSwitch(cmdlet, "Verbose", out var verbose))
            {
                return verbose ? ActionPreference.Continue : ActionPreference.SilentlyContinue;
            }

            if (TryGetSwitch(cmdlet, "Debug", out var debug) && debug)
            {
                return ActionPreference.Inquire;
            }

            return Variable(cmdlet, "VerbosePreference");
        }

        private static ActionPreference DebugPreference(PSCmdlet cmdlet)
        {
            if (TryGetSwitch(cmdlet, "Debug", out var debug))
            {
                return !debug ? ActionPreference.SilentlyContinue : DebugSwitchInquires ? ActionPreference.Inquire : ActionPreference.Continue;
            }

            return Variable(cmdlet, "DebugPreference");
        }

        private static bool TryGetSwitch(PSCmdlet cmdlet, string name, out bool value)
        {
            value = false;
            if (!cmdlet.MyInvocation.BoundParameters.TryGetValue(name, out var bound))
            {
                return false;
            }

            value = bound is SwitchParameter s ? s.IsPresent : LanguagePrimitives.IsTrue(bound);
            return true;
        }

        private static ActionPreference Variable(PSCmdlet cmdlet, string name)
        {
            try
            {
                var value = cmdlet.GetVariableValue(name);
                return value == null ? ActionPreference.SilentlyContinue : (ActionPreference)LanguagePrimitives.ConvertTo(value, typeof(ActionPreference), System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (PSInvalidCastException)
            {
                // PowerShell itself rejects such a value when it writes; the relay just stays quiet.
                return ActionPreference.SilentlyContinue;
            }
        }
    }
}
