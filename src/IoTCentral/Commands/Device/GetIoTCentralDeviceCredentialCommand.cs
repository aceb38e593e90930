using System.Management.Automation;
using IoTCentral.Completion;
using IoTCentral.Infrastructure;
using IoTCentral.Models;
using IoTCentral.Validation;

namespace IoTCentral.Commands.Device
{
    /// <summary>Gets what a device needs to provision (ID scope and keys); keys stay SecureStrings unless asked.</summary>
    [Cmdlet(VerbsCommon.Get, "IoTCentralDeviceCredential")]
    [OutputType(typeof(DeviceCredential), typeof(PlainTextDeviceCredential))]
    public sealed class GetIoTCentralDeviceCredentialCommand : IoTCentralCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ArgumentCompleter(typeof(DeviceIdCompleter))]
        [ValidateDeviceId]
        public string DeviceId { get; set; } = string.Empty;

        [Parameter]
        public SwitchParameter AsPlainText { get; set; }

        protected override string ResourceKind => "Device";

        protected override void ProcessItem()
        {
            var id = DeviceId;
            if (!TryCall((c, ct) => c.Devices.GetCredentialsAsync(id, ct), id, out var credential))
            {
                return;
            }

            WriteObject(AsPlainText.IsPresent ? ToPlainText(credential) : (object)credential);
        }

        private static PlainTextDeviceCredential ToPlainText(DeviceCredential credential) => new PlainTextDeviceCredential
        {
            DeviceId = credential.DeviceId,
            IdScope = credential.IdScope,
            PrimaryKey = SecureStrings.ToPlainText(credential.PrimaryKey),
            SecondaryKey = SecureStrings.ToPlainText(credential.SecondaryKey),
            PrimaryCertificate = credential.PrimaryCertificate,
            SecondaryCertificate = credential.SecondaryCertificate,
            TpmEndorsementKey = credential.TpmEndorsementKey,
        };
    }
}
