using System;
using System.Collections;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using IoTCentral.Engine.Internal;
using IoTCentral.Engine.Json;
using IoTCentral.Models;

namespace IoTCentral.Engine;

/// <summary>
/// The application's IoT Edge deployment manifests, and applying one to an edge device (every call uses the preview
/// api-version: these paths exist only there).
/// </summary>
public sealed class DeploymentManifestsOperations : CollectionOperations<DeploymentManifest>
{
    private static readonly IReadOnlyDictionary<string, object> Required = new Dictionary<string, object>(StringComparer.Ordinal) { ["data"] = new Dictionary<string, object?>() };

    private readonly RestClient _rest;

    internal DeploymentManifestsOperations(RestClient rest)
        : base(new ResourceCollection<DeploymentManifest>(rest, "deploymentManifests", DocumentJson.ReadManifest, PreviewOnlyPaths.ApiVersion))
        => _rest = rest;

    /// <summary>One page of the list with the preview's options (filter, maxpagesize; the spec defines no orderby here); <paramref name="nextLink"/> null for the first.</summary>
    public Task<Page<DeploymentManifest>> ListAsync(ListOptions? options, string? nextLink, CancellationToken ct) => Collection.ListAsync(options, nextLink, ct);

    /// <summary>PUT /deploymentManifests/{id}: creates the manifest, or replaces it (an "etag" member then guards the replacement).</summary>
    public Task<DeploymentManifest> CreateAsync(string id, IDictionary body, CancellationToken ct) =>
        Collection.PutAsync(id, JsonTreeWriter.ToUtf8(body), ct);

    /// <summary>
    /// POST /devices/{deviceId}/applyDeploymentManifest: the body is a deployment manifest (data required). The
    /// answer is the manifest as applied. The client's usual rule for POST decides whether a failed attempt is retried.
    /// </summary>
    public Task<DeploymentManifest> ApplyAsync(string deviceId, IDictionary manifest, CancellationToken ct) =>
        _rest.SendJsonAsync(
            RequestMethod.Post,
            DevicePaths.Device(deviceId) + "/applyDeploymentManifest",
            JsonTreeWriter.ToUtf8(manifest),
            RestClient.JsonContentType,
            PreviewOnlyPaths.ApiVersion,
            null,
            DocumentJson.ReadManifest,
            ct);

    /// <summary>What is wrong with <paramref name="body"/> as a deployment manifest (whole, or a merge patch); empty when it is fine.</summary>
    public static IReadOnlyList<string> Validate(IDictionary body, bool patch) => DocumentShape.Problems("DeploymentManifest", body, Required, patch);
}
