using System;
using System.Management.Automation;
using IoTCentral.Models;
using IoTCentral.Validation;

namespace IoTCentral.Commands.Job
{
    /// <summary>The status of each device in a job, streaming page by page; -Status keeps one status (such as failed).</summary>
    [Cmdlet(VerbsCommon.Get, "IoTCentralJobDevice")]
    [OutputType(typeof(Models.JobDeviceStatus))]
    public sealed class GetIoTCentralJobDeviceCommand : IoTCentralCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("JobId")]
        [ValidateGroupId]
        public string Id { get; set; } = string.Empty;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Status { get; set; }

        protected override string ResourceKind => "Job";

        protected override void ProcessItem()
        {
            var id = Id;
            try
            {
                // The API has no filter: -Status is matched here as the pages arrive.
                foreach (var device in ReadAllPages<Models.JobDeviceStatus>((c, link, ct) => c.Jobs.ListDevicesAsync(id, link, ct)))
                {
                    if (Status == null || string.Equals(device.Status, Status, StringComparison.OrdinalIgnoreCase))
                    {
                        WriteObject(device);
                    }
                }
            }
            catch (IoTCentralException exception)
            {
                ReportServiceError(exception, id);
            }
        }
    }
}
