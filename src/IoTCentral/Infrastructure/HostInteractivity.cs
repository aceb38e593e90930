using System;
using System.IO;
using System.Linq;
using System.Management.Automation.Host;

namespace IoTCentral.Infrastructure
{
    /// <summary>
    /// Whether a person can answer a sign-in prompt. A runbook or a CI job that asks for a device code would
    /// otherwise hang until the code expires, so those sign-ins are refused up front.
    /// </summary>
    internal static class HostInteractivity
    {
        internal static string? WhyNot(PSHost? host)
        {
            if (Environment.GetEnvironmentVariable("AUTOMATION_ASSET_ACCOUNTID") != null)
            {
                return "this is an Azure Automation job";
            }

            // Runspaces opened without a host (thread jobs, ForEach-Object -Parallel, SDK callers) get the
            // "Default Host", and remoting gets "ServerRemoteHost": nobody reads what they show.
            if (host?.UI == null || host.Name == "Default Host" || host.Name == "ServerRemoteHost")
            {
                return "the PowerShell host (" + (host?.Name ?? "none") + ") has no user to answer";
            }

            if (StartedNonInteractive(Environment.GetCommandLineArgs(), Path.DirectorySeparatorChar == '\\'))
            {
                return "PowerShell was started with -NonInteractive";
            }

            return null;
        }

        /// <summary>
        /// Whether a pwsh or powershell.exe command line has -NonInteractive. Both accept it as -, -- or (on Windows) /
        /// followed by any prefix of the name down to "noni", in any case. Scanning stops at -Command, -File and the like,
        /// since what follows belongs to the command or script.
        /// </summary>
        internal static bool StartedNonInteractive(string[] arguments, bool windows)
        {
            // The first argument is the program itself.
            foreach (var argument in arguments.Skip(1))
            {
                // Anything else is a switch's value (-ExecutionPolicy Bypass) or a script path; neither ends the scan
                // for sure, and mistaking a script's own -noni for PowerShell's only refuses a prompt.
                var name = SwitchName(argument, windows);
                if (name == null)
                {
                    continue;
                }

                if (name.Length >= 4 && "noninteractive".StartsWith(name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                if (name.Length > 0 && EndsOptions.Any(end => end.StartsWith(name, StringComparison.OrdinalIgnoreCase)))
                {
                    return false;
                }
            }

            return false;
        }

        // Switches after which the rest of the command line is the command or the script's arguments.
        private static readonly string[] EndsOptions = { "command", "file", "encodedcommand", "commandwithargs", "cwa", "ec" };

        private static string? SwitchName(string argument, bool windows)
        {
            var text = argument.Trim();
            if (text.Length < 2)
            {
                return null;
            }

            if (IsDash(text[0]))
            {
                return text.Length > 2 && IsDash(text[1]) ? text.Substring(2) : text.Substring(1);
            }

            return windows && text[0] == '/' ? text.Substring(1) : null;
        }

        // PowerShell also takes the en dash, em dash and horizontal bar that word processors put in pasted commands.
        private static bool IsDash(char c) => c == '-' || c == '\u2013' || c == '\u2014' || c == '\u2015';
    }
}
