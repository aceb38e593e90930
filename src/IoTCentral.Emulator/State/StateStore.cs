using IoTCentral.Emulator.Auth;

namespace IoTCentral.Emulator.State;

/// <summary>
/// The thread-safe home of <see cref="EmulatorState"/>: one lock serializes readers and writers, and what a write
/// changed is committed to the data directory's database (when there is one) before the lock is released, so an
/// answered write is stored. Write delegates must validate before they mutate, so a thrown
/// <see cref="Http.ApiException"/> leaves the state unchanged. Readers hold the lock only to pick records (a page
/// is found in O(page size + log n)); responses are built outside it.
/// </summary>
internal sealed class StateStore : IDisposable
{
    private readonly Lock _gate = new();
    private readonly EmulatorState _state;
    private readonly StateDatabase? _database;

    public StateStore(EmulatorSettings settings)
    {
        if (settings.DataDir is null)
        {
            _state = new EmulatorState { Application = DevelopmentApplication.Create() };
            return;
        }

        _database = new StateDatabase(settings.DataDir);
        try
        {
            _state = _database.Load() ?? Migrate(settings.DataDir, _database);
        }
        catch
        {
            _database.Dispose();
            throw;
        }
    }

    public T Read<T>(Func<EmulatorState, T> read)
    {
        lock (_gate)
        {
            return read(_state);
        }
    }

    public T Write<T>(Func<EmulatorState, T> write)
    {
        lock (_gate)
        {
            try
            {
                return write(_state);
            }
            finally
            {
                // Also after a throw: whatever the delegate did change is in memory, so it is stored too.
                _database?.SaveChanges(_state);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _database?.Dispose();
        }
    }

    /// <summary>A new database starts from the directory's <c>state.json</c> (earlier emulators) when there is one.</summary>
    private static EmulatorState Migrate(string directory, StateDatabase database)
    {
        var file = new StateFile(directory);
        var state = file.Exists ? file.Load() : new EmulatorState { Application = DevelopmentApplication.Create() };
        database.Create(state);
        if (file.Exists)
        {
            file.Retire();
        }

        return state;
    }
}
