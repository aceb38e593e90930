using System;
using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using System.Threading;
using IoTCentral.Infrastructure;
using IoTCentral.Validation;

namespace IoTCentral.Commands.Job
{
    /// <summary>
    /// Waits until a job finishes (completed, failed or cancelled; with -UntilStopped also stopped), showing its
    /// progress with Write-Progress, and writes the job. After -Timeout it writes IoTCentral.JobTimeout and goes on.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "IoTCentralJob")]
    [OutputType(typeof(Models.Job))]
    public sealed class WaitIoTCentralJobCommand : IoTCentralCmdlet
    {
        private static int nextActivityId;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("JobId")]
        [ValidateGroupId]
        public string Id { get; set; } = string.Empty;

        /// <summary>Seconds to wait at most.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int Timeout { get; set; } = 3600;

        /// <summary>Seconds between reads of the job.</summary>
        [Parameter]
        [ValidateRange(0.1, 3600)]
        public double PollInterval { get; set; } = 5;

        [Parameter]
        public SwitchParameter UntilStopped { get; set; }

        protected override string ResourceKind => "Job";

        protected override void ProcessItem()
        {
            var id = Id;
            var activityId = Interlocked.Increment(ref nextActivityId);
            var clock = Stopwatch.StartNew();
            var progress = new ProgressRecord(activityId, "Waiting for job '" + id + "'", "Starting");
            try
            {
                while (true)
                {
                    if (!TryCall((c, ct) => c.Jobs.GetAsync(id, ct), id, out var job))
                    {
                        return;
                    }

                    var done = job.Progress?.PercentDone ?? 0;
                    progress.PercentComplete = Math.Min(100, Math.Max(0, done));
                    progress.StatusDescription = string.Format(
                        CultureInfo.InvariantCulture,
                        "{0}: {1} of {2} devices done, {3} failed",
                        job.Status,
                        (job.Progress?.Completed ?? 0) + (job.Progress?.Failed ?? 0),
                        job.Progress?.Total ?? 0,
                        job.Progress?.Failed ?? 0);
                    WriteProgress(progress);

                    if (job.IsFinished || (UntilStopped.IsPresent && string.Equals(job.Status, "stopped", StringComparison.OrdinalIgnoreCase)))
                    {
                        WriteObject(job);
                        return;
                    }

                    var left = TimeSpan.FromSeconds(Timeout) - clock.Elapsed;
                    if (left <= TimeSpan.Zero)
                    {
                        WriteError(new ErrorRecord(
                            new TimeoutException("The job '" + id + "' did not finish within " + Timeout + " s; its status is '" + job.Status + "' (" + job.Progress + "). It goes on running; wait again or stop it with Stop-IoTCentralJob."),
                            ErrorIds.JobTimeout,
                            ErrorCategory.OperationTimeout,
                            id));
                        return;
                    }

                    var pause = TimeSpan.FromSeconds(PollInterval);
                    if (StopToken.WaitHandle.WaitOne(pause < left ? pause : left))
                    {
                        throw new PipelineStoppedException();
                    }
                }
            }
            finally
            {
                progress.RecordType = ProgressRecordType.Completed;
                WriteProgress(progress);
            }
        }
    }
}
