namespace IoTCentral.Emulator.Features.Query;

/// <summary>The source used while no device-data feature registers an <see cref="IQuerySource"/>: no devices.</summary>
internal sealed class EmptyQuerySource : IQuerySource
{
    public static readonly EmptyQuerySource Instance = new();

    public IEnumerable<QueryDevice> DevicesOfTemplate(string templateId, DateTimeOffset from, DateTimeOffset to) => [];
}
