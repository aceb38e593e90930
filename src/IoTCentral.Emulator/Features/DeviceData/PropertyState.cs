using System.Text.Json.Nodes;

namespace IoTCentral.Emulator.Features.DeviceData;

/// <summary>
/// What IoT Central knows of one property of a device: the value the device reported (or, for a cloud property, the
/// value stored in the cloud), the desired value the API last set and the device's acknowledgement of it.
/// </summary>
internal sealed record PropertyState(
    JsonNode? Reported,
    DateTimeOffset LastUpdateTime,
    JsonNode? Desired = null,
    long? DesiredVersion = null,
    long? AckVersion = null,
    int? AckCode = null,
    string? AckDescription = null)
{
    /// <summary>The acknowledgement description of a desired value the device (or the simulation) applied.</summary>
    public const string Completed = "completed";

    /// <summary>True when nothing is left to show: no reported value and no desired value.</summary>
    public bool IsEmpty => Reported is null && Desired is null;

    /// <summary>The state after the device reported <paramref name="value"/>, acknowledging any pending desired value.</summary>
    public PropertyState WithReported(JsonNode? value, DateTimeOffset now, int ackCode = 200, string ackDescription = Completed) =>
        this with
        {
            Reported = value?.DeepClone(),
            LastUpdateTime = now,
            AckVersion = DesiredVersion ?? AckVersion,
            AckCode = DesiredVersion is null ? AckCode : ackCode,
            AckDescription = DesiredVersion is null ? AckDescription : ackDescription,
        };
}
