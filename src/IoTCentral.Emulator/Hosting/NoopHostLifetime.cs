using Microsoft.Extensions.Hosting;

namespace IoTCentral.Emulator.Hosting;

/// <summary>
/// Keeps the host from hooking Ctrl+C/SIGTERM: several emulators may run in one process (tests), and the owner
/// (<see cref="EmulatorServer"/> or the command line) decides when to stop.
/// </summary>
internal sealed class NoopHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
