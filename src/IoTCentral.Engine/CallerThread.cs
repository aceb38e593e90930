using System;

namespace IoTCentral.Engine;

/// <summary>
/// Tells the engine that the thread starting a call will block until the call ends (a cmdlet waiting on the
/// pipeline thread). Then a request without a body (a read or a removal) is sent and its whole answer read on that
/// thread: the thread is waiting anyway, while handing the answer to the thread pool and waking the caller
/// afterwards costs thread switches that are a visible share of a loopback call. Calls started concurrently (bulk
/// work) stay asynchronous.
/// </summary>
public static class CallerThread
{
    [ThreadStatic]
    private static bool t_blocks;

    /// <summary>Whether the current thread said it blocks on the calls it starts.</summary>
    internal static bool Blocks => t_blocks;

    /// <summary>
    /// Until disposed, requests that this thread starts (not those resumed elsewhere after a wait, such as a retry's
    /// delay) are sent on it. Dispose on the same thread.
    /// </summary>
    public static IDisposable BeginBlockingScope()
    {
        var previous = t_blocks;
        t_blocks = true;
        return new Scope(previous);
    }

    private sealed class Scope : IDisposable
    {
        private readonly bool _previous;

        public Scope(bool previous) => _previous = previous;

        public void Dispose() => t_blocks = _previous;
    }
}
