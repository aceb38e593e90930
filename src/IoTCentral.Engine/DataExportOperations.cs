using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IoTCentral.Engine.Internal;
using IoTCentral.Engine.Json;
using IoTCentral.Models;

namespace IoTCentral.Engine;

/// <summary>Data export destinations and exports (Destinations_*, Exports_*), which exist only in the preview API.</summary>
public sealed class DataExportOperations
{
    /// <summary>The api-version that has /dataExport (spec: iotcentral-2022-10-31-preview.json).</summary>
    public const string ApiVersion = "2022-10-31-preview";

    private readonly ResourceCollection<ExportDestination> _destinations;
    private readonly ResourceCollection<DataExport> _exports;

    internal DataExportOperations(RestClient rest)
    {
        _destinations = new ResourceCollection<ExportDestination>(rest, "dataExport/destinations", DataExportJson.ReadDestination, ApiVersion);
        _exports = new ResourceCollection<DataExport>(rest, "dataExport/exports", DataExportJson.ReadExport, ApiVersion);
    }

    public Task<Page<ExportDestination>> ListDestinationsAsync(string? nextLink, CancellationToken ct) => _destinations.ListAsync(nextLink, ct);

    public Task<ExportDestination> GetDestinationAsync(string id, CancellationToken ct) => _destinations.GetAsync(id, ct);

    /// <summary>PUT: <paramref name="body"/> is the spec's Destination as a dictionary tree (displayName, type, the type's members, authorization).</summary>
    public Task<ExportDestination> CreateDestinationAsync(string id, IDictionary<string, object?> body, CancellationToken ct) =>
        _destinations.PutAsync(id, JsonTreeWriter.ToUtf8(body ?? throw new ArgumentNullException(nameof(body))), ct);

    /// <summary>A JSON merge patch: keys are the JSON names.</summary>
    public Task<ExportDestination> UpdateDestinationAsync(string id, IDictionary<string, object?> changes, CancellationToken ct) => _destinations.PatchAsync(id, changes, ct);

    public Task RemoveDestinationAsync(string id, CancellationToken ct) => _destinations.RemoveAsync(id, ct);

    /// <summary>One page of the exports that send to the destination.</summary>
    public Task<Page<DataExport>> ListExportsOfDestinationAsync(string id, string? nextLink, CancellationToken ct) =>
        _destinations.ListAsync(_destinations.PathOf(id) + "/exports", nextLink, DataExportJson.ReadExport, ct);

    public Task<Page<DataExport>> ListExportsAsync(string? nextLink, CancellationToken ct) => _exports.ListAsync(nextLink, ct);

    public Task<DataExport> GetExportAsync(string id, CancellationToken ct) => _exports.GetAsync(id, ct);

    /// <summary>PUT: <paramref name="body"/> is the spec's Export as a dictionary tree.</summary>
    public Task<DataExport> CreateExportAsync(string id, IDictionary<string, object?> body, CancellationToken ct) =>
        _exports.PutAsync(id, JsonTreeWriter.ToUtf8(body ?? throw new ArgumentNullException(nameof(body))), ct);

    public Task<DataExport> UpdateExportAsync(string id, IDictionary<string, object?> changes, CancellationToken ct) => _exports.PatchAsync(id, changes, ct);

    public Task RemoveExportAsync(string id, CancellationToken ct) => _exports.RemoveAsync(id, ct);

    /// <summary>One page of the destinations the export sends to, each with the export's transform for it.</summary>
    public Task<Page<ExportDestination>> ListDestinationsOfExportAsync(string id, string? nextLink, CancellationToken ct) =>
        _exports.ListAsync(_exports.PathOf(id) + "/destinations", nextLink, DataExportJson.ReadDestination, ct);
}
