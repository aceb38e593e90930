using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.InteropServices;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using IoTCentral.Commands.Session;
using IoTCentral.Engine;
using IoTCentral.Infrastructure;
using IoTCentral.Models;

namespace IoTCentral.Commands.Emulator
{
    /// <summary>
    /// Starts the IoT Central emulator as a child process on a free loopback port and waits until it serves. The child
    /// is told this process's id, so it ends with PowerShell even when nobody runs Stop-IoTCentralEmulator.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "IoTCentralEmulator", SupportsShouldProcess = true)]
    [OutputType(typeof(EmulatorInstance))]
    public sealed class StartIoTCentralEmulatorCommand : PSCmdlet, IDisposable
    {
        internal const string ToolCommandName = "iotcentral-emulator";
        internal const string InstallHint = "Install it with 'dotnet tool install --global IoTCentral.Emulator' (and put the .NET tools folder, ~/.dotnet/tools, on PATH), or pass -Path with the iotcentral-emulator executable or IoTCentral.Emulator.dll.";

        private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
        private static readonly TimeSpan KillWait = TimeSpan.FromSeconds(10);

        private readonly CancellationTokenSource stopping = new CancellationTokenSource();

        /// <summary>The emulator: an executable (the tool's iotcentral-emulator) or IoTCentral.Emulator.dll, run with dotnet.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int PageSize { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DataDirectory { get; set; }

        [Parameter]
        public SwitchParameter Https { get; set; }

        /// <summary>Opens an admin session, as Connect-IoTCentral -Emulator does, and makes it the default.</summary>
        [Parameter]
        public SwitchParameter Connect { get; set; }

        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSeconds { get; set; } = 60;

        /// <summary>More emulator options, passed as they are (e.g. '--token-lifetime', '5').</summary>
        [Parameter]
        [ValidateNotNull]
        public string[] ArgumentList { get; set; } = Array.Empty<string>();

        public void Dispose() => stopping.Dispose();

        protected override void StopProcessing() => stopping.Cancel();

        protected override void ProcessRecord()
        {
            var (fileName, arguments) = ResolveEmulator();
            if (!ShouldProcess(fileName, "Start the IoT Central emulator"))
            {
                return;
            }

            var workDirectory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "iotcentral-emulator-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(workDirectory);
            var readyFile = System.IO.Path.Combine(workDirectory, "ready.json");
            var certificateFile = System.IO.Path.Combine(workDirectory, "tls-certificate.cer");
            arguments.AddRange(new[] { "--urls", "http://127.0.0.1:0", "--ready-file", readyFile, "--parent-process-id", CurrentProcessId() });
            if (IsBound(nameof(PageSize)))
            {
                arguments.AddRange(new[] { "--page-size", PageSize.ToString(CultureInfo.InvariantCulture) });
            }

            var dataDirectory = DataDirectory == null ? null : GetUnresolvedProviderPathFromPSPath(DataDirectory);
            if (dataDirectory != null)
            {
                arguments.AddRange(new[] { "--data-dir", dataDirectory });
            }

            // The certificate is exported always: the token service and the management endpoint serve https with it.
            arguments.AddRange(Https.IsPresent ? new[] { "--https", "--export-cert", certificateFile } : new[] { "--export-cert", certificateFile });

            arguments.AddRange(ArgumentList);
            WriteVerbose("Starting " + fileName + " " + EmulatorProcess.JoinArguments(arguments));

            EmulatorProcess process;
            try
            {
                process = EmulatorProcess.Start(fileName, arguments, workDirectory);
            }
            catch (System.ComponentModel.Win32Exception exception)
            {
                Directory.Delete(workDirectory, recursive: true);
                throw StartFailed("The emulator could not be started from " + fileName + ": " + exception.Message, ErrorCategory.ResourceUnavailable, fileName);
            }

            try
            {
                var instance = WaitUntilReady(process, readyFile, fileName);
                instance.DataDirectory = dataDirectory;
                instance.TlsCertificate = new X509Certificate2(certificateFile);

                if (Connect.IsPresent)
                {
                    instance.Session = ConnectAsAdmin(instance);
                    process.Session = instance.Session;
                }

                process.Register();
                WriteVerbose(string.Format(CultureInfo.InvariantCulture, "The emulator (process {0}) serves {1}.", instance.ProcessId, instance.ApplicationUrl));
                WriteObject(instance);
            }
            catch
            {
                process.Stop(KillWait);
                throw;
            }
        }

        private bool IsBound(string parameterName) => MyInvocation.BoundParameters.ContainsKey(parameterName);

        private static string CurrentProcessId()
        {
            using (var current = Process.GetCurrentProcess())
            {
                return current.Id.ToString(CultureInfo.InvariantCulture);
            }
        }

        /// <summary>The program to run and its first arguments: -Path, else the tool on PATH or in the default tools folder.</summary>
        private (string FileName, List<string> Arguments) ResolveEmulator()
        {
            string? emulator;
            if (Path != null)
            {
                emulator = GetUnresolvedProviderPathFromPSPath(Path);
                if (!File.Exists(emulator))
                {
                    throw NotFound("The IoT Central emulator was not found at '" + emulator + "'. " + InstallHint, Path);
                }
            }
            else
            {
                emulator = FindTool() ?? throw NotFound("The IoT Central emulator (" + ToolCommandName + ") was not found on PATH. " + InstallHint, ToolCommandName);
            }

            return string.Equals(System.IO.Path.GetExtension(emulator), ".dll", StringComparison.OrdinalIgnoreCase)
                ? (DotnetHost(), new List<string> { emulator })
                : (emulator, new List<string>());
        }

        private string? FindTool()
        {
            if (InvokeCommand.GetCommand(ToolCommandName, CommandTypes.Application) is ApplicationInfo onPath)
            {
                return onPath.Path;
            }

            // dotnet tool install --global puts it here, but a fresh install is on PATH only in new shells.
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            var installed = System.IO.Path.Combine(home, ".dotnet", "tools", ToolCommandName + (IsWindows ? ".exe" : string.Empty));
            return string.IsNullOrEmpty(home) || !File.Exists(installed) ? null : installed;
        }

        private static bool IsWindows => RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

        /// <summary>The dotnet host for IoTCentral.Emulator.dll: this process's when PowerShell runs on it, else DOTNET_HOST_PATH, DOTNET_ROOT or PATH.</summary>
        private static string DotnetHost()
        {
            var executable = IsWindows ? "dotnet.exe" : "dotnet";
            using (var current = Process.GetCurrentProcess())
            {
                var main = current.MainModule?.FileName;
                if (main != null && string.Equals(System.IO.Path.GetFileName(main), executable, StringComparison.OrdinalIgnoreCase))
                {
                    return main;
                }
            }

            var hostPath = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            if (!string.IsNullOrEmpty(hostPath) && File.Exists(hostPath))
            {
                return hostPath!;
            }

            var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
            var underRoot = string.IsNullOrEmpty(root) ? null : System.IO.Path.Combine(root, executable);
            return underRoot != null && File.Exists(underRoot) ? underRoot : executable;
        }

        private EmulatorInstance WaitUntilReady(EmulatorProcess process, string readyFile, string fileName)
        {
            var deadline = DateTime.UtcNow.AddSeconds(TimeoutSeconds);
            while (!File.Exists(readyFile))
            {
                if (process.HasExited)
                {
                    throw StartFailed("The emulator exited before it was ready." + Tail(process), ErrorCategory.ResourceUnavailable, fileName);
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw StartFailed(string.Format(CultureInfo.InvariantCulture, "The emulator was not ready within {0} seconds.", TimeoutSeconds) + Tail(process), ErrorCategory.OperationTimeout, fileName);
                }

                if (stopping.Token.WaitHandle.WaitOne(PollInterval))
                {
                    throw new PipelineStoppedException();
                }
            }

            // The emulator writes the file under another name and renames it, so what exists is complete.
            var ready = (IDictionary)JsonText.Parse(File.ReadAllText(readyFile))!;
            File.Delete(readyFile);
            return new EmulatorInstance(new Uri(Field(ready, "applicationUrl")!), SecureStrings.FromPlainText(Field(ready, "adminApiToken")!), process.Id)
            {
                AuthorityHost = Field(ready, "authorityHost") is { } authority ? new Uri(authority) : null,
                ManagedIdentityEndpoint = Field(ready, "managedIdentityEndpoint") is { } endpoint ? new Uri(endpoint) : null,
                ManagedIdentityHeader = Field(ready, "managedIdentityHeader") is { } header ? SecureStrings.FromPlainText(header) : null,
                TlsCertificateThumbprint = Field(ready, "tlsCertificateThumbprint"),
                ManagementUrl = Field(ready, "managementUrl") is { } management ? new Uri(management) : null,
                SubscriptionId = Field(ready, "subscriptionId"),
            };
        }

        private static string? Field(IDictionary ready, string name) => ready.Contains(name) ? ready[name] as string : null;

        private static string Tail(EmulatorProcess process)
        {
            var tail = process.ErrorTail;
            return tail.Length == 0 ? string.Empty : " Its error output ends with:" + Environment.NewLine + tail;
        }

        /// <summary>Runs Connect-IoTCentral -Emulator itself, in this runspace, so the session is made (and made the default) exactly as it would be by hand.</summary>
        private IoTCentralSession ConnectAsAdmin(EmulatorInstance instance)
        {
            using (var shell = PowerShell.Create(RunspaceMode.CurrentRunspace))
            {
                shell.AddCommand(new CmdletInfo("Connect-IoTCentral", typeof(ConnectIoTCentralCommand)))
                    .AddParameter("Emulator")
                    .AddParameter("ApplicationUrl", instance.ApplicationUrl);
                if (instance.TlsCertificate != null)
                {
                    shell.AddParameter("TrustedServerCertificate", instance.TlsCertificate);
                }

                Collection<IoTCentralSession> sessions;
                try
                {
                    sessions = shell.Invoke<IoTCentralSession>();
                }
                catch (RuntimeException exception)
                {
                    ThrowTerminatingError(exception.ErrorRecord);
                    throw;
                }

                foreach (var warning in shell.Streams.Warning)
                {
                    WriteWarning(warning.Message);
                }

                foreach (var verbose in shell.Streams.Verbose)
                {
                    WriteVerbose(verbose.Message);
                }

                if (shell.Streams.Error.Count > 0)
                {
                    ThrowTerminatingError(shell.Streams.Error[0]);
                }

                return sessions[0];
            }
        }

        private PipelineStoppedException NotFound(string message, string target)
        {
            ThrowTerminatingError(new ErrorRecord(new FileNotFoundException(message), ErrorIds.EmulatorNotFound, ErrorCategory.ObjectNotFound, target));
            return new PipelineStoppedException();
        }

        private PipelineStoppedException StartFailed(string message, ErrorCategory category, string target)
        {
            ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(message), ErrorIds.EmulatorStartFailed, category, target));
            return new PipelineStoppedException();
        }
    }
}
