using System;
using System.Collections;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IoTCentral.Engine.Internal;
using IoTCentral.Engine.Json;
using IoTCentral.Models;

namespace IoTCentral.Engine;

/// <summary>The application's dashboards (every call uses the preview api-version: the path exists only there).</summary>
public sealed class DashboardsOperations : CollectionOperations<Dashboard>
{
    // What a merge patch that leaves a required member alone is checked with in its place.
    private static readonly IReadOnlyDictionary<string, object> Required = new Dictionary<string, object>(StringComparer.Ordinal) { ["displayName"] = "unchanged" };

    internal DashboardsOperations(RestClient rest)
        : base(new ResourceCollection<Dashboard>(rest, "dashboards", DocumentJson.ReadDashboard, PreviewOnlyPaths.ApiVersion))
    {
    }

    /// <summary>One page of the list with the preview's options (filter, orderby, maxpagesize); <paramref name="nextLink"/> null for the first.</summary>
    public Task<Page<Dashboard>> ListAsync(ListOptions? options, string? nextLink, CancellationToken ct) => Collection.ListAsync(options, nextLink, ct);

    /// <summary>PUT /dashboards/{id}: creates the dashboard, or replaces it (an "etag" member then guards the replacement).</summary>
    public Task<Dashboard> CreateAsync(string id, IDictionary body, CancellationToken ct) =>
        Collection.PutAsync(id, JsonTreeWriter.ToUtf8(body), ct);

    /// <summary>
    /// What is wrong with <paramref name="body"/> as a dashboard (a whole one, or a merge patch of one) by the preview
    /// spec: display name, tiles (each with displayName, configuration of a known type, x, y, width, height), sizes and
    /// ranges. Empty when it is fine.
    /// </summary>
    public static IReadOnlyList<string> Validate(IDictionary body, bool patch) => DocumentShape.Problems("Dashboard", body, Required, patch);
}
