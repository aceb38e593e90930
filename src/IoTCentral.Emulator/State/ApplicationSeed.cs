using IoTCentral.Emulator.Auth;

namespace IoTCentral.Emulator.State;

/// <summary>
/// What a new application's state starts with: its identity (id, ID scope, token signing key) and its first users.
/// The development application is the well-known one; each application created through the management endpoint
/// gets a random identity, so an API token of one application is refused by every other.
/// </summary>
internal sealed record ApplicationSeed(ApplicationRecord Application, IReadOnlyList<UserRecord> Users)
{
    public static ApplicationSeed Development { get; } = new(DevelopmentApplication.Create(), []);

    public EmulatorState NewState()
    {
        var state = new EmulatorState { Application = Application };
        foreach (var user in Users)
        {
            state.Users[user.Id] = user;
        }

        return state;
    }
}
