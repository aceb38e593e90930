using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using IoTCentral.Engine;

namespace IoTCentral.Infrastructure
{
    /// <summary>
    /// The engine reports from whatever thread its awaits resume on; PowerShell streams may only be written
    /// from the pipeline thread. So messages wait here while the pipeline thread, blocked on the call, wakes for
    /// each one and writes it: a retry's warning shows while its wait is still going on, not after the call.
    /// </summary>
    internal sealed class QueuedLogSink : IRequestLogSink
    {
        private readonly ConcurrentQueue<LogMessage> messages = new ConcurrentQueue<LogMessage>();
        private readonly object gate = new object();

        public void WriteVerbose(string message) => Enqueue(new LogMessage(LogLevel.Verbose, message));

        public void WriteDebug(string message) => Enqueue(new LogMessage(LogLevel.Debug, message));

        public void WriteWarning(string message) => Enqueue(new LogMessage(LogLevel.Warning, message));

        /// <summary>Starts an engine call with this process's log routed to a new sink, and relays the log until the call ends.</summary>
        internal static T Run<T>(Func<Task<T>> start, Action<LogMessage> write, bool verbose = true, bool debug = true)
        {
            var sink = new QueuedLogSink();
            try
            {
                Task<T> task;
                // This thread waits for the call below, so the engine may send on it (see CallerThread).
                using (RequestLog.BeginScope(sink, verbose, debug))
                using (CallerThread.BeginBlockingScope())
                {
                    task = start();
                }

                sink.RelayUntilComplete(task, write);
                return task.GetAwaiter().GetResult();
            }
            finally
            {
                sink.Drain(write);
            }
        }

        internal void Drain(Action<LogMessage> write)
        {
            while (messages.TryDequeue(out var message))
            {
                write(message);
            }
        }

        /// <summary>Blocks the pipeline thread until <paramref name="task"/> ends, writing messages as they come.</summary>
        internal void RelayUntilComplete(Task task, Action<LogMessage> write)
        {
            if (task.IsCompleted)
            {
                // Sent and answered on this thread (see CallerThread): nothing to wait for, and a continuation would
                // only run inline to wake nobody.
                Drain(write);
                return;
            }

            task.ContinueWith(_ => Wake(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            while (!task.IsCompleted)
            {
                lock (gate)
                {
                    // Checked under the lock that Wake takes, so a message or the end of the call cannot slip in unseen.
                    if (messages.IsEmpty && !task.IsCompleted)
                    {
                        Monitor.Wait(gate);
                    }
                }

                Drain(write);
            }
        }

        private void Enqueue(LogMessage message)
        {
            messages.Enqueue(message);
            Wake();
        }

        private void Wake()
        {
            lock (gate)
            {
                Monitor.PulseAll(gate);
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
