using System.Diagnostics;
using System.Management.Automation;
using System.Text.RegularExpressions;

namespace IoTCentral.Module.Tests;

/// <summary>Start-/Stop-IoTCentralEmulator running the built emulator (IoTCentral.Emulator.dll beside these tests) as a child process.</summary>
public sealed class EmulatorCmdletTests : IDisposable
{
    private static readonly string EmulatorDll = Path.Combine(AppContext.BaseDirectory, "IoTCentral.Emulator.dll");
    private readonly PowerShellHost shell = new();
    private readonly string workDir = Path.Combine(Path.GetTempPath(), "iotc-module-tests", Guid.NewGuid().ToString("N"));

    public EmulatorCmdletTests() => Directory.CreateDirectory(workDir);

    private Dictionary<string, object?> Variables => new() { ["emulatorDll"] = EmulatorDll, ["workDir"] = workDir };

    public void Dispose()
    {
        // Whatever a failed assertion left running.
        shell.Run("Get-Variable -Name emulator -ValueOnly -ErrorAction Ignore | Stop-IoTCentralEmulator -Confirm:$false");
        shell.Dispose();
        Directory.Delete(workDir, recursive: true);
    }

    [Fact]
    public void Start_Connect_ServesTheCmdlets_AndStopEndsTheProcessTheSessionAndTheFiles()
    {
        var started = shell.Run("$emulator = Start-IoTCentralEmulator -Path $emulatorDll -Connect -PageSize 2 -Verbose; $emulator", Variables);
        started.AssertNoErrors();
        var instance = Assert.Single(started.Output);
        var processId = (int)instance.Properties["ProcessId"].Value;
        var url = (Uri)instance.Properties["ApplicationUrl"].Value;
        Assert.Matches(@"^http://127\.0\.0\.1:\d+/$", url.ToString());
        Assert.Equal("IoTCentral.Models.EmulatorInstance", instance.BaseObject.GetType().FullName);
        Assert.False(Process.GetProcessById(processId).HasExited);
        var readyFile = Regex.Match(string.Join("\n", started.Verbose), @"--ready-file (\S+)").Groups[1].Value;
        Assert.True(Directory.Exists(Path.GetDirectoryName(readyFile)), "the emulator's temporary folder should exist while it runs");

        var devices = shell.Run("""
            New-IoTCentralDevice -Id thermostat-01 -DisplayName 'Thermostat 01' | Out-Null
            New-IoTCentralDevice -Id thermostat-02 | Out-Null
            New-IoTCentralDevice -Id thermostat-03 | Out-Null
            (Get-IoTCentralDevice).Id
            (Get-IoTCentralSession).ApplicationUrl -eq $emulator.ApplicationUrl
            """);
        devices.AssertNoErrors();
        Assert.Equal(["thermostat-01", "thermostat-02", "thermostat-03", "True"], devices.Output.Select(o => o.ToString()));

        var stopped = shell.Run("$emulator | Stop-IoTCentralEmulator -Verbose; Get-IoTCentralSession; Get-IoTCentralDevice -Session $emulator.Session");
        Assert.Empty(stopped.Output);
        Assert.Contains(stopped.Verbose, v => v.Contains($"process {processId}", StringComparison.Ordinal));
        Assert.StartsWith("IoTCentral.NotConnected", Assert.Single(stopped.Errors).FullyQualifiedErrorId);
        Assert.True(ProcessHasEnded(processId), "the emulator process should have ended");
        Assert.False(Directory.Exists(Path.GetDirectoryName(readyFile)), "the temporary folder should be deleted");

        var again = shell.Run("$emulator | Stop-IoTCentralEmulator -Verbose; Stop-IoTCentralEmulator -ProcessId $emulator.ProcessId");
        again.AssertNoErrors();
        Assert.Contains(again.Verbose, v => v.Contains("not running", StringComparison.Ordinal));
    }

    [Fact]
    public void TheAdminToken_IsASecureString_ThatNoStreamOrFormatShows()
    {
        var result = shell.Run("""
            $emulator = Start-IoTCentralEmulator -Path $emulatorDll -Connect -Verbose -Debug
            $emulator
            $emulator.psobject.Properties | ForEach-Object { "$($_.Name)=$($_.Value)" }
            "$emulator"
            $emulator.AdminApiToken.GetType().FullName
            $emulator | Stop-IoTCentralEmulator -Verbose -Debug
            """, Variables);
        result.AssertNoErrors();
        Assert.Contains("System.Security.SecureString", result.Output.Select(o => o.ToString()));
        var text = result.AllText();
        Assert.DoesNotContain("SharedAccessSignature", text);
        Assert.DoesNotContain("gmtYrE5LKyuZOZUyzBU8xEXErJW5ZjREH5Z5B2JYPCU", text);
        Assert.Contains("ProcessId", text);
    }

    [Fact]
    public void Https_TheSessionTrustsTheReturnedCertificate_AndTheEntraEndpointsAreGiven()
    {
        var result = shell.Run("""
            $emulator = Start-IoTCentralEmulator -Path $emulatorDll -Https -Connect
            $emulator.ApplicationUrl.Scheme
            $emulator.TlsCertificate.GetCertHashString([System.Security.Cryptography.HashAlgorithmName]::SHA256) -eq $emulator.TlsCertificateThumbprint
            $emulator.AuthorityHost.Scheme
            $emulator.ManagedIdentityEndpoint.AbsolutePath
            (Get-IoTCentralRole -Name Operator).Id
            """, Variables);
        result.AssertNoErrors();
        Assert.Equal(["https", "True", "https", "/msi/token", "ae2c9854-393b-4f97-8c42-479d70ce626e"], result.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void WhatIf_StartsNothing()
    {
        var result = shell.Run("Start-IoTCentralEmulator -Path $emulatorDll -WhatIf", Variables);
        result.AssertNoErrors();
        Assert.Empty(result.Output);
    }

    [Fact]
    public void AMissingPath_IsEmulatorNotFound_WithTheInstallCommand()
    {
        var result = shell.Run("Start-IoTCentralEmulator -Path ($workDir + '/no-such-emulator.dll')", Variables);
        var error = result.TerminatingRecord!;
        Assert.StartsWith("IoTCentral.EmulatorNotFound", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Contains("dotnet tool install --global IoTCentral.Emulator", error.Exception.Message);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void AnEmulatorThatExits_IsEmulatorStartFailed_WithItsErrorOutput()
    {
        var result = shell.Run("Start-IoTCentralEmulator -Path $emulatorDll -ArgumentList '--token-lifetime', '0'", Variables);
        var error = result.TerminatingRecord!;
        Assert.StartsWith("IoTCentral.EmulatorStartFailed", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceUnavailable, error.CategoryInfo.Category);
        Assert.Contains("--token-lifetime must be a number of minutes", error.Exception.Message);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void AStartThatFailed_LeavesNothingForTheCleanupToStop_AndTheCleanupAddsNoErrorOfItsOwn()
    {
        var result = shell.Run(
            """
            try { $failed = Start-IoTCentralEmulator -Path $emulatorDll -ArgumentList '--token-lifetime', '0' -ErrorAction Stop }
            catch { 'start failed' }
            finally { $failed | Stop-IoTCentralEmulator -Verbose; 'cleaned up' }
            """,
            Variables);

        Assert.Empty(result.Errors);
        Assert.Null(result.TerminatingError);
        Assert.Equal(new[] { "start failed", "cleaned up" }, result.Output.Select(o => o.BaseObject));
        Assert.Contains(result.Verbose, v => v.Contains("nothing to stop", StringComparison.Ordinal));
    }

    [Fact]
    public void AnObjectWithAProcessIdStillBindsByPropertyName()
    {
        var result = shell.Run("[pscustomobject]@{ ProcessId = $PID } | Stop-IoTCentralEmulator");
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("IoTCentral.EmulatorNotStartedHere", error.FullyQualifiedErrorId);
    }

    [Fact]
    public void AnEmulatorThatIsNotReadyInTime_IsEmulatorStartFailed_AndIsKilled()
    {
        // A stand-in that says something on stderr and then never writes the ready file.
        var pidFile = Path.Combine(workDir, "pid");
        var script = Path.Combine(workDir, OperatingSystem.IsWindows() ? "silent-emulator.cmd" : "silent-emulator");
        if (OperatingSystem.IsWindows())
        {
            File.WriteAllText(script, "@echo starting slowly 1>&2\r\n@ping -n 60 127.0.0.1 > nul\r\n");
        }
        else
        {
            File.WriteAllText(script, $"#!/bin/sh\necho \"starting slowly\" >&2\necho $$ > '{pidFile}'\nexec sleep 60\n");
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var result = shell.Run("Start-IoTCentralEmulator -Path $script -TimeoutSeconds 1", new Dictionary<string, object?> { ["script"] = script });
        var error = result.TerminatingRecord!;
        Assert.StartsWith("IoTCentral.EmulatorStartFailed", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
        Assert.Contains("starting slowly", error.Exception.Message);
        if (File.Exists(pidFile))
        {
            Assert.True(ProcessHasEnded(int.Parse(File.ReadAllText(pidFile).Trim())), "a start that failed should kill what it started");
        }
    }

    [Fact]
    public void AProcessItDidNotStart_IsLeftAlone()
    {
        var result = shell.Run("Stop-IoTCentralEmulator -ProcessId $PID");
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("IoTCentral.EmulatorNotStartedHere", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
    }

    private static bool ProcessHasEnded(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
