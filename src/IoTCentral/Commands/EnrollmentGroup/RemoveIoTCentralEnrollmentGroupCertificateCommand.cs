using System.Management.Automation;
using IoTCentral.Infrastructure;

namespace IoTCentral.Commands.EnrollmentGroup
{
    /// <summary>Removes the primary or secondary CA certificate of an X.509 enrollment group; the group stays.</summary>
    [Cmdlet(VerbsCommon.Remove, "IoTCentralEnrollmentGroupCertificate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveIoTCentralEnrollmentGroupCertificateCommand : EnrollmentGroupCertificateCmdlet
    {
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessItem()
        {
            var id = Id;
            var entry = EntryName;
            if (ShouldRemove(Force.IsPresent, Describe(), "Remove"))
            {
                TryCall((c, ct) => c.EnrollmentGroups.RemoveCertificateAsync(id, entry, ct), id);
            }
        }
    }
}
