using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;
using Microsoft.Extensions.Primitives;

namespace IoTCentral.Emulator.Features.DeviceTemplates;

/// <summary>Device template reads and writes against the <see cref="StateStore"/>, and their compiled models.</summary>
internal sealed class DeviceTemplateService(StateStore store)
{
    private const int DevicesNamedInConflicts = 5;

    /// <summary>Compiled models by etag: an etag changes on every write, so entries never go stale.</summary>
    private readonly ConcurrentDictionary<string, DeviceModel> _models = new(StringComparer.Ordinal);

    /// <summary>Up to <paramref name="count"/> templates after the id <paramref name="after"/>, in id order (a page).</summary>
    public IReadOnlyList<DeviceTemplateRecord> List(string? after, int count) => store.Read(s => s.DeviceTemplates.After(after, count));

    public IReadOnlyList<DeviceTemplateRecord> All() => store.Read(s => s.DeviceTemplates.Values.ToList());

    public DeviceTemplateRecord Get(string templateId) =>
        store.Read(s => s.DeviceTemplates.GetValueOrDefault(templateId)) ?? throw NotFound(templateId);

    /// <summary>The compiled model of a template, or null when no template has that id.</summary>
    public DeviceModel? FindModel(string templateId) =>
        store.Read(s => s.DeviceTemplates.GetValueOrDefault(templateId)) is { } template ? ModelOf(template) : null;

    /// <summary>PUT: publishes the template, replacing one with the same id.</summary>
    public DeviceTemplateRecord CreateOrReplace(string templateId, JsonObject body, StringValues ifMatch)
    {
        var (document, model) = DeviceTemplateDocument.Validate(templateId, body);
        var bodyEtag = new JsonFields(body).GetString("etag");
        return store.Write(state =>
        {
            if (state.DeviceTemplates.TryGetValue(templateId, out var current))
            {
                Etags.Check(current.Etag, bodyEtag, ifMatch, "device template");
            }

            return state.DeviceTemplates[templateId] = Remember(new DeviceTemplateRecord(templateId, Etags.New(), document), model);
        });
    }

    /// <summary>PATCH: a merge-patch that may change only the display name, description and cloud properties.</summary>
    public DeviceTemplateRecord Update(string templateId, JsonObject patch, StringValues ifMatch) => store.Write(state =>
    {
        var current = state.DeviceTemplates.GetValueOrDefault(templateId) ?? throw NotFound(templateId);
        Etags.Check(current.Etag, new JsonFields(patch).GetString("etag"), ifMatch, "device template");
        var merged = (JsonObject)JsonMergePatch.Apply(DeviceTemplateDocument.ToResponse(current), patch)!;
        merged.Remove("etag");
        var (document, model) = DeviceTemplateDocument.Validate(templateId, merged);
        if (DeviceModelSignature.Of(model) != DeviceModelSignature.Of(ModelOf(current)))
        {
            throw ApiException.BadRequest(
                "PATCH can change only the display name, the description and cloud properties of a device template; its telemetry, " +
                "device properties, commands, components and modules stay as published. Publish a new template version (PUT) to change them.",
                ErrorCodes.InvalidDeviceTemplate);
        }

        return state.DeviceTemplates[templateId] = Remember(new DeviceTemplateRecord(templateId, Etags.New(), document), model);
    });

    /// <summary>DELETE: only a template no device uses (409 otherwise, as the spec's example describes).</summary>
    public void Remove(string templateId) => store.Write(state =>
    {
        if (!state.DeviceTemplates.ContainsKey(templateId))
        {
            throw NotFound(templateId);
        }

        var users = state.Devices.Values.Where(d => d.Template == templateId).Select(d => d.Id).Order(StringComparer.Ordinal).ToList();
        if (users.Count > 0)
        {
            var named = string.Join(", ", users.Take(DevicesNamedInConflicts).Select(id => $"'{id}'")) + (users.Count > DevicesNamedInConflicts ? ", ..." : string.Empty);
            throw ApiException.Conflict(
                $"The device template '{templateId}' is used by {users.Count} device(s) ({named}); delete them or assign them another template first.",
                ErrorCodes.DeviceTemplateInUse);
        }

        return state.DeviceTemplates.Remove(templateId);
    });

    private DeviceModel ModelOf(DeviceTemplateRecord template) =>
        _models.GetOrAdd(template.Etag, _ => DeviceModelParser.Parse(template.Id, (JsonObject)template.Document["capabilityModel"]!));

    private DeviceTemplateRecord Remember(DeviceTemplateRecord template, DeviceModel model)
    {
        _models[template.Etag] = model;
        return template;
    }

    private static ApiException NotFound(string templateId) =>
        ApiException.NotFound($"The device template '{templateId}' does not exist.", ErrorCodes.DeviceTemplateNotFound);
}
