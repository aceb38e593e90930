using System.Runtime.InteropServices;
using IoTCentral.Emulator;
using IoTCentral.Emulator.Hosting;

CommandLine commandLine;
try
{
    commandLine = CommandLine.Parse(args);
}
catch (FormatException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}

if (commandLine.ShowHelp)
{
    Console.WriteLine(CommandLine.Usage);
    return 0;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

await using var server = await EmulatorServer.StartAsync(commandLine.Options, stop.Token);
var applicationUrl = server.ApplicationUrl.GetLeftPart(UriPartial.Authority);
Console.WriteLine($"IoT Central emulator listening at {applicationUrl} (REST API under {applicationUrl}/api)");
Console.WriteLine($"Development admin API token (valid only against this emulator): {server.AdminApiToken}");
Console.WriteLine(commandLine.Options.DataDir is { } dir ? $"State is kept in {Path.GetFullPath(dir)}" : "State is kept in memory only.");
Console.WriteLine("Press Ctrl+C to stop.");
if (commandLine.ReadyFile is { } readyFile)
{
    ReadyFile.Write(readyFile, applicationUrl, server.AdminApiToken);
}

try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
}

return 0;
