using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace IoTCentral.Engine.Tests.Support;

public sealed class RecordingSink : IRequestLogSink
{
    private readonly ConcurrentQueue<(string Level, string Message)> _messages = new();

    public IReadOnlyList<string> Verbose => Of("verbose");

    public IReadOnlyList<string> Debug => Of("debug");

    public IReadOnlyList<string> Warnings => Of("warning");

    public string All => string.Join("\n", _messages.Select(m => m.Message));

    public void WriteVerbose(string message) => _messages.Enqueue(("verbose", message));

    public void WriteDebug(string message) => _messages.Enqueue(("debug", message));

    public void WriteWarning(string message) => _messages.Enqueue(("warning", message));

    private IReadOnlyList<string> Of(string level) => _messages.Where(m => m.Level == level).Select(m => m.Message).ToArray();
}
