using System;
using System.Threading;
using System.Threading.Tasks;
using IoTCentral.Engine;
using IoTCentral.Models;

namespace IoTCentral
{
    /// <summary>
    /// The two ways a Get- cmdlet answers: one resource read by id, or every resource of a paged list streamed as it
    /// arrives. A failure is written against the id (or the list's target) like any other per-item error.
    /// </summary>
    public abstract partial class IoTCentralCmdlet
    {
        /// <summary>Reads one resource and writes it, through <paramref name="view"/> when the output is a PowerShell view of it.</summary>
        protected void WriteOne<T>(Func<IoTCentralClient, CancellationToken, Task<T>> get, object target, Func<T, object>? view = null)
        {
            if (TryCall(get, target, out var resource))
            {
                WriteObject(view == null ? resource! : view(resource));
            }
        }

        /// <summary>
        /// Writes every item of a paged list as its page arrives; a failure on any page stops the listing with one error
        /// against <paramref name="target"/> (what was already written stays written).
        /// </summary>
        protected void WriteAllPages<T>(Func<IoTCentralClient, string?, CancellationToken, Task<Page<T>>> listPage, object? target, Func<T, object>? view = null)
        {
            try
            {
                foreach (var item in ReadAllPages(listPage))
                {
                    WriteObject(view == null ? item! : view(item));
                }
            }
            catch (IoTCentralException exception)
            {
                ReportServiceError(exception, target);
            }
        }
    }
}
