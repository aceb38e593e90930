using System;

namespace IoTCentral.Models
{
    /// <summary>
    /// A one-time code for proof of possession of a CA certificate's key: sign a certificate whose subject is
    /// CN=<see cref="VerificationCode"/> with that key, and send it to Confirm-IoTCentralEnrollmentGroupCertificate.
    /// </summary>
    public sealed class EnrollmentGroupVerificationCode : IoTCentralObject
    {
        public EnrollmentGroupVerificationCode()
        {
        }

        public EnrollmentGroupVerificationCode(Uri? applicationUrl)
            : base(applicationUrl)
        {
        }

        public string EnrollmentGroupId { get; set; } = string.Empty;

        /// <summary>Primary or Secondary.</summary>
        public string Entry { get; set; } = string.Empty;

        public string VerificationCode { get; set; } = string.Empty;

        public override string ToString() => VerificationCode;
    }
}
