using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Management.Automation;
using System.Threading;
using IoTCentral.Engine;
using IoTCentral.Models;

namespace IoTCentral.Infrastructure
{
    /// <summary>
    /// What the file upload cmdlets share: the settings parameters' checks and -Wait, which reads the configuration
    /// until its provisioning settles (succeeded or failed; for a removal, until it is gone), showing the state with
    /// Write-Progress, and after -Timeout seconds writes IoTCentral.FileUploadTimeout and goes on.
    /// </summary>
    public abstract class FileUploadCmdlet : IoTCentralCmdlet
    {
        private static int nextActivityId;

        /// <summary>Wait until the service has finished provisioning the change.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>Seconds -Wait waits at most.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int Timeout { get; set; } = 600;

        /// <summary>Seconds between reads while waiting.</summary>
        [Parameter]
        [ValidateRange(0.1, 3600)]
        public double PollInterval { get; set; } = 1;

        protected override string ResourceKind => "FileUpload";

        /// <summary>-SasTtl as the service takes it (ISO 8601), after checking it is a positive duration of whole seconds.</summary>
        protected string? SasTtlText(TimeSpan? value)
        {
            if (value is not { } ttl)
            {
                return null;
            }

            if (ttl <= TimeSpan.Zero || ttl.Ticks % TimeSpan.TicksPerSecond != 0)
            {
                ThrowArgumentError(ErrorIds.InvalidSasTtl, "-SasTtl must be a positive duration of whole seconds, such as (New-TimeSpan -Hours 1).", ttl);
            }

            return FileUploadsOperations.FormatDuration(ttl);
        }

        /// <summary>
        /// With -Wait, the settled configuration (null when it is gone, or after an error was written); without it,
        /// <paramref name="current"/> as it is.
        /// </summary>
        protected FileUpload? Settle(FileUpload? current, bool untilGone)
        {
            if (!Wait.IsPresent)
            {
                return current;
            }

            var activityId = Interlocked.Increment(ref nextActivityId);
            var progress = new ProgressRecord(activityId, "Waiting for the file upload configuration", current?.State ?? "deleting");
            var clock = Stopwatch.StartNew();
            try
            {
                while (true)
                {
                    if (current != null)
                    {
                        progress.StatusDescription = "State: " + current.State;
                        WriteProgress(progress);
                        if (!untilGone && current.IsSettled)
                        {
                            return current;
                        }
                    }

                    var left = TimeSpan.FromSeconds(Timeout) - clock.Elapsed;
                    if (left <= TimeSpan.Zero)
                    {
                        WriteError(new ErrorRecord(
                            new TimeoutException("The file upload configuration did not settle within " + Timeout + " s; its state is '" + current?.State + "'. The service goes on; wait with Get-IoTCentralFileUpload -Wait."),
                            ErrorIds.FileUploadTimeout,
                            ErrorCategory.OperationTimeout,
                            "fileUploads"));
                        return null;
                    }

                    var pause = TimeSpan.FromSeconds(PollInterval);
                    if (StopToken.WaitHandle.WaitOne(pause < left ? pause : left))
                    {
                        throw new PipelineStoppedException();
                    }

                    try
                    {
                        current = Call((c, ct) => c.FileUploads.GetAsync(ct));
                    }
                    catch (IoTCentralException e) when (e.Status == 404 && untilGone)
                    {
                        return null;
                    }
                    catch (IoTCentralException e)
                    {
                        ReportServiceError(e, "fileUploads");
                        return null;
                    }
                }
            }
            finally
            {
                progress.RecordType = ProgressRecordType.Completed;
                WriteProgress(progress);
            }
        }

        /// <summary>The settings members of a body, for the parameters the user gave.</summary>
        protected void AddSettings(IDictionary<string, object?> body, System.Security.SecureString? connectionString, string? container, string? account, TimeSpan? sasTtl, bool? readAccess)
        {
            if (connectionString != null)
            {
                body["connectionString"] = SecureStrings.ToPlainText(connectionString);
            }

            if (container != null)
            {
                body["container"] = container;
            }

            if (account != null)
            {
                body["account"] = account;
            }

            if (sasTtl != null)
            {
                body["sasTtl"] = SasTtlText(sasTtl);
            }

            if (readAccess != null)
            {
                body["readAccess"] = readAccess;
            }
        }
    }
}
