using System;
using System.Management.Automation;
using System.Security.Cryptography.X509Certificates;
using IoTCentral.Infrastructure;
using IoTCentral.Models;

namespace IoTCentral.Commands.EnrollmentGroup
{
    /// <summary>
    /// Proves possession of a CA certificate's private key so the service marks the entry verified. Either send a
    /// verification certificate made elsewhere (-Path or -Certificate: subject CN=the code from
    /// New-IoTCentralEnrollmentGroupVerificationCode, signed by the CA key), or give -SigningCertificate (the CA
    /// with its private key) and the cmdlet does the whole flow: new code, certificate signed here, verify.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Confirm, "IoTCentralEnrollmentGroupCertificate", DefaultParameterSetName = SigningSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(EnrollmentGroupCertificate))]
    public sealed class ConfirmIoTCentralEnrollmentGroupCertificateCommand : EnrollmentGroupCertificateCmdlet
    {
        public const string SigningSet = "SigningCertificate";
        public const string PathSet = "Path";
        public const string CertificateSet = "Certificate";

        /// <summary>The CA certificate with its private key; the key signs the verification certificate here and is never sent.</summary>
        [Parameter(Mandatory = true, ParameterSetName = SigningSet)]
        [ValidateNotNull]
        public X509Certificate2? SigningCertificate { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ParameterSetName = CertificateSet)]
        [ValidateNotNull]
        public X509Certificate2? Certificate { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            if (SigningCertificate != null && !SigningCertificate.HasPrivateKey)
            {
                ThrowArgumentError(ErrorIds.InvalidCertificate, "-SigningCertificate '" + SigningCertificate.Subject + "' has no private key; give the CA certificate with its key (for example from a PFX file).", SigningCertificate.Subject);
            }

            base.BeginProcessing();
        }

        protected override void ProcessItem()
        {
            var id = Id;
            var entry = EntryName;
            if (!ShouldProcess(Describe(), ParameterSetName == SigningSet ? "Prove possession of the key of '" + SigningCertificate!.Subject + "'" : "Verify"))
            {
                return;
            }

            string? proof;
            if (ParameterSetName == SigningSet)
            {
                if (!TryCall((c, ct) => c.EnrollmentGroups.GenerateVerificationCodeAsync(id, entry, ct), id, out var code))
                {
                    return;
                }

                WriteVerbose("Signing a verification certificate for code " + code.VerificationCode + " with the key of '" + SigningCertificate!.Subject + "'.");
                try
                {
                    proof = VerificationCertificate.Create(SigningCertificate, code.VerificationCode);
                }
                catch (Exception exception) when (exception is ArgumentException || exception is System.Security.Cryptography.CryptographicException)
                {
                    WriteError(new ErrorRecord(exception, ErrorIds.InvalidCertificate, ErrorCategory.InvalidArgument, SigningCertificate.Subject));
                    return;
                }
            }
            else
            {
                proof = ClientCertificateInput.ToBase64(this, (object?)Certificate ?? Path, Certificate != null ? nameof(Certificate) : nameof(Path), out var error);
                if (proof == null)
                {
                    WriteError(error!);
                    return;
                }
            }

            if (TryCall((c, ct) => c.EnrollmentGroups.VerifyCertificateAsync(id, entry, proof!, ct), id)
                && PassThru.IsPresent
                && TryCall((c, ct) => c.EnrollmentGroups.GetCertificateAsync(id, entry, ct), id, out var verified))
            {
                WriteObject(verified);
            }
        }
    }
}
