using System.Management.Automation;
using System.Security.Cryptography.X509Certificates;
using IoTCentral.Infrastructure;
using IoTCentral.Models;

namespace IoTCentral.Commands.EnrollmentGroup
{
    /// <summary>
    /// Sets (adds or replaces) the primary or secondary CA certificate of an X.509 enrollment group, from a PEM or
    /// DER file or an X509Certificate2. Only the public certificate is sent; a new certificate starts unverified.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "IoTCentralEnrollmentGroupCertificate", DefaultParameterSetName = PathSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(EnrollmentGroupCertificate))]
    public sealed class SetIoTCentralEnrollmentGroupCertificateCommand : EnrollmentGroupCertificateCmdlet
    {
        public const string PathSet = "Path";
        public const string CertificateSet = "Certificate";

        [Parameter(Mandatory = true, ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ParameterSetName = CertificateSet)]
        [ValidateNotNull]
        public X509Certificate2? Certificate { get; set; }

        /// <summary>Replace only if the entry is unchanged since it was read (its ETag).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ETag { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessItem()
        {
            var id = Id;
            var entry = EntryName;
            var base64 = ClientCertificateInput.ToBase64(this, (object?)Certificate ?? Path, Certificate != null ? nameof(Certificate) : nameof(Path), out var error);
            if (base64 == null)
            {
                WriteError(error!);
                return;
            }

            var etag = ETag;
            if (ShouldProcess(Describe(), "Set")
                && TryCall((c, ct) => c.EnrollmentGroups.SetCertificateAsync(id, entry, base64, etag, ct), id, out var certificate)
                && PassThru.IsPresent)
            {
                WriteObject(certificate);
            }
        }
    }
}
