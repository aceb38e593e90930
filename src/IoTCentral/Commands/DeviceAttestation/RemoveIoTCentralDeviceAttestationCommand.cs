using System.Management.Automation;
using IoTCentral.Infrastructure;

namespace IoTCentral.Commands.DeviceAttestation
{
    /// <summary>Deletes a device's individual attestation; the device stays.</summary>
    [Cmdlet(VerbsCommon.Remove, "IoTCentralDeviceAttestation", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveIoTCentralDeviceAttestationCommand : DeviceCmdlet
    {
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override string ResourceKind => "DeviceAttestation";

        protected override void ProcessItem()
        {
            var id = DeviceId;
            if (ShouldRemove(Force.IsPresent, "attestation of device '" + id + "'", "Remove"))
            {
                TryCall((c, ct) => c.Devices.RemoveAttestationAsync(id, ct), id);
            }
        }
    }
}
