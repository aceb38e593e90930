using IoTCentral.Emulator.Features.Query;

namespace IoTCentral.Emulator.QueryTests;

/// <summary>An in-memory <see cref="IQuerySource"/> that records the time range the engine asked for.</summary>
internal sealed class FakeQuerySource(params QueryDevice[] devices) : IQuerySource
{
    public (DateTimeOffset From, DateTimeOffset To)? LastRange { get; private set; }

    public IEnumerable<QueryDevice> DevicesOfTemplate(string templateId, DateTimeOffset from, DateTimeOffset to)
    {
        LastRange = (from, to);
        return devices.Where(d => d.TemplateId == templateId);
    }
}
