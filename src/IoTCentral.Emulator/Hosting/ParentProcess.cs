using System.Diagnostics;

namespace IoTCentral.Emulator.Hosting;

/// <summary>
/// The process named by <c>--parent-process-id</c>: a test run or script that started the emulator and must not leave
/// it behind when it ends, even when it ends without stopping the emulator (killed, crashed, a debugger stopped).
/// </summary>
internal static class ParentProcess
{
    /// <summary>The running process with that id, or null when there is none (it may have ended already).</summary>
    public static Process? TryOpen(int processId)
    {
        Process process;
        try
        {
            process = Process.GetProcessById(processId);
        }
        catch (ArgumentException)
        {
            return null;
        }

        try
        {
            if (!process.HasExited)
            {
                return process;
            }
        }
        catch (InvalidOperationException)
        {
            // Ended between the two calls.
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Windows refuses to open another user's process; the emulator then cannot tell when it ends.
            process.Dispose();
            throw new FormatException($"--parent-process-id: process {processId} cannot be watched (it belongs to another user).");
        }

        process.Dispose();
        return null;
    }
}
