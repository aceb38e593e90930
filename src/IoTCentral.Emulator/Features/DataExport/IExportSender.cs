using System.Text.Json.Nodes;

namespace IoTCentral.Emulator.Features.DataExport;

/// <summary>
/// Delivers one export record to one kind of destination. <see cref="ExportDelivery"/> picks the sender by the
/// destination's type and does the retries and health recording the same way for every kind.
/// </summary>
internal interface IExportSender
{
    /// <summary>Sends one record; returns null when it arrived, else a short text saying what went wrong (never a secret).</summary>
    Task<string?> SendAsync(string exportId, string destinationId, JsonObject destination, JsonNode? record, CancellationToken ct);

    /// <summary>Drops what is cached for the destination (a token, a client), so the next delivery starts afresh.</summary>
    void Forget(string destinationId);
}
