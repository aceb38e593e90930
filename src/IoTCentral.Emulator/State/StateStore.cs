using IoTCentral.Emulator.Auth;

namespace IoTCentral.Emulator.State;

/// <summary>
/// The thread-safe home of <see cref="EmulatorState"/>: one lock serializes readers and writers, and every write
/// is saved to the data directory (when there is one) before the lock is released. Write delegates must validate
/// before they mutate, so a thrown <see cref="Http.ApiException"/> leaves the state unchanged.
/// </summary>
internal sealed class StateStore
{
    private readonly Lock _gate = new();
    private readonly EmulatorState _state;
    private readonly StateFile? _file;

    public StateStore(EmulatorSettings settings, ApplicationSeed? seed = null)
    {
        _file = settings.DataDir is null ? null : new StateFile(settings.DataDir);
        var loaded = _file?.Load();
        _state = loaded ?? (seed ?? ApplicationSeed.Development).NewState();
        if (loaded is null)
        {
            _file?.Save(_state);
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
            var result = write(_state);
            _file?.Save(_state);
            return result;
        }
    }
}
