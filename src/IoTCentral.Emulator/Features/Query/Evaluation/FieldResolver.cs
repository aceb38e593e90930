using IoTCentral.Emulator.Features.Query.Syntax;

namespace IoTCentral.Emulator.Features.Query.Evaluation;

/// <summary>
/// Decides what each name in a query reads, from the data of the template's devices (the emulator has no template
/// schema to consult): the longest dotted prefix that some device has as a telemetry path, else as a property key,
/// and the rest as object members. Aliases of SELECT items stand for their item. It also decides the query's
/// <see cref="QueryKind"/> and enforces the docs' rule that one query reads telemetry or properties, not both.
/// </summary>
internal sealed class FieldResolver
{
    private readonly QuerySyntax _query;
    private readonly HashSet<string> _telemetry = new(StringComparer.Ordinal);
    private readonly HashSet<string> _properties = new(StringComparer.Ordinal);

    public FieldResolver(QuerySyntax query, IEnumerable<QueryDevice> devices)
    {
        _query = query;
        foreach (var device in devices)
        {
            _telemetry.UnionWith(device.Telemetry.Select(s => s.Path));
            _properties.UnionWith(device.Properties.Keys.Where(k => !k.StartsWith('$')));
        }

        Kind = Classify();
    }

    public QueryKind Kind { get; }

    /// <summary>What <paramref name="path"/> reads; an alias stands for its SELECT item's field.</summary>
    public FieldRef Resolve(FieldPath path)
    {
        var raw = ResolveRaw(Unalias(path));
        return raw.Kind != FieldKind.Unknown
            ? raw
            : raw with { Kind = Kind == QueryKind.Telemetry ? FieldKind.Telemetry : FieldKind.Property };
    }

    /// <summary>The select item an alias names, if <paramref name="path"/> is one.</summary>
    public SelectItem? AliasTarget(FieldPath path) => _query.Select.FirstOrDefault(i => i.Alias == path.Text);

    private FieldPath Unalias(FieldPath path) => AliasTarget(path)?.Expression switch
    {
        FieldPath target => target,
        AggregateCall aggregate => aggregate.Field,
        _ => path,
    };

    private FieldRef ResolveRaw(FieldPath path)
    {
        var metadata = path.Text switch
        {
            DeviceMetadata.Id => FieldKind.DeviceId,
            DeviceMetadata.Timestamp => FieldKind.Timestamp,
            DeviceMetadata.Provisioned => FieldKind.Provisioned,
            DeviceMetadata.Simulated => FieldKind.Simulated,
            _ => (FieldKind?)null,
        };
        if (metadata is { } kind)
        {
            return new FieldRef(kind, path.Text, [], path);
        }

        var segments = path.Text.Split('.');
        foreach (var known in new[] { (_telemetry, FieldKind.Telemetry), (_properties, FieldKind.Property) })
        {
            for (var length = segments.Length; length > 0; length--)
            {
                var prefix = string.Join('.', segments[..length]);
                if (known.Item1.Contains(prefix))
                {
                    return new FieldRef(known.Item2, prefix, segments[length..], path);
                }
            }
        }

        return new FieldRef(FieldKind.Unknown, path.Text, [], path);
    }

    /// <summary>
    /// A query reads telemetry when it aggregates, groups, has WITHIN_WINDOW or names $ts or a known telemetry; it
    /// reads properties otherwise (a name without data then counts as a property). Names are checked one by one:
    /// a whole telemetry path wins over a property with the same prefix.
    /// </summary>
    private QueryKind Classify()
    {
        var fields = Fields().Select(f => ResolveRaw(Unalias(f))).ToList();
        var reason = TelemetryReason(fields);
        var property = fields.FirstOrDefault(f => f.Kind == FieldKind.Property);
        if (reason is not null && property is not null)
        {
            throw new QueryException(
                $"'{property.Source.Text}' at position {property.Source.Position} is a property, but this query reads telemetry ({reason}); a query selects either telemetry or properties, not both.");
        }

        if (reason is not null)
        {
            return QueryKind.Telemetry;
        }

        var inOnProperty = _query.Where is null ? null : QueryValidator.Flatten(_query.Where).OfType<InCondition>()
            .FirstOrDefault(c => ResolveRaw(Unalias(c.Field)).Kind is FieldKind.Property or FieldKind.Unknown);
        if (inOnProperty is not null)
        {
            throw new QueryException(
                $"IN at position {inOnProperty.Position} works only with telemetry and $id; '{inOnProperty.Field.Text}' is a property.");
        }

        return QueryKind.Property;
    }

    private string? TelemetryReason(List<FieldRef> fields)
    {
        if (_query.HasAggregates)
        {
            return "it aggregates";
        }

        if (_query.Where is not null && QueryValidator.Flatten(_query.Where).OfType<WithinWindowCondition>().Any())
        {
            return "WITHIN_WINDOW";
        }

        var telemetry = fields.FirstOrDefault(f => f.Kind is FieldKind.Telemetry or FieldKind.Timestamp);
        if (telemetry is not null)
        {
            return $"'{telemetry.Source.Text}'";
        }

        // A name without data is telemetry unless something else makes this a property query.
        var unknown = fields.FirstOrDefault(f => f.Kind == FieldKind.Unknown);
        return unknown is not null && fields.All(f => f.Kind != FieldKind.Property) ? $"'{unknown.Source.Text}'" : null;
    }

    /// <summary>Every field the query names, in SELECT, WHERE and ORDER BY.</summary>
    private IEnumerable<FieldPath> Fields()
    {
        IEnumerable<Expression> expressions = _query.Select.Select(i => i.Expression).Concat(_query.OrderBy.Select(o => o.Expression));
        var conditions = _query.Where is null ? [] : QueryValidator.Flatten(_query.Where).Select(c => c switch
        {
            ComparisonCondition x => x.Field,
            InCondition x => x.Field,
            NullCondition x => (Expression?)x.Field,
            _ => null,
        }).OfType<Expression>();
        return expressions.Concat(conditions).Select(e => e switch
        {
            AggregateCall aggregate => aggregate.Field,
            _ => (FieldPath)e,
        });
    }
}
