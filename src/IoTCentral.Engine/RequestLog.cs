using System;
using System.Threading;

namespace IoTCentral.Engine;

/// <summary>Routes request diagnostics to the sink of the caller's async flow (one cmdlet invocation).</summary>
public static class RequestLog
{
    // AsyncLocal rather than a client property: one client serves many cmdlet invocations, possibly at once.
    private static readonly AsyncLocal<Listener?> CurrentListener = new();

    internal static IRequestLogSink? Current => CurrentListener.Value?.Sink;

    /// <summary>Sends the log of the calls started in this async flow to <paramref name="sink"/>, every level.</summary>
    public static IDisposable BeginScope(IRequestLogSink sink) => BeginScope(sink, verbose: true, debug: true);

    /// <summary>
    /// As above, saying which levels the sink will show: what no one will see is not composed (a response body is
    /// parsed for redaction only when debug output is wanted). Warnings always go to the sink.
    /// </summary>
    public static IDisposable BeginScope(IRequestLogSink sink, bool verbose, bool debug)
    {
        if (sink is null)
        {
            throw new ArgumentNullException(nameof(sink));
        }

        var previous = CurrentListener.Value;
        CurrentListener.Value = new Listener(sink, verbose, debug);
        return new Scope(previous);
    }

    internal static void Verbose(string message) => Write(sink => sink.WriteVerbose(message));

    internal static void Debug(string message) => Write(sink => sink.WriteDebug(message));

    internal static void Warning(string message) => Write(sink => sink.WriteWarning(message));

    /// <summary>Whether anything of a request's own log (the verbose line, or the debug details) will be shown.</summary>
    internal static bool IsEnabled => CurrentListener.Value is { } listener && (listener.Verbose || listener.Debug);

    internal static bool IsDebugEnabled => CurrentListener.Value is { Debug: true };

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

    private sealed class Listener
    {
        public Listener(IRequestLogSink sink, bool verbose, bool debug)
        {
            Sink = sink;
            Verbose = verbose;
            Debug = debug;
        }

        public IRequestLogSink Sink { get; }

        public bool Verbose { get; }

        public bool Debug { get; }
    }

    private sealed class Scope : IDisposable
    {
        private readonly Listener? _previous;
        private int _disposed;

        public Scope(Listener? previous) => _previous = previous;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                CurrentListener.Value = _previous;
            }
        }
    }
}
