using IoTCentral.Emulator;

namespace IoTCentral.Module.Tests;

/// <summary>One emulator per test class, on a free loopback port, stopped when the class is done.</summary>
public class EmulatorFixture : IAsyncLifetime
{
    private EmulatorServer? server;

    public EmulatorServer Server => server ?? throw new InvalidOperationException("The emulator has not started.");

    public string ApplicationUrl => Server.ApplicationUrl.ToString().TrimEnd('/');

    public async Task InitializeAsync()
    {
        server = await EmulatorServer.StartAsync(Options());
    }

    // A small page size makes every list in these tests span several pages.
    protected virtual EmulatorOptions Options() => new() { Urls = "http://127.0.0.1:0", PageSize = 2 };

    public async Task DisposeAsync()
    {
        if (server != null)
        {
            await server.DisposeAsync();
        }
    }
}
