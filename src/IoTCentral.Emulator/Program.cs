using System.Diagnostics;
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

Process? parent = null;
if (commandLine.ParentProcessId is { } parentId)
{
    try
    {
        parent = ParentProcess.TryOpen(parentId);
    }
    catch (FormatException e)
    {
        Console.Error.WriteLine(e.Message);
        return 2;
    }

    if (parent is null)
    {
        // The process that should own this emulator is gone, so nobody would ever stop it.
        Console.Error.WriteLine($"Process {parentId} (--parent-process-id) is not running; not starting.");
        return 3;
    }
}

using var parentHandle = parent;

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
Console.WriteLine($"Microsoft Entra stand-in (authority host): {server.AuthorityHost}");
Console.WriteLine($"Managed identity: IDENTITY_ENDPOINT={server.ManagedIdentityEndpoint} IDENTITY_HEADER={server.ManagedIdentityHeader}");
Console.WriteLine($"Management endpoint (Azure Resource Manager stand-in): {server.ManagementUrl} (subscription {server.SubscriptionId})");
Console.WriteLine($"TLS certificate (self-signed) SHA-256 thumbprint: {server.TlsCertificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256)}");
if (commandLine.ExportCertificate is { } certificatePath)
{
    TlsCertificate.Export(server.TlsCertificate, certificatePath);
    Console.WriteLine($"TLS certificate written to {Path.GetFullPath(certificatePath)}");
}

Console.WriteLine(commandLine.Options.DataDir is { } dir ? $"State is kept in {Path.GetFullPath(dir)}" : "State is kept in memory only.");
Console.WriteLine("Press Ctrl+C to stop.");
if (commandLine.ReadyFile is { } readyFile)
{
    ReadyFile.Write(readyFile, applicationUrl, server);
}

// WhenAny never throws: a cancelled wait (Ctrl+C, SIGTERM) simply finishes it.
var stopped = Task.Delay(Timeout.Infinite, stop.Token);
var finished = await Task.WhenAny(parent is null ? [stopped] : [stopped, parent.WaitForExitAsync(stop.Token)]);
if (finished != stopped)
{
    Console.WriteLine($"Process {commandLine.ParentProcessId} (--parent-process-id) ended; stopping.");
}

return 0;
