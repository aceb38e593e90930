using IoTCentral.Emulator.Features.Query;
using IoTCentral.Emulator.Features.Query.Evaluation;
using IoTCentral.Emulator.Features.Query.Syntax;
using IoTCentral.Emulator.Http;

namespace IoTCentral.Emulator.Features.DataExport;

/// <summary>
/// An export's filter, in the query language: <c>SELECT * FROM &lt;template id&gt; [WHERE ...]</c>. A message passes
/// when its device uses that template and the condition holds over the message's values (telemetry or changed
/// properties by name, <c>component.name</c> for components) and the device's <c>$id</c>, <c>$ts</c>,
/// <c>$provisioned</c> and <c>$simulated</c>.
/// </summary>
internal sealed class ExportFilter
{
    private readonly string _templateId;
    private readonly Condition? _where;

    private ExportFilter(string templateId, Condition? where)
    {
        _templateId = templateId;
        _where = where;
    }

    /// <summary>The parsed filter; a malformed one is a 400 <c>InvalidQuery</c> naming the problem and its position.</summary>
    public static ExportFilter Parse(string filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            throw Invalid("Property 'filter' must not be empty; leave it out to export every message, or write for example SELECT * FROM dtmi:contoso:thermostat;1 WHERE temperature > 30.");
        }

        if (filter.Length > QueryLimits.MaxQueryLength)
        {
            throw Invalid($"Property 'filter' is {filter.Length} characters long; at most {QueryLimits.MaxQueryLength} are allowed.");
        }

        try
        {
            var (templateId, where) = Parser.ParseExportFilter(filter);
            return new ExportFilter(templateId, where);
        }
        catch (QueryException e)
        {
            throw Invalid("Property 'filter' is not a valid export filter: " + e.Message);
        }
    }

    /// <summary>
    /// The filter of an export of <paramref name="source"/>: a device template's lifecycle has no device and no values
    /// to test, so (as IoT Central's export page offers only "filter by device template" for it) it takes no WHERE;
    /// audit messages concern any entity, and the page offers no filter for them.
    /// </summary>
    public static ExportFilter ParseFor(string source, string filter)
    {
        if (source == ExportSources.Audit)
        {
            throw Invalid($"An {source} export takes no 'filter': its messages are about any entity, not a device template's devices. Leave 'filter' out.");
        }

        var parsed = Parse(filter);
        if (source == ExportSources.DeviceTemplateLifecycle && parsed._where is not null)
        {
            throw Invalid($"Property 'filter' of a {source} export may only name the device template (SELECT * FROM <template id>), without WHERE: its messages have no device or values to test.");
        }

        return parsed;
    }

    public bool Matches(ExportMessage message)
    {
        if (!string.Equals(message.TemplateId, _templateId, StringComparison.Ordinal))
        {
            return false;
        }

        return _where is null || ConditionEvaluator.Test(_where, field => Read(field, message), () => true);
    }

    private static object? Read(FieldPath field, ExportMessage message) => field.Text switch
    {
        DeviceMetadata.Id => message.DeviceId,
        DeviceMetadata.Timestamp => EmulatorJson.FormatTimestamp(message.Time),
        DeviceMetadata.Provisioned => message.Provisioned,
        DeviceMetadata.Simulated => message.Simulated,
        _ => message.Values.TryGetValue(field.Text, out var value) ? QueryValues.Scalar(value) : Member(field.Text, message),
    };

    /// <summary>A member of an object value (a vector's x): the longest name that is a value, then members.</summary>
    private static object? Member(string path, ExportMessage message)
    {
        var segments = path.Split('.');
        for (var length = segments.Length - 1; length > 0; length--)
        {
            if (message.Values.TryGetValue(string.Join('.', segments[..length]), out var node))
            {
                foreach (var member in segments[length..])
                {
                    node = node is System.Text.Json.Nodes.JsonObject obj ? obj[member] : null;
                }

                return QueryValues.Scalar(node);
            }
        }

        return null;
    }

    private static ApiException Invalid(string message) => ApiException.BadRequest(message, QueryException.ErrorCode);
}
