using System;
using System.Collections;
using System.Threading;
using System.Threading.Tasks;
using IoTCentral.Engine.Internal;
using IoTCentral.Engine.Json;
using IoTCentral.Models;

namespace IoTCentral.Engine;

/// <summary>The application's published device templates. Ids are DTMIs and are escaped as one path segment.</summary>
public sealed class DeviceTemplatesOperations
{
    private readonly ResourceCollection<DeviceTemplate> _templates;

    internal DeviceTemplatesOperations(RestClient rest) =>
        _templates = new ResourceCollection<DeviceTemplate>(rest, "deviceTemplates", DeviceTemplateJson.Read);

    public Task<Page<DeviceTemplate>> ListAsync(string? nextLink, CancellationToken ct) => _templates.ListAsync(nextLink, ct);

    /// <summary>DeviceTemplates_List with the preview's filter, orderby and maxpagesize; with none of them, the GA list.</summary>
    public Task<Page<DeviceTemplate>> ListAsync(ListOptions? options, string? nextLink, CancellationToken ct) => _templates.ListAsync(options, nextLink, ct);

    public Task<DeviceTemplate> GetAsync(string id, CancellationToken ct) => _templates.GetAsync(id, ct);

    /// <summary>
    /// PUT /deviceTemplates/{id}: publishes <paramref name="template"/> (a tree of dictionaries, lists and scalars
    /// with "@type" and "capabilityModel") as given, so members this client does not model travel unchanged.
    /// </summary>
    public Task<DeviceTemplate> CreateAsync(string id, IDictionary template, CancellationToken ct)
    {
        if (template is null)
        {
            throw new ArgumentNullException(nameof(template));
        }

        return _templates.PutAsync(id, JsonTreeWriter.ToUtf8(template), ct);
    }

    /// <summary>A JSON merge patch (displayName, description, capabilityModel cloud properties and overrides).</summary>
    public Task<DeviceTemplate> UpdateAsync(string id, IDictionary changes, CancellationToken ct) => _templates.PatchAsync(id, changes, ct);

    public Task RemoveAsync(string id, CancellationToken ct) => _templates.RemoveAsync(id, ct);
}
