using IoTCentral.Emulator.Auth;

namespace IoTCentral.Emulator.State;

/// <summary>
/// The thread-safe home of <see cref="EmulatorState"/>: one lock serializes readers and writers, and what a write
/// changed is committed to the data directory's database (when there is one) before the write returns, so an
/// answered write is stored. Write delegates must validate before they mutate, so a thrown
/// <see cref="Http.ApiException"/> leaves the state unchanged. Readers hold the lock only to pick records (a page
/// is found in O(page size + log n)); responses are built outside it.
/// </summary>
internal sealed class StateStore : IDisposable
{
    private readonly Lock _gate = new();
    private readonly EmulatorState _state;
    private readonly StateDatabase? _database;
    private readonly SemaphoreSlim _work = new(0);
    private readonly Thread? _committer;
    private volatile bool _stopping;

    // Changes made in memory and not yet committed, in the order they were made, and the writes waiting for them
    // (both guarded by _gate).
    private List<StateChange> _uncommitted = [];
    private List<TaskCompletionSource> _waiting = [];

    public StateStore(EmulatorSettings settings, ApplicationSeed? seed = null)
    {
        var fresh = seed ?? ApplicationSeed.Development;
        if (settings.DataDir is null)
        {
            _state = fresh.NewState();
            return;
        }

        _database = new StateDatabase(settings.DataDir);
        try
        {
            _state = _database.Load() ?? Migrate(settings.DataDir, _database, fresh);
        }
        catch
        {
            _database.Dispose();
            throw;
        }

        _committer = new Thread(CommitLoop) { IsBackground = true, Name = "emulator state commits" };
        _committer.Start();
    }

    public T Read<T>(Func<EmulatorState, T> read)
    {
        lock (_gate)
        {
            return read(_state);
        }
    }

    /// <summary>Runs <paramref name="write"/> and returns once what it changed is committed to the data directory.</summary>
    public T Write<T>(Func<EmulatorState, T> write) => WriteAsync(write).GetAwaiter().GetResult();

    /// <summary>
    /// Runs <paramref name="write"/> now and completes once what it changed is committed. Commits are grouped: the
    /// writes made while one transaction is written share the next, so concurrent requests do not queue for the disk
    /// one by one, and no thread is held while they wait.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<EmulatorState, T> write)
    {
        T result;
        TaskCompletionSource? committed;
        lock (_gate)
        {
            try
            {
                result = write(_state);
            }
            finally
            {
                // Also after a throw: whatever the delegate did change is in memory, so it is stored too.
                committed = TakeChanges();
            }
        }

        if (committed is not null)
        {
            _work.Release();
            await committed.Task.ConfigureAwait(false);
        }

        return result;
    }

    public void Dispose()
    {
        if (_committer is not null)
        {
            _stopping = true;
            _work.Release();
            _committer.Join();
        }

        _database?.Dispose();
    }

    private TaskCompletionSource? TakeChanges()
    {
        if (_database is null)
        {
            return null;
        }

        var count = _uncommitted.Count;
        foreach (var collection in _state.Collections)
        {
            foreach (var (id, record) in collection.TakeChanges())
            {
                _uncommitted.Add(new StateChange(collection, id, record));
            }
        }

        if (_uncommitted.Count == count)
        {
            return null;
        }

        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting.Add(committed);
        return committed;
    }

    private void CommitLoop()
    {
        while (true)
        {
            _work.Wait();
            List<StateChange> batch;
            List<TaskCompletionSource> waiting;
            lock (_gate)
            {
                (batch, _uncommitted) = (_uncommitted, []);
                (waiting, _waiting) = (_waiting, []);
            }

            if (batch.Count > 0)
            {
                try
                {
                    _database!.SaveChanges(batch);
                    waiting.ForEach(w => w.SetResult());
                }
                catch (Exception e)
                {
                    waiting.ForEach(w => w.SetException(new InvalidOperationException($"The change could not be stored in '{_database!.Path}': {e.Message}", e)));
                }
            }

            if (_stopping)
            {
                return;
            }
        }
    }

    /// <summary>A new database starts from the directory's <c>state.json</c> (earlier emulators) when there is one.</summary>
    private static EmulatorState Migrate(string directory, StateDatabase database, ApplicationSeed fresh)
    {
        var file = new StateFile(directory);
        var state = file.Exists ? file.Load() : fresh.NewState();
        database.Create(state);
        if (file.Exists)
        {
            file.Retire();
        }

        return state;
    }
}

/// <summary>One record written (or removed: <see cref="Record"/> null) in a collection.</summary>
internal sealed record StateChange(IRecordIndex Collection, string Id, object? Record);
