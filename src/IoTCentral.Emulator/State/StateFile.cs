using System.Text.Json;
using IoTCentral.Emulator.Http;

namespace IoTCentral.Emulator.State;

/// <summary>
/// Persists <see cref="EmulatorState"/> as one JSON file (<c>state.json</c>) in the data directory, replaced
/// atomically (write to a temporary file, then move) on every change.
/// </summary>
internal sealed class StateFile(string directory)
{
    public const string FileName = "state.json";

    private readonly string _path = Path.Combine(directory, FileName);

    public EmulatorState? Load()
    {
        if (!File.Exists(_path))
        {
            return null;
        }

        try
        {
            using var stream = File.OpenRead(_path);
            var state = JsonSerializer.Deserialize<EmulatorState>(stream, EmulatorJson.Options)
                ?? throw new InvalidDataException("The file is empty.");
            if (state.SchemaVersion != EmulatorState.CurrentSchemaVersion)
            {
                throw new InvalidDataException($"Schema version {state.SchemaVersion} is not supported (expected {EmulatorState.CurrentSchemaVersion}).");
            }

            // Keep the comparers ordinal whatever the deserializer chose.
            state.ApiTokens = new Dictionary<string, ApiTokenRecord>(state.ApiTokens, StringComparer.Ordinal);
            state.Devices = new Dictionary<string, DeviceRecord>(state.Devices, StringComparer.Ordinal);
            state.Users = new Dictionary<string, UserRecord>(state.Users, StringComparer.Ordinal);
            state.DeviceTemplates = new Dictionary<string, DeviceTemplateRecord>(state.DeviceTemplates, StringComparer.Ordinal);
            state.Organizations = new Dictionary<string, OrganizationRecord>(state.Organizations, StringComparer.Ordinal);
            state.DeviceGroups = new Dictionary<string, DeviceGroupRecord>(state.DeviceGroups, StringComparer.Ordinal);
            state.Jobs = new Dictionary<string, JobRecord>(state.Jobs, StringComparer.Ordinal);
            return state;
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or FormatException)
        {
            throw new InvalidOperationException($"The emulator state file '{_path}' cannot be read: {e.Message}", e);
        }
    }

    public void Save(EmulatorState state)
    {
        Directory.CreateDirectory(directory);
        var temporary = _path + ".tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(state, EmulatorJson.Options));
        File.Move(temporary, _path, overwrite: true);
    }
}
