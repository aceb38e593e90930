using System.Text.Json.Nodes;
using IoTCentral.Emulator.Features.Query;
using IoTCentral.Emulator.Features.Query.Evaluation;
using IoTCentral.Emulator.Features.Query.Syntax;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;

namespace IoTCentral.Emulator.Features.DeviceGroups;

/// <summary>
/// A device group's filter, parsed by the query language's parser and evaluated by its condition evaluator over
/// whole devices: device metadata (<c>$id</c>, <c>$displayName</c>, <c>$template</c>, <c>$provisioned</c>,
/// <c>$simulated</c>, <c>$enabled</c>) and the device's current property values by path.
/// </summary>
internal sealed class DeviceGroupFilter
{
    public const int MaxLength = 2000;

    private readonly Condition? _where;

    private DeviceGroupFilter(Condition? where) => _where = where;

    /// <summary>The parsed filter; a malformed one is a 400 <c>InvalidQuery</c> naming the problem and its position.</summary>
    public static DeviceGroupFilter Parse(string filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            throw Invalid("Property 'filter' must not be empty; write for example SELECT * FROM devices WHERE $template = \"dtmi:contoso:thermostat;1\".");
        }

        if (filter.Length > MaxLength)
        {
            throw Invalid($"Property 'filter' is {filter.Length} characters long; at most {MaxLength} are allowed.");
        }

        try
        {
            return new DeviceGroupFilter(Parser.ParseGroupFilter(filter));
        }
        catch (QueryException e)
        {
            throw Invalid("Property 'filter' is not a valid device group filter: " + e.Message);
        }
    }

    /// <summary>Whether the device belongs; <paramref name="properties"/> are its property values by path ("device_info.model").</summary>
    public bool Matches(DeviceRecord device, IReadOnlyDictionary<string, JsonNode?> properties) =>
        _where is null || ConditionEvaluator.Test(_where, field => Read(field, device, properties), () => false);

    private static object? Read(FieldPath field, DeviceRecord device, IReadOnlyDictionary<string, JsonNode?> properties) => field.Text switch
    {
        DeviceMetadata.Id => device.Id,
        DeviceMetadata.DisplayName => device.DisplayName,
        DeviceMetadata.Template => device.Template,
        DeviceMetadata.Provisioned => device.Provisioned,
        DeviceMetadata.Simulated => device.Simulated,
        DeviceMetadata.Enabled => device.Enabled,
        _ => QueryValues.Scalar(Property(field.Text, properties)),
    };

    /// <summary>The longest dotted prefix that is a property path, then object members, as the query language reads names.</summary>
    private static JsonNode? Property(string path, IReadOnlyDictionary<string, JsonNode?> properties)
    {
        var segments = path.Split('.');
        for (var length = segments.Length; length > 0; length--)
        {
            if (properties.TryGetValue(string.Join('.', segments[..length]), out var node))
            {
                foreach (var member in segments[length..])
                {
                    if (node is not JsonObject obj || !obj.TryGetPropertyValue(member, out node))
                    {
                        return null;
                    }
                }

                return node;
            }
        }

        return null;
    }

    private static ApiException Invalid(string message) => ApiException.BadRequest(message, QueryException.ErrorCode);
}
