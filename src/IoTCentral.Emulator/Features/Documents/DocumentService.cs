using System.Text.Json.Nodes;
using IoTCentral.Emulator.Auth.Scope;
using IoTCentral.Emulator.Features.Organizations;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;
using Microsoft.Extensions.Primitives;

namespace IoTCentral.Emulator.Features.Documents;

/// <summary>How one kind of stored document differs from another: its name, spec definition, collection and id rule.</summary>
internal sealed record DocumentKind(
    string What,
    string Definition,
    Func<EmulatorState, RecordIndex<DocumentRecord>> Collection,
    int MaxIdLength,
    string NotFoundCode,
    ListFields<DocumentRecord> ListFields);

/// <summary>
/// Dashboards_* and DeploymentManifests_*: documents whose body is checked against the preview spec's definition
/// (<see cref="SpecBodies"/>), stored with only the spec's writable members, and guarded by etags (in the body or
/// If-Match). PUT creates or replaces; PATCH merges (RFC 7396) into the stored body and checks the result like a PUT
/// body. A dashboard's tiles get ids: a tile keeps the id it was read with, a new tile gets a new one.
/// </summary>
internal sealed class DocumentService(StateStore store)
{
    public static readonly DocumentKind Dashboard = new("dashboard", "Dashboard", s => s.Dashboards, 128, ErrorCodes.DashboardNotFound,
        new ListFields<DocumentRecord>("dashboard list",
            [("id", d => d?.Id), ("displayName", d => d is null ? null : Member(d, "displayName")), ("favorite", d => d is not null && Member(d, "favorite") is true)],
            d => d.Id, d => Member(d, "displayName") as string ?? string.Empty));

    public static readonly DocumentKind DeploymentManifest = new("deployment manifest", "DeploymentManifest", s => s.DeploymentManifests, 255, ErrorCodes.DeploymentManifestNotFound,
        new ListFields<DocumentRecord>("deployment manifest list",
            [("id", d => d?.Id), ("displayName", d => d is null ? null : Member(d, "displayName"))],
            d => d.Id, d => Member(d, "displayName") as string ?? string.Empty));

    public IReadOnlyList<DocumentRecord> Page(DocumentKind kind, string? after, int count) => store.Read(s => kind.Collection(s).After(after, count));

    public IReadOnlyList<DocumentRecord> All(DocumentKind kind) => store.Read(s => kind.Collection(s).Values.ToList());

    public DocumentRecord Get(DocumentKind kind, string id) => store.Read(s => kind.Collection(s).GetValueOrDefault(id)) ?? throw NotFound(kind, id);

    public DocumentRecord CreateOrReplace(DocumentKind kind, string id, JsonObject body, StringValues ifMatch)
    {
        SpecBodies.RequireId(id, kind.MaxIdLength, kind.What);
        var normalized = SpecBodies.Check(kind.Definition, body);
        var bodyEtag = new JsonFields(body).GetString("etag");
        return store.Write(state =>
        {
            var current = kind.Collection(state).GetValueOrDefault(id);
            if (current is not null)
            {
                Etags.Check(current.Etag, bodyEtag, ifMatch, kind.What);
            }

            return Save(state, kind, id, normalized, body, current);
        });
    }

    public DocumentRecord Update(DocumentKind kind, string id, JsonObject patch, StringValues ifMatch)
    {
        var bodyEtag = new JsonFields(patch).GetString("etag");
        patch.Remove("etag");
        return store.Write(state =>
        {
            var current = kind.Collection(state).GetValueOrDefault(id) ?? throw NotFound(kind, id);
            Etags.Check(current.Etag, bodyEtag, ifMatch, kind.What);
            var merged = JsonMergePatch.Apply(JsonNode.Parse(current.Body), patch);
            return Save(state, kind, id, SpecBodies.Check(kind.Definition, merged), merged, current);
        });
    }

    public void Remove(DocumentKind kind, string id)
    {
        if (!store.Write(s => kind.Collection(s).Remove(id)))
        {
            throw NotFound(kind, id);
        }
    }

    /// <summary>The spec's <c>Dashboard</c> or <c>DeploymentManifest</c>: the stored body with its id and etag (a dashboard is never personal here).</summary>
    public static JsonObject Response(DocumentKind kind, DocumentRecord record)
    {
        var body = new JsonObject { ["id"] = record.Id };
        foreach (var (name, value) in JsonNode.Parse(record.Body)!.AsObject())
        {
            body[name] = value?.DeepClone();
        }

        if (kind == Dashboard)
        {
            body["personal"] = false;
            body["favorite"] ??= false;
        }

        body["etag"] = record.Etag;
        return body;
    }

    /// <summary>
    /// Checks what the schema cannot (organizations exist, one at most, within the caller's scope; none means the
    /// application's root, as for device groups) and assigns tile ids.
    /// </summary>
    private static DocumentRecord Save(EmulatorState state, DocumentKind kind, string id, JsonObject normalized, JsonNode? given, DocumentRecord? current)
    {
        var organizations = new JsonFields(normalized).GetStringArray("organizations") ?? [];
        if (organizations.Length > 1)
        {
            throw ApiException.BadRequest($"Property 'organizations': a {kind.What} belongs to one organization at most.", ErrorCodes.InvalidRequestBody);
        }

        OrganizationService.RequireExisting(state, organizations, "organizations");
        OrganizationScope.Current.RequirePlaced(organizations, "organizations");

        if (normalized["tiles"] is JsonArray tiles)
        {
            var known = current is null ? [] : (JsonNode.Parse(current.Body)?["tiles"] as JsonArray ?? []).Select(t => (string?)t?["id"]).OfType<string>().ToHashSet();
            var givenTiles = given?["tiles"] as JsonArray;
            for (var i = 0; i < tiles.Count; i++)
            {
                var givenId = givenTiles?[i]?["id"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
                tiles[i]!["id"] = givenId is not null && known.Contains(givenId) ? givenId : Guid.NewGuid().ToString();
            }
        }

        return kind.Collection(state)[id] = new DocumentRecord(id, Etags.New(), normalized.ToJsonString());
    }

    private static object? Member(DocumentRecord record, string name) => JsonNode.Parse(record.Body)?[name] switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
        _ => null,
    };

    private static ApiException NotFound(DocumentKind kind, string id) =>
        ApiException.NotFound($"The {kind.What} '{id}' does not exist.", kind.NotFoundCode);
}
