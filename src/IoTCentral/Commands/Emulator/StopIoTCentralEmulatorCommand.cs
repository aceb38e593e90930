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
    /// stopped does nothing, and neither does $null (what a start that failed left in the variable), so an AfterAll
    /// block can always call it without adding an error of its own to the real one.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "IoTCentralEmulator", SupportsShouldProcess = true, DefaultParameterSetName = ByInputObject)]
    [OutputType(typeof(void))]
    public sealed class StopIoTCentralEmulatorCommand : PSCmdlet
    {
        private const string ByProcessId = "ProcessId";
        private const string ByInputObject = "InputObject";

        private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(30);

        /// <summary>Binds from any piped object with a ProcessId property (an EmulatorInstance binds to InputObject).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ByProcessId)]
        [ValidateRange(1, int.MaxValue)]
        public int ProcessId { get; set; }

        // The default set: with ProcessId's as the default, PowerShell refuses a piped $null before trying this one.
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByInputObject)]
        [AllowNull]
        public EmulatorInstance? InputObject { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ByInputObject)
            {
                if (InputObject == null)
                {
                    WriteVerbose("No emulator was given (a Start-IoTCentralEmulator that failed leaves $null); nothing to stop.");
                    return;
                }

                ProcessId = InputObject.ProcessId;
            }

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
