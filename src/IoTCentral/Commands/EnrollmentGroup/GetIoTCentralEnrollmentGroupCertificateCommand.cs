using System.Management.Automation;
using IoTCentral.Infrastructure;
using IoTCentral.Models;

namespace IoTCentral.Commands.EnrollmentGroup
{
    /// <summary>Gets an X.509 enrollment group's CA certificate entries: the one -Entry names, or every one the group has.</summary>
    [Cmdlet(VerbsCommon.Get, "IoTCentralEnrollmentGroupCertificate")]
    [OutputType(typeof(EnrollmentGroupCertificate))]
    public sealed class GetIoTCentralEnrollmentGroupCertificateCommand : EnrollmentGroupCertificateCmdlet
    {
        protected override void ProcessItem()
        {
            var id = Id;
            if (IsBound(nameof(Entry)))
            {
                var entry = EntryName;
                if (TryCall((c, ct) => c.EnrollmentGroups.GetCertificateAsync(id, entry, ct), id, out var certificate))
                {
                    WriteObject(certificate);
                }

                return;
            }

            // Both entries from the group itself: one request, and no error for an entry that is not set.
            if (TryCall((c, ct) => c.EnrollmentGroups.GetAsync(id, ct), id, out var group))
            {
                foreach (var certificate in new[] { group.PrimaryCertificate, group.SecondaryCertificate })
                {
                    if (certificate != null)
                    {
                        WriteObject(certificate);
                    }
                }
            }
        }
    }
}
