using System.Management.Automation;
using IoTCentral.Infrastructure;
using IoTCentral.Models;

namespace IoTCentral.Commands.EnrollmentGroup
{
    /// <summary>
    /// Asks the service for a new verification code for a CA certificate entry (any earlier code stops working):
    /// the first step of proof of possession. Sign a certificate with subject CN=code with the CA's key and give it
    /// to Confirm-IoTCentralEnrollmentGroupCertificate.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "IoTCentralEnrollmentGroupVerificationCode", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(EnrollmentGroupVerificationCode))]
    public sealed class NewIoTCentralEnrollmentGroupVerificationCodeCommand : EnrollmentGroupCertificateCmdlet
    {
        protected override void ProcessItem()
        {
            var id = Id;
            var entry = EntryName;
            if (ShouldProcess(Describe(), "Generate a verification code")
                && TryCall((c, ct) => c.EnrollmentGroups.GenerateVerificationCodeAsync(id, entry, ct), id, out var code))
            {
                WriteObject(code);
            }
        }
    }
}
