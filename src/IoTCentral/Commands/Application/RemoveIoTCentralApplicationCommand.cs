using System.Management.Automation;
using IoTCentral.Models;

namespace IoTCentral.Commands.Application
{
    /// <summary>Deletes an IoT Central application, with its devices, data and users, and waits until it is gone.</summary>
    [Cmdlet(VerbsCommon.Remove, "IoTCentralApplication", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void), typeof(IoTCentralApplicationOperation))]
    public sealed class RemoveIoTCentralApplicationCommand : ApplicationCmdlet
    {
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Return the operation at once instead of waiting for it.</summary>

        protected override void ProcessItem()
        {
            var subscription = ResolveSubscription(SubscriptionId);

            // Azure Resource Manager answers a delete of a missing resource with success; a script that names the
            // wrong application should hear about it instead.
            if (TryRead(subscription) == null)
            {
                return;
            }

            if (!(Force.IsPresent && !IsWhatIf() || ShouldProcess(Describe(subscription), "Remove")))
            {
                return;
            }

            var name = Name;
            var group = ResourceGroup;
            RunToCompletion((c, ct) => c.BeginDeleteAsync(subscription, group, name, ct));
        }

        private bool IsWhatIf() =>
            MyInvocation.BoundParameters.TryGetValue("WhatIf", out var value)
                ? value is SwitchParameter s ? s.IsPresent : LanguagePrimitives.IsTrue(value)
                : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));
    }
}
