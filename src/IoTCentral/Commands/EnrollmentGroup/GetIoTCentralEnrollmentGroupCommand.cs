using System.Management.Automation;
using IoTCentral.Infrastructure;
using IoTCentral.Models;
using IoTCentral.Validation;

namespace IoTCentral.Commands.EnrollmentGroup
{
    /// <summary>Lists the enrollment groups, streaming page by page, or gets one by id; keys stay SecureStrings unless -AsPlainText.</summary>
    [Cmdlet(VerbsCommon.Get, "IoTCentralEnrollmentGroup", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(Models.EnrollmentGroup), typeof(PlainTextEnrollmentGroup))]
    public sealed class GetIoTCentralEnrollmentGroupCommand : IoTCentralCmdlet
    {
        public const string ListSet = "List";
        public const string ByIdSet = "ById";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("EnrollmentGroupId")]
        [ValidateEnrollmentGroupId]
        public string Id { get; set; } = string.Empty;

        [Parameter]
        public SwitchParameter AsPlainText { get; set; }

        protected override string ResourceKind => "EnrollmentGroup";

        protected override void ProcessItem()
        {
            if (ParameterSetName == ByIdSet)
            {
                var id = Id;
                if (TryCall((c, ct) => c.EnrollmentGroups.GetAsync(id, ct), id, out var group))
                {
                    WriteObject(EnrollmentGroupView.Output(group, AsPlainText.IsPresent));
                }

                return;
            }

            try
            {
                foreach (var group in ReadAllPages<Models.EnrollmentGroup>((c, link, ct) => c.EnrollmentGroups.ListAsync(link, ct)))
                {
                    WriteObject(EnrollmentGroupView.Output(group, AsPlainText.IsPresent));
                }
            }
            catch (IoTCentralException exception)
            {
                ReportServiceError(exception, null);
            }
        }
    }
}
