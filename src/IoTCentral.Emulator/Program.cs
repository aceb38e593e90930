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
Console.WriteLine($"Microsoft Entra stand-in (authority host): {server.AuthorityHost}");
Console.WriteLine($"Managed identity: IDENTITY_ENDPOINT={server.ManagedIdentityEndpoint} IDENTITY_HEADER={server.ManagedIdentityHeader}");
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

try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
}

return 0;
