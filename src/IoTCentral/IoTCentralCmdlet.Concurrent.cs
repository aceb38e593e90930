using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IoTCentral.Engine;
using IoTCentral.Infrastructure;
using IoTCentral.Models;

namespace IoTCentral
{
    /// <summary>
    /// Bulk work: a command that acts on many piped items submits each item's request with <see cref="Submit{T}"/>,
    /// and up to <see cref="ThrottleLimitValue"/> of them run at once (the session's pace still spaces the requests).
    /// The requests are started on the pipeline thread, which then goes on reading input; results, errors, the
    /// request log and progress are all written on the pipeline thread, in input order, as the oldest request ends.
    /// </summary>
    public abstract partial class IoTCentralCmdlet
    {
        private const int ProgressActivityId = 0x10C;

        // Its own bar: a bulk command may read a list (such as the roles) while its own progress is showing.
        private const int ListingProgressId = ProgressActivityId + 1;
        private static readonly long ProgressInterval = Stopwatch.Frequency / 4;

        // Finished results kept back behind a slower, older request (bounds memory when one request retries long).
        private const int MaxWaitingResults = 256;

        private readonly Queue<Submitted> running = new Queue<Submitted>();
        private QueuedLogSink? runningLog;
        private int submitted;
        private int finished;
        private int failed;
        private long lastProgress;
        private bool progressShown;

        /// <summary>How many requests of this command may run at once; 1 (the default) waits for each in turn.</summary>
        protected virtual int ThrottleLimitValue => 1;

        /// <summary>What the progress bar says the command does, e.g. "Creating devices".</summary>
        protected virtual string ProgressActivity => MyInvocation.MyCommand.Name;

        /// <summary>What the progress bar of a paged listing says, e.g. "Get-IoTCentralDevice: reading pages".</summary>
        private string ListingActivity => MyInvocation.MyCommand.Name + ": reading pages";

        /// <summary>
        /// Runs one item's request. The outcome is reported later, on the pipeline thread and in input order:
        /// <paramref name="succeeded"/> gets the result (it may write output), and a failure becomes an error for
        /// <paramref name="item"/> alone (or stops the command, for sign-in and permission failures), as with TryCall.
        /// </summary>
        protected void Submit<T>(Func<IoTCentralClient, CancellationToken, Task<T>> call, object item, Action<T>? succeeded)
        {
            var session = target ??= DefaultTarget();
            if (ThrottleLimitValue <= 1)
            {
                submitted++;
                var ok = TryCall(call, item, out var result);
                if (ok)
                {
                    succeeded?.Invoke(result);
                }

                Count(ok);
                return;
            }

            var client = Client;
            var log = runningLog ??= new QueuedLogSink();
            Task<T> task;
            var (verbose, debug) = LogLevels();
            using (RequestLog.BeginScope(log, verbose, debug))
            {
                // The engine's calls are asynchronous all the way down, so starting one here only sends it off.
                task = StartSafely(call, client);
            }

            submitted++;
            running.Enqueue(new Submitted(task, item, session, () =>
            {
                // Read first: succeeded?.Invoke(...) would skip reading, and so the failure, when there is no handler.
                var result = task.GetAwaiter().GetResult();
                succeeded?.Invoke(result);
            }));
            WriteFinishedItems();
            while (running.Count >= MaxWaitingResults || Unfinished() >= ThrottleLimitValue)
            {
                if (running.Count >= MaxWaitingResults)
                {
                    WriteOldest();
                    continue;
                }

                // A slot frees when any request ends, not only the oldest: one request waiting out a retry delay
                // must not hold up the others. Results still wait for their turn, to keep the input order.
                var unfinished = running.Where(r => !r.Task.IsCompleted).Select(r => r.Task).ToList();
                if (unfinished.Count > 0)
                {
                    runningLog.RelayUntilComplete(Task.WhenAny(unfinished), WriteLog);
                }

                WriteFinishedItems();
            }
        }

        private int Unfinished() => running.Count(r => !r.Task.IsCompleted);

        protected void Submit(Func<IoTCentralClient, CancellationToken, Task> call, object item) =>
            Submit<object?>(
                async (c, ct) =>
                {
                    await call(c, ct).ConfigureAwait(false);
                    return null;
                },
                item,
                null);

        private Task<T> StartSafely<T>(Func<IoTCentralClient, CancellationToken, Task<T>> call, IoTCentralClient client)
        {
            try
            {
                return call(client, StopToken);
            }
            catch (Exception e)
            {
                // A call that fails before its first await is reported like one that fails later.
                var failedTask = new TaskCompletionSource<T>();
                failedTask.SetException(e);
                return failedTask.Task;
            }
        }

        private void WriteFinishedItems()
        {
            while (running.Count > 0 && running.Peek().Task.IsCompleted)
            {
                WriteOldest();
            }
        }

        private void WriteRemainingItems()
        {
            while (running.Count > 0)
            {
                WriteOldest();
            }

            if (progressShown)
            {
                WriteProgress(new ProgressRecord(ProgressActivityId, ProgressActivity, "Done") { RecordType = ProgressRecordType.Completed });
                progressShown = false;
            }
        }

        private void WriteOldest()
        {
            var oldest = running.Peek();
            runningLog!.RelayUntilComplete(oldest.Task, WriteLog);
            runningLog.Drain(WriteLog);
            running.Dequeue();

            // Output is stamped with the application of the item it answers, not of the latest input.
            var current = target;
            target = oldest.Session;
            try
            {
                bool ok;
                try
                {
                    oldest.Succeeded();
                    ok = true;
                }
                catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
                {
                    throw new PipelineStoppedException();
                }
                catch (IoTCentralException exception)
                {
                    ReportServiceError(exception, oldest.Item);
                    ok = false;
                }

                Count(ok);
            }
            finally
            {
                target = current;
            }
        }

        private void Count(bool ok)
        {
            finished++;
            if (!ok)
            {
                failed++;
            }

            // Progress from the second item on, a few times a second: one request needs no bar, and a bar per item
            // would cost more than the request on a fast connection.
            var now = Stopwatch.GetTimestamp();
            if (submitted < 2 || now - lastProgress < ProgressInterval)
            {
                return;
            }

            lastProgress = now;
            progressShown = true;
            var status = string.Format(CultureInfo.InvariantCulture, "{0} done, {1} failed, {2} running", finished, failed, running.Count);
            WriteProgress(new ProgressRecord(ProgressActivityId, ProgressActivity, status));
        }

        /// <summary>
        /// Items read so far by a paged listing, with no percentage: the service does not say how many there are.
        /// Shown after a page that has another after it, then a few times a second, and completed at the end.
        /// </summary>
        private sealed class ListingProgress
        {
            private readonly IoTCentralCmdlet owner;
            private long read;
            private long lastShown;
            private bool shown;

            internal ListingProgress(IoTCentralCmdlet owner)
            {
                this.owner = owner;
            }

            internal void PageRead(int items, bool more)
            {
                read += items;
                var now = Stopwatch.GetTimestamp();
                if (!more || (shown && now - lastShown < ProgressInterval))
                {
                    return;
                }

                lastShown = now;
                shown = true;
                var status = string.Format(CultureInfo.InvariantCulture, "{0} read so far", read);
                owner.WriteProgress(new ProgressRecord(ListingProgressId, owner.ListingActivity, status));
            }

            internal void Complete()
            {
                if (shown)
                {
                    var status = string.Format(CultureInfo.InvariantCulture, "{0} read", read);
                    owner.WriteProgress(new ProgressRecord(ListingProgressId, owner.ListingActivity, status) { RecordType = ProgressRecordType.Completed });
                    shown = false;
                }
            }
        }

        private sealed class Submitted
        {
            internal Submitted(Task task, object item, IoTCentralSession session, Action succeeded)
            {
                Task = task;
                Item = item;
                Session = session;
                Succeeded = succeeded;
            }

            internal Task Task { get; }

            internal object Item { get; }

            internal IoTCentralSession Session { get; }

            /// <summary>Rethrows the request's failure, or hands its result on.</summary>
            internal Action Succeeded { get; }
        }
    }
}
