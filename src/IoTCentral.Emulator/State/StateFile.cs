using System.Text.Json;
using IoTCentral.Emulator.Http;

namespace IoTCentral.Emulator.State;

/// <summary>
/// Reads <c>state.json</c>, the one-file format of earlier emulators (the whole state rewritten on every change),
/// so <see cref="StateDatabase"/> can take its content over once.
/// </summary>
internal sealed class StateFile(string directory)
{
    public const string FileName = "state.json";

    /// <summary>What a migrated <c>state.json</c> is renamed to: kept for the user, never read again.</summary>
    public const string MigratedFileName = "state.json.migrated";

    private sealed class Content
    {
        public int SchemaVersion { get; set; }

        public ApplicationRecord? Application { get; set; }

        public Dictionary<string, ApiTokenRecord> ApiTokens { get; set; } = [];

        public Dictionary<string, DeviceRecord> Devices { get; set; } = [];

        public Dictionary<string, UserRecord> Users { get; set; } = [];

        public Dictionary<string, DeviceTemplateRecord> DeviceTemplates { get; set; } = [];

        public Dictionary<string, OrganizationRecord> Organizations { get; set; } = [];

        public Dictionary<string, DeviceGroupRecord> DeviceGroups { get; set; } = [];

        public Dictionary<string, JobRecord> Jobs { get; set; } = [];
    }

    public string Path { get; } = System.IO.Path.Combine(directory, FileName);

    public bool Exists => File.Exists(Path);

    public EmulatorState Load()
    {
        try
        {
            using var stream = File.OpenRead(Path);
            var content = JsonSerializer.Deserialize<Content>(stream, EmulatorJson.Options) ?? throw new InvalidDataException("The file is empty.");
            if (content.SchemaVersion != EmulatorState.CurrentSchemaVersion)
            {
                throw new InvalidDataException($"Schema version {content.SchemaVersion} is not supported (expected {EmulatorState.CurrentSchemaVersion}).");
            }

            var state = new EmulatorState { Application = content.Application ?? throw new InvalidDataException("The application is missing.") };
            Fill(state.ApiTokens, content.ApiTokens);
            Fill(state.Devices, content.Devices);
            Fill(state.Users, content.Users);
            Fill(state.DeviceTemplates, content.DeviceTemplates);
            Fill(state.Organizations, content.Organizations);
            Fill(state.DeviceGroups, content.DeviceGroups);
            Fill(state.Jobs, content.Jobs);
            return state;
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or FormatException)
        {
            throw new InvalidOperationException($"The emulator state file '{Path}' cannot be read: {e.Message}", e);
        }
    }

    /// <summary>Keeps the file for the user under another name, so the next start does not migrate it again.</summary>
    public void Retire() => File.Move(Path, System.IO.Path.Combine(directory, MigratedFileName), overwrite: true);

    private static void Fill<T>(RecordIndex<T> index, Dictionary<string, T> records) where T : class
    {
        foreach (var (id, record) in records)
        {
            index[id] = record; // counted as changes: the migration writes them all to the database
        }
    }
}
