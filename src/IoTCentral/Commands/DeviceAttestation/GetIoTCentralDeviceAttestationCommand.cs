using System.Management.Automation;
using IoTCentral.Infrastructure;
using IoTCentral.Models;

namespace IoTCentral.Commands.DeviceAttestation
{
    /// <summary>Gets a device's individual attestation; symmetric keys stay SecureStrings unless -AsPlainText.</summary>
    [Cmdlet(VerbsCommon.Get, "IoTCentralDeviceAttestation")]
    [OutputType(typeof(Models.DeviceAttestation), typeof(PlainTextDeviceAttestation))]
    public sealed class GetIoTCentralDeviceAttestationCommand : DeviceCmdlet
    {
        [Parameter]
        public SwitchParameter AsPlainText { get; set; }

        protected override string ResourceKind => "DeviceAttestation";

        protected override void ProcessItem()
        {
            var id = DeviceId;
            if (TryCall((c, ct) => c.Devices.GetAttestationAsync(id, ct), id, out var attestation))
            {
                WriteObject(DeviceAttestationView.Output(attestation, AsPlainText.IsPresent));
            }
        }
    }
}
