using System.Text.Json.Nodes;
using IoTCentral.Emulator.Features.Query;

namespace IoTCentral.Emulator.QueryTests;

/// <summary>Builds a <see cref="QueryDevice"/> fluently.</summary>
internal sealed class DeviceBuilder(string id, string templateId = TestData.Template)
{
    private readonly List<TelemetrySample> _telemetry = [];
    private readonly Dictionary<string, JsonNode?> _properties = new();

    public DeviceBuilder Telemetry(DateTimeOffset at, string path, JsonNode? value)
    {
        _telemetry.Add(new TelemetrySample(at, path, value));
        return this;
    }

    public DeviceBuilder Property(string path, JsonNode? value)
    {
        _properties[path] = value;
        return this;
    }

    public QueryDevice Build() => new(id, templateId, _telemetry, _properties);
}
