using System.Text.Json;
using IoTCentral.Emulator.Http;
using Microsoft.Data.Sqlite;

namespace IoTCentral.Emulator.State;

/// <summary>
/// The state of a data directory in <c>state.db</c> (SQLite): one row per record, written as the record changes, so
/// a write costs the same with 10 or 100,000 devices stored. Write-ahead logging with <c>synchronous=NORMAL</c>:
/// a committed change survives the emulator being killed (the log is in the operating system's hands once the
/// commit returns), though not a power cut in the following moment, which is enough for a development stand-in
/// and keeps a write free of fsync. Not thread-safe: <see cref="StateStore"/> serializes the calls and batches
/// concurrent writes into one transaction.
/// </summary>
internal sealed class StateDatabase : IDisposable
{
    public const string FileName = "state.db";

    private const string SchemaVersionKey = "schemaVersion";
    private const string ApplicationKey = "application";

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _upsert;
    private readonly SqliteCommand _delete;

    public StateDatabase(string directory)
    {
        Directory.CreateDirectory(directory);
        Path = System.IO.Path.Combine(directory, FileName);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        try
        {
            _connection.Open();
            // One statement per command: the pragmas must each run, and the first returns a row.
            Execute("PRAGMA journal_mode = WAL");
            Execute("PRAGMA synchronous = NORMAL");
            Execute("""
                CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
                CREATE TABLE IF NOT EXISTS records (kind TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (kind, id)) WITHOUT ROWID;
                """);
        }
        catch (SqliteException e)
        {
            _connection.Dispose();
            throw new InvalidOperationException($"The emulator state database '{Path}' cannot be opened: {e.Message}", e);
        }

        _upsert = Prepare("INSERT INTO records (kind, id, body) VALUES ($kind, $id, $body) ON CONFLICT (kind, id) DO UPDATE SET body = excluded.body",
            "$kind", "$id", "$body");
        _delete = Prepare("DELETE FROM records WHERE kind = $kind AND id = $id", "$kind", "$id");
    }

    public string Path { get; }

    /// <summary>The stored state, or null when the database holds none yet.</summary>
    public EmulatorState? Load()
    {
        try
        {
            var meta = ReadMeta();
            if (!meta.TryGetValue(ApplicationKey, out var applicationJson))
            {
                return null;
            }

            if (meta.GetValueOrDefault(SchemaVersionKey) != EmulatorState.CurrentSchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                throw new InvalidDataException($"Schema version {meta.GetValueOrDefault(SchemaVersionKey)} is not supported (expected {EmulatorState.CurrentSchemaVersion}).");
            }

            var state = new EmulatorState { Application = Deserialize<ApplicationRecord>(applicationJson) };
            var collections = state.Collections.ToDictionary(c => c.Kind, StringComparer.Ordinal);
            using var select = _connection.CreateCommand();
            select.CommandText = "SELECT kind, id, body FROM records";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                if (collections.TryGetValue(reader.GetString(0), out var collection))
                {
                    collection.Load(reader.GetString(1), JsonSerializer.Deserialize(reader.GetString(2), collection.RecordType, EmulatorJson.Options)
                        ?? throw new InvalidDataException($"The record '{reader.GetString(1)}' is empty."));
                }
            }

            return state;
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or FormatException or SqliteException)
        {
            throw new InvalidOperationException($"The emulator state database '{Path}' cannot be read: {e.Message}", e);
        }
    }

    /// <summary>Stores a new state whole: the application and every record (a first start, or a migrated state.json).</summary>
    public void Create(EmulatorState state)
    {
        using var transaction = _connection.BeginTransaction();
        WriteMeta(SchemaVersionKey, EmulatorState.CurrentSchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), transaction);
        WriteMeta(ApplicationKey, JsonSerializer.Serialize(state.Application, EmulatorJson.Options), transaction);
        WriteChanges(state.Collections.SelectMany(c => c.TakeChanges().Select(change => new StateChange(c, change.Id, change.Record))), transaction);
        transaction.Commit();
    }

    /// <summary>Writes <paramref name="changes"/> in order in one transaction; returns once it is committed.</summary>
    public void SaveChanges(IReadOnlyList<StateChange> changes)
    {
        if (changes.Count == 0)
        {
            return;
        }

        using var transaction = _connection.BeginTransaction();
        WriteChanges(changes, transaction);
        transaction.Commit();
    }

    public void Dispose()
    {
        _upsert.Dispose();
        _delete.Dispose();
        _connection.Dispose();
    }

    private void WriteChanges(IEnumerable<StateChange> changes, SqliteTransaction transaction)
    {
        _upsert.Transaction = transaction;
        _delete.Transaction = transaction;
        foreach (var (collection, id, record) in changes)
        {
            var command = record is null ? _delete : _upsert;
            command.Parameters[0].Value = collection.Kind;
            command.Parameters[1].Value = id;
            if (record is not null)
            {
                command.Parameters[2].Value = JsonSerializer.Serialize(record, collection.RecordType, EmulatorJson.Options);
            }

            command.ExecuteNonQuery();
        }
    }

    private Dictionary<string, string> ReadMeta()
    {
        using var select = _connection.CreateCommand();
        select.CommandText = "SELECT key, value FROM meta";
        using var reader = select.ExecuteReader();
        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            meta[reader.GetString(0)] = reader.GetString(1);
        }

        return meta;
    }

    private void WriteMeta(string key, string value, SqliteTransaction transaction)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO meta (key, value) VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$value", value);
        command.ExecuteNonQuery();
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(name, SqliteType.Text);
        }

        return command;
    }

    private static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, EmulatorJson.Options) ?? throw new InvalidDataException($"The stored {typeof(T).Name} is empty.");
}
