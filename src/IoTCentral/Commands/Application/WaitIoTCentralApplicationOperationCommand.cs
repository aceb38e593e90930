using System.Management.Automation;
using IoTCentral.Models;

namespace IoTCentral.Commands.Application
{
    /// <summary>
    /// Waits for an operation that New-, Set- or Remove-IoTCentralApplication -NoWait started, and then emits the
    /// application it created or changed (nothing for a delete).
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "IoTCentralApplicationOperation")]
    [OutputType(typeof(IoTCentralApplication))]
    public sealed class WaitIoTCentralApplicationOperationCommand : Infrastructure.ManagementCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        public IoTCentralApplicationOperation? Operation { get; set; }

        protected override void ProcessItem()
        {
            var operation = Operation!;
            UseOrigin(operation.Origin);
            try
            {
                WaitFor(operation);
            }
            catch (IoTCentralException exception)
            {
                ReportError(exception, operation.Name);
                return;
            }

            if (operation.Action == "Delete" || operation.SubscriptionId == null || operation.ResourceGroup == null || operation.Name == null)
            {
                return;
            }

            if (TryCall((c, ct) => c.GetAsync(operation.SubscriptionId, operation.ResourceGroup, operation.Name, ct), operation.Name, out var app))
            {
                app.Origin = Target;
                WriteObject(app);
            }
        }
    }
}
