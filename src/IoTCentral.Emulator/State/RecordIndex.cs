using System.Collections.Immutable;

namespace IoTCentral.Emulator.State;

/// <summary>One persisted collection of <see cref="EmulatorState"/>, as <see cref="StateStore"/> sees it.</summary>
internal interface IRecordIndex
{
    /// <summary>The collection's name in the database (<c>devices</c>, <c>users</c>, ...).</summary>
    string Kind { get; }

    Type RecordType { get; }

    /// <summary>The ids written or removed since the last call, with the record now stored (null: removed).</summary>
    IReadOnlyList<(string Id, object? Record)> TakeChanges();

    /// <summary>Puts a record read from storage, without counting it as a change.</summary>
    void Load(string id, object record);
}

/// <summary>
/// Records by id, with an ordinal order kept beside them so a page of a list costs O(page size + log n) however
/// many records there are (a balanced tree of ids, not a copy and sort per page). Not thread-safe: the
/// <see cref="StateStore"/> lock guards it. Every write is remembered until <see cref="TakeChanges"/>, so a
/// store writes only what changed.
/// </summary>
internal sealed class RecordIndex<T>(string kind) : IRecordIndex where T : class
{
    private readonly Dictionary<string, T> _records = new(StringComparer.Ordinal);
    private readonly Dictionary<string, T?> _changes = new(StringComparer.Ordinal);
    private ImmutableSortedSet<string> _order = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);

    public string Kind => kind;

    public Type RecordType => typeof(T);

    public int Count => _records.Count;

    public IEnumerable<T> Values => _records.Values;

    public T this[string id]
    {
        get => _records[id];
        set
        {
            if (!_records.ContainsKey(id))
            {
                _order = _order.Add(id);
            }

            _records[id] = value;
            _changes[id] = value;
        }
    }

    public bool ContainsKey(string id) => _records.ContainsKey(id);

    public bool TryGetValue(string id, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out T record) => _records.TryGetValue(id, out record);

    public T? GetValueOrDefault(string id) => _records.GetValueOrDefault(id);

    public void Add(string id, T record)
    {
        if (_records.ContainsKey(id))
        {
            throw new ArgumentException($"'{id}' is already stored.", nameof(id));
        }

        this[id] = record;
    }

    public bool Remove(string id)
    {
        if (!_records.Remove(id))
        {
            return false;
        }

        _order = _order.Remove(id);
        _changes[id] = null;
        return true;
    }

    /// <summary>Up to <paramref name="count"/> records whose ids follow <paramref name="after"/> (all when null), in ordinal order.</summary>
    public IReadOnlyList<T> After(string? after, int count)
    {
        var order = _order;
        var start = 0;
        if (after is not null)
        {
            // IndexOf gives the complement of the insertion point when the id is gone (removed since the last page).
            var index = order.IndexOf(after);
            start = index >= 0 ? index + 1 : ~index;
        }

        var page = new List<T>(Math.Max(0, Math.Min(count, order.Count - start)));
        for (var i = start; i < order.Count && page.Count < count; i++)
        {
            page.Add(_records[order[i]]);
        }

        return page;
    }

    public IReadOnlyList<(string Id, object? Record)> TakeChanges()
    {
        if (_changes.Count == 0)
        {
            return [];
        }

        var changes = _changes.Select(change => (change.Key, (object?)change.Value)).ToList();
        _changes.Clear();
        return changes;
    }

    public void Load(string id, object record)
    {
        if (!_records.ContainsKey(id))
        {
            _order = _order.Add(id);
        }

        _records[id] = (T)record;
    }
}
