namespace IoTCentral.Emulator.Features.Query;

/// <summary>
/// What the query engine needs from the emulator's device data. The query feature owns this contract so it does
/// not depend on how devices, templates and telemetry are stored; the device-data feature implements it and
/// registers it in DI. When no implementation is registered the query route answers over no devices.
/// </summary>
public interface IQuerySource
{
    /// <summary>
    /// The devices assigned to <paramref name="templateId"/> (compared exactly), each with the telemetry samples
    /// whose timestamp lies in [<paramref name="from"/>, <paramref name="to"/>] and its current property values.
    /// The engine filters timestamps again, so returning a few more samples is harmless.
    /// </summary>
    IEnumerable<QueryDevice> DevicesOfTemplate(string templateId, DateTimeOffset from, DateTimeOffset to);
}
