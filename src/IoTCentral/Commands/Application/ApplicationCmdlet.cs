using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IoTCentral.Engine;
using IoTCentral.Infrastructure;
using IoTCentral.Models;

namespace IoTCentral.Commands.Application
{
    /// <summary>
    /// What the cmdlets that act on one application share: the application named by -Name and -ResourceGroup (bound
    /// by property name from a piped application, which also brings its subscription and management session).
    /// </summary>
    public abstract class ApplicationCmdlet : ManagementCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidatePattern(ApplicationNames.NamePattern)]
        public string Name { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ResourceGroupName")]
        [ValidateNotNullOrEmpty]
        public string ResourceGroup { get; set; } = string.Empty;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? SubscriptionId { get; set; }

        [Parameter]
        public SwitchParameter NoWait { get; set; }

        protected string Describe(string subscription) => "IoT Central application '" + Name + "' (resource group '" + ResourceGroup + "', subscription " + subscription + ")";

        /// <summary>Reads the application; a missing one is written as IoTCentral.ApplicationNotFound and gives null.</summary>
        protected IoTCentralApplication? TryRead(string subscription)
        {
            var name = Name;
            var group = ResourceGroup;
            return TryCall((c, ct) => c.GetAsync(subscription, group, name, ct), name, out var app) ? Stamp(app) : null;
        }

        /// <summary>
        /// Starts a long-running change and waits for it unless -NoWait. True only when the change has finished, so
        /// the caller may read the result; with -NoWait the operation is written instead, and a failure is written
        /// against the application's name.
        /// </summary>
        protected bool RunToCompletion(Func<ManagementClient, CancellationToken, Task<ApplicationOperationStart>> begin)
        {
            if (!TryCall(begin, Name, out var start))
            {
                return false;
            }

            var operation = Stamp(start.Operation);
            if (NoWait.IsPresent)
            {
                WriteObject(operation);
                return false;
            }

            try
            {
                WaitFor(operation);
                return true;
            }
            catch (IoTCentralException exception)
            {
                ReportError(exception, Name);
                return false;
            }
        }

        protected IoTCentralApplication Stamp(IoTCentralApplication app)
        {
            app.Origin = Target;
            return app;
        }

        protected IoTCentralApplicationOperation Stamp(IoTCentralApplicationOperation operation)
        {
            operation.Origin = Target;
            return operation;
        }

        protected static Dictionary<string, object?> Tags(Hashtable tags)
        {
            var result = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in tags)
            {
                result[Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture)!] =
                    Convert.ToString(entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value, System.Globalization.CultureInfo.InvariantCulture);
            }

            return result;
        }
    }

    /// <summary>The rules for names the service would refuse, checked before any request.</summary>
    internal static class ApplicationNames
    {
        /// <summary>The spec's resourceName pattern.</summary>
        internal const string NamePattern = "^(?![0-9]+$)(?!-)[a-zA-Z0-9-]{2,99}[a-zA-Z0-9]$";

        /// <summary>A DNS label in lower case: what stands before .azureiotcentral.com.</summary>
        internal const string SubdomainPattern = "^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])$";
    }
}
