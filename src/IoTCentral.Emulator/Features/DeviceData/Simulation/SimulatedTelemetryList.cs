using System.Collections;
using IoTCentral.Emulator.Features.DeviceTemplates;
using IoTCentral.Emulator.Features.Query;

namespace IoTCentral.Emulator.Features.DeviceData.Simulation;

/// <summary>
/// A simulated device's telemetry over a time range as a list whose items are computed when read: 24 hours at
/// 5-second intervals are 17,280 values per telemetry, too many to build for every device of every query.
/// Fed samples come first, then each telemetry's simulated series in time order.
/// </summary>
internal sealed class SimulatedTelemetryList : IReadOnlyList<TelemetrySample>
{
    private readonly string _deviceId;
    private readonly IReadOnlyList<TelemetrySample> _fed;
    private readonly IReadOnlyList<(DeviceLevel Level, TelemetryCapability Telemetry)> _series;
    private readonly long _firstSlot;
    private readonly int _slotsPerSeries;

    public SimulatedTelemetryList(string deviceId, DeviceModel model, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now,
        IReadOnlyList<TelemetrySample> fed)
    {
        _deviceId = deviceId;
        _fed = fed;
        _series = model.Levels()
            .Where(l => l.Level.Module is null)
            .SelectMany(l => l.Interface.All<TelemetryCapability>().Select(t => (l.Level, t)))
            .ToList();
        var (first, last) = TelemetrySimulator.Slots(from, to, now);
        _firstSlot = first;
        _slotsPerSeries = (int)Math.Max(0, last - first + 1);
    }

    public int Count => _fed.Count + _series.Count * _slotsPerSeries;

    public TelemetrySample this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            if (index < _fed.Count)
            {
                return _fed[index];
            }

            var (series, offset) = Math.DivRem(index - _fed.Count, _slotsPerSeries);
            var (level, telemetry) = _series[series];
            var slot = _firstSlot + offset;
            return new TelemetrySample(TelemetrySimulator.TimeOf(slot), level.PathOf(telemetry.Name),
                TelemetrySimulator.ValueAt(_deviceId, level, telemetry, slot));
        }
    }

    public IEnumerator<TelemetrySample> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
