using System;
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

            if (Environment.GetCommandLineArgs().Any(a => a.Length >= 5 && "-noninteractive".StartsWith(a, StringComparison.OrdinalIgnoreCase)))
            {
                return "PowerShell was started with -NonInteractive";
            }

            return null;
        }
    }
}
