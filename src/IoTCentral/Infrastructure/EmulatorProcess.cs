using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using IoTCentral.Models;

namespace IoTCentral.Infrastructure
{
    /// <summary>
    /// One emulator child process that Start-IoTCentralEmulator launched, with its temporary folder and the tail of
    /// what it wrote to stderr. The running ones are kept per process id so that Stop-IoTCentralEmulator, in any
    /// runspace of this PowerShell process, can find the process object, its files and the session it opened.
    /// </summary>
    internal sealed class EmulatorProcess
    {
        private const int ErrorTailLines = 40;

        private static readonly Dictionary<int, EmulatorProcess> Running = new Dictionary<int, EmulatorProcess>();

        private readonly Process process;
        private readonly Queue<string> errorTail = new Queue<string>();

        private EmulatorProcess(Process process, string workDirectory)
        {
            this.process = process;
            WorkDirectory = workDirectory;
        }

        internal int Id => process.Id;

        internal bool HasExited => process.HasExited;

        /// <summary>The temporary folder of the ready file and exported certificate; deleted on stop.</summary>
        internal string WorkDirectory { get; }

        internal IoTCentralSession? Session { get; set; }

        internal string ErrorTail
        {
            get
            {
                lock (errorTail)
                {
                    return string.Join(Environment.NewLine, errorTail);
                }
            }
        }

        /// <summary>Starts <paramref name="fileName"/> with <paramref name="arguments"/>; stdout is read and dropped (it shows the admin token).</summary>
        internal static EmulatorProcess Start(string fileName, IEnumerable<string> arguments, string workDirectory)
        {
            var info = new ProcessStartInfo(fileName, JoinArguments(arguments))
            {
                UseShellExecute = false,
                CreateNoWindow = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            var started = new EmulatorProcess(new Process { StartInfo = info }, workDirectory);
            started.process.OutputDataReceived += (_, e) => { };
            started.process.ErrorDataReceived += (_, e) => started.AddErrorLine(e.Data);
            started.process.Start();
            started.process.BeginOutputReadLine();
            started.process.BeginErrorReadLine();
            return started;
        }

        internal static bool TryGet(int processId, out EmulatorProcess emulator)
        {
            lock (Running)
            {
                return Running.TryGetValue(processId, out emulator!);
            }
        }

        internal void Register()
        {
            lock (Running)
            {
                Running[Id] = this;
            }
        }

        /// <summary>Kills the emulator (and whatever it started), waits for it and deletes its files; safe to repeat.</summary>
        internal void Stop(TimeSpan wait)
        {
            lock (Running)
            {
                if (Running.TryGetValue(process.Id, out var registered) && ReferenceEquals(registered, this))
                {
                    Running.Remove(process.Id);
                }
            }

            try
            {
                if (!process.HasExited)
                {
                    KillTree();
                }

                process.WaitForExit((int)wait.TotalMilliseconds);
            }
            catch (InvalidOperationException)
            {
                // It ended on its own between the check and the kill.
            }
            catch (TargetInvocationException exception) when (exception.InnerException is InvalidOperationException)
            {
            }

            process.Dispose();
            try
            {
                Directory.Delete(WorkDirectory, recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
            }
            catch (IOException)
            {
                // A file still held open (antivirus, an indexer) is left in the temp folder rather than failing the stop.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        /// <summary>Quotes arguments the way both the Windows C runtime and .NET on Unix split ProcessStartInfo.Arguments.</summary>
        internal static string JoinArguments(IEnumerable<string> arguments) => string.Join(" ", arguments.Select(Quote));

        private static string Quote(string argument)
        {
            if (argument.Length > 0 && argument.IndexOfAny(new[] { ' ', '\t', '"' }) < 0)
            {
                return argument;
            }

            var quoted = new StringBuilder("\"");
            var backslashes = 0;
            foreach (var character in argument)
            {
                if (character == '\\')
                {
                    backslashes++;
                    continue;
                }

                // Backslashes double only where a quote follows them.
                quoted.Append('\\', character == '"' ? (backslashes * 2) + 1 : backslashes);
                quoted.Append(character);
                backslashes = 0;
            }

            quoted.Append('\\', backslashes * 2);
            return quoted.Append('"').ToString();
        }

        private void KillTree()
        {
            // Process.Kill(bool entireProcessTree) exists from .NET Core 3.0 (PowerShell 7) but not in netstandard2.0 or
            // .NET Framework, where only the process itself can be killed (the emulator tool runs in one process anyway).
            var killTree = typeof(Process).GetMethod("Kill", BindingFlags.Public | BindingFlags.Instance, null, new[] { typeof(bool) }, null);
            if (killTree != null)
            {
                killTree.Invoke(process, new object[] { true });
            }
            else
            {
                process.Kill();
            }
        }

        private void AddErrorLine(string? line)
        {
            if (line == null)
            {
                return;
            }

            lock (errorTail)
            {
                errorTail.Enqueue(line);
                while (errorTail.Count > ErrorTailLines)
                {
                    errorTail.Dequeue();
                }
            }
        }
    }
}
