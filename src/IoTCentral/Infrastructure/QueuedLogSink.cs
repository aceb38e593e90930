using System;
using System.Collections.Concurrent;
using IoTCentral.Engine;

namespace IoTCentral.Infrastructure
{
    /// <summary>
    /// The engine reports from whatever thread its awaits resume on; PowerShell streams may only be written
    /// from the pipeline thread. So messages wait here until the cmdlet drains them.
    /// </summary>
    internal sealed class QueuedLogSink : IRequestLogSink
    {
        private readonly ConcurrentQueue<LogMessage> messages = new ConcurrentQueue<LogMessage>();

        public void WriteVerbose(string message) => messages.Enqueue(new LogMessage(LogLevel.Verbose, message));

        public void WriteDebug(string message) => messages.Enqueue(new LogMessage(LogLevel.Debug, message));

        public void WriteWarning(string message) => messages.Enqueue(new LogMessage(LogLevel.Warning, message));

        internal void Drain(Action<LogMessage> write)
        {
            while (messages.TryDequeue(out var message))
            {
                write(message);
            }
        }
    }

    internal enum LogLevel
    {
        Verbose,
        Debug,
        Warning,
    }

    internal readonly struct LogMessage
    {
        internal LogMessage(LogLevel level, string text)
        {
            Level = level;
            Text = text;
        }

        internal LogLevel Level { get; }

        internal string Text { get; }
    }
}
