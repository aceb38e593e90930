using System.Reflection;

namespace IoTCentral.Module.Tests;

/// <summary>
/// How the module reads PowerShell's command line for -NonInteractive. A real pwsh started with --NonInteractive is
/// in tests/Pester/SignIn.Tests.ps1; the Windows spelling (/NonInteractive) can only be checked here, by the rule.
/// </summary>
public sealed class HostInteractivityTests
{
    private static readonly Func<string[], bool, bool> StartedNonInteractive = Load();

    [Theory]
    [InlineData("pwsh -NonInteractive -Command Get-Date", false)]
    [InlineData("pwsh --NonInteractive -Command Get-Date", false)]
    [InlineData("pwsh -noni -c Get-Date", false)]
    [InlineData("pwsh --noninter", false)]
    [InlineData("pwsh -ExecutionPolicy Bypass -NonInteractive -File run.ps1", false)]
    [InlineData("pwsh.exe /NonInteractive /Command Get-Date", true)]
    [InlineData("powershell.exe /noni -File run.ps1", true)]
    [InlineData("powershell.exe \u2013NonInteractive", true)]
    public void These_command_lines_are_non_interactive(string commandLine, bool windows) =>
        Assert.True(StartedNonInteractive(commandLine.Split(' '), windows));

    [Theory]
    [InlineData("pwsh", false)]
    [InlineData("pwsh -NoLogo -NoProfile", false)]
    [InlineData("pwsh -non", false)]
    [InlineData("pwsh -File run.ps1 -NonInteractive", false)]
    [InlineData("pwsh -c Connect-IoTCentral --NonInteractive", false)]
    [InlineData("pwsh /NonInteractive", false)]
    [InlineData("/NonInteractive", true)]
    public void These_command_lines_are_interactive(string commandLine, bool windows) =>
        Assert.False(StartedNonInteractive(commandLine.Split(' '), windows));

    private static Func<string[], bool, bool> Load()
    {
        using var shell = new PowerShellHost();
        var assembly = AppDomain.CurrentDomain.GetAssemblies().Single(a => a.GetName().Name == "IoTCentral");
        var method = assembly.GetType("IoTCentral.Infrastructure.HostInteractivity", throwOnError: true)!
            .GetMethod("StartedNonInteractive", BindingFlags.NonPublic | BindingFlags.Static)!;
        return (arguments, windows) => (bool)method.Invoke(null, new object[] { arguments, windows })!;
    }
}
