using System;
using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using IoTCentral.Infrastructure;
using IoTCentral.Models;

namespace IoTCentral.Commands.Emulator
{
    /// <summary>
    /// Stops an emulator that Start-IoTCentralEmulator started in this PowerShell process: kills it, waits for it to
    /// end, deletes its temporary files and disconnects the session -Connect opened. Stopping one that is already
    /// stopped does nothing, so an AfterAll block can always call it.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "IoTCentralEmulator", SupportsShouldProcess = true)]
    [OutputType(typeof(void))]
    public sealed class StopIoTCentralEmulatorCommand : PSCmdlet
    {
        private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(30);

        /// <summary>Binds from an EmulatorInstance in the pipeline by its ProcessId property.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        public int ProcessId { get; set; }

        protected override void ProcessRecord()
        {
            var target = "IoT Central emulator (process " + ProcessId.ToString(CultureInfo.InvariantCulture) + ")";
            if (!EmulatorProcess.TryGet(ProcessId, out var emulator))
            {
                ReportUnknown(target);
                return;
            }

            if (!ShouldProcess(target, "Stop"))
            {
                return;
            }

            if (emulator.Session != null)
            {
                SessionStore.Disconnect(emulator.Session);
            }

            emulator.Stop(ExitWait);
            WriteVerbose("Stopped the " + target + ".");
        }

        private void ReportUnknown(string target)
        {
            Process? running = null;
            try
            {
                running = Process.GetProcessById(ProcessId);
                if (!running.HasExited)
                {
                    // Another process's id (or an emulator started some other way): killing it on a guess could end anything.
                    WriteError(new ErrorRecord(
                        new InvalidOperationException("Process " + ProcessId.ToString(CultureInfo.InvariantCulture) + " was not started by Start-IoTCentralEmulator in this PowerShell process, so it is left alone; stop it with Stop-Process if it is an emulator."),
                        ErrorIds.EmulatorNotStartedHere,
                        ErrorCategory.InvalidOperation,
                        ProcessId));
                    return;
                }
            }
            catch (ArgumentException)
            {
                // No such process: it has stopped.
            }
            catch (InvalidOperationException)
            {
            }
            finally
            {
                running?.Dispose();
            }

            WriteVerbose("The " + target + " is not running; nothing to stop.");
        }
    }
}
