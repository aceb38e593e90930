using System.Management.Automation;
using IoTCentral.Validation;

namespace IoTCentral.Infrastructure
{
    /// <summary>
    /// The enrollment group certificate cmdlets' shared parameters: the group (binds from Id or EnrollmentGroupId
    /// of piped objects) and the certificate entry, Primary unless told otherwise.
    /// </summary>
    public abstract class EnrollmentGroupCertificateCmdlet : IoTCentralCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("EnrollmentGroupId")]
        [ValidateEnrollmentGroupId]
        public string Id { get; set; } = string.Empty;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSet("Primary", "Secondary", IgnoreCase = true)]
        public string Entry { get; set; } = "Primary";

        protected override string ResourceKind => "EnrollmentGroup";

        /// <summary>The entry as the output objects name it (Primary or Secondary).</summary>
        protected string EntryName => string.Equals(Entry, "Secondary", System.StringComparison.OrdinalIgnoreCase) ? "Secondary" : "Primary";

        /// <summary>How ShouldProcess and errors name the certificate.</summary>
        protected string Describe() => EntryName.ToLowerInvariant() + " certificate of enrollment group '" + Id + "'";
    }
}
