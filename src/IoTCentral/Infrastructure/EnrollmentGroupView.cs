using IoTCentral.Models;

namespace IoTCentral.Infrastructure
{
    /// <summary>What the enrollment group cmdlets write: the protected group, or its plain-text copy when asked.</summary>
    internal static class EnrollmentGroupView
    {
        internal static object Output(EnrollmentGroup group, bool asPlainText) => !asPlainText ? group : new PlainTextEnrollmentGroup(group.ApplicationUrl)
        {
            Id = group.Id,
            DisplayName = group.DisplayName,
            Enabled = group.Enabled,
            Type = group.Type,
            AttestationType = group.AttestationType,
            PrimaryKey = SecureStrings.ToPlainText(group.PrimaryKey),
            SecondaryKey = SecureStrings.ToPlainText(group.SecondaryKey),
            PrimaryCertificate = group.PrimaryCertificate,
            SecondaryCertificate = group.SecondaryCertificate,
            IdScope = group.IdScope,
            ETag = group.ETag,
        };

        /// <summary>The REST API's device type for -Type (iot or iotEdge), whatever case was typed.</summary>
        internal static string DeviceType(string type) =>
            string.Equals(type, "iotEdge", System.StringComparison.OrdinalIgnoreCase) ? "iotEdge" : "iot";
    }
}
