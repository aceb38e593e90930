using System;
using System.Threading;

namespace IoTCentral.Engine;

/// <summary>Routes request diagnostics to the sink of the caller's async flow (one cmdlet invocation).</summary>
public static class RequestLog
{
    // AsyncLocal rather than a client property: one client serves many cmdlet invocations, possibly at once.
    private static readonly AsyncLocal<IRequestLogSink?> CurrentSink = new();

    internal static IRequestLogSink? Current => CurrentSink.Value;

    public static IDisposable BeginScope(IRequestLogSink sink)
    {
        if (sink is null)
        {
            throw new ArgumentNullException(nameof(sink));
        }

        var previous = CurrentSink.Value;
        CurrentSink.Value = sink;
        return new Scope(previous);
    }

    internal static void Verbose(string message) => Write(sink => sink.WriteVerbose(message));

    internal static void Debug(string message) => Write(sink => sink.WriteDebug(message));

    internal static void Warning(string message) => Write(sink => sink.WriteWarning(message));

    internal static bool IsEnabled => Current is not null;

    private static void Write(Action<IRequestLogSink> write)
    {
        var sink = Current;
        if (sink is null)
        {
            return;
        }

        try
        {
            write(sink);
        }
        catch (Exception)
        {
            // Diagnostics must never change the outcome of the request they describe.
        }
    }

    private sealed class Scope : IDisposable
    {
        private readonly IRequestLogSink? _previous;
        private int _disposed;

        public Scope(IRequestLogSink? previous) => _previous = previous;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                CurrentSink.Value = _previous;
            }
        }
    }
}
