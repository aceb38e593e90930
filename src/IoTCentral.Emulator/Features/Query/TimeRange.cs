namespace IoTCentral.Emulator.Features.Query;

/// <summary>The span of telemetry a query reads, both ends included.</summary>
internal sealed record TimeRange(DateTimeOffset From, DateTimeOffset To)
{
    public bool Contains(DateTimeOffset instant) => instant >= From && instant <= To;
}
