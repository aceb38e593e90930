using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IoTCentral.Engine;

namespace IoTCentral.Infrastructure
{
    /// <summary>
    /// Remove- of resources that are often removed by the hundred from a pipeline (devices, users, API tokens):
    /// -Force, and -ThrottleLimit for how many removals run at once. The cmdlet keeps its own -Id, whose alias and
    /// check differ per resource.
    /// </summary>
    public abstract class BulkRemoveCmdlet : IoTCentralCmdlet
    {
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>How many requests may run at once (the session's pace still applies); 1 sends one at a time.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 4;

        protected override int ThrottleLimitValue => ThrottleLimit;

        /// <summary>
        /// Submits the removal of <paramref name="id"/> once -Force or the confirmation allows it; its failure, if
        /// any, is reported later against the id, in input order.
        /// </summary>
        protected void SubmitRemoval(string target, string id, Func<IoTCentralClient, CancellationToken, Task> remove)
        {
            if (ShouldRemove(Force.IsPresent, target, "Remove"))
            {
                Submit(remove, id);
            }
        }
    }
}
