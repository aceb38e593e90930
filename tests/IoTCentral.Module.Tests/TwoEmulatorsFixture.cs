namespace IoTCentral.Module.Tests;

/// <summary>Two applications at once, so that tests can tell which one a piped object acted on.</summary>
public sealed class TwoEmulatorsFixture : IAsyncLifetime
{
    public EmulatorFixture A { get; } = new();

    public EmulatorFixture B { get; } = new();

    public Task InitializeAsync() => Task.WhenAll(A.InitializeAsync(), B.InitializeAsync());

    public Task DisposeAsync() => Task.WhenAll(A.DisposeAsync(), B.DisposeAsync());
}
