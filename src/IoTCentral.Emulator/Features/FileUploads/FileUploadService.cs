using System.Text.Json.Nodes;
using IoTCentral.Emulator.Features.DataExport;
using IoTCentral.Emulator.Features.Query;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;
using Microsoft.Extensions.Primitives;

namespace IoTCentral.Emulator.Features.FileUploads;

/// <summary>
/// FileUploads_* against the <see cref="StateStore"/>. The service provisions the storage account link in the
/// background, so the configuration moves through its documented states by the emulator's clock: a PUT answers
/// <c>pending</c> and a PATCH <c>updating</c>, both <c>succeeded</c> after <see cref="SettleTime"/>; a DELETE leaves it
/// <c>deleting</c> for as long, then it is gone (404). The connection string is echoed with its account key and
/// shared access signature masked, as the service's documentation shows them.
/// </summary>
internal sealed class FileUploadService(StateStore store, EmulatorSettings settings)
{
    /// <summary>How long a change takes to settle, in the emulator's clock.</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(1);

    private const string Id = "default";
    private const string Mask = "*****";

    public FileUploadRecord Get() => Current() ?? throw NotFound();

    /// <summary>
    /// The configuration's display name in audit messages (it has none, so its type); null when there is none or it
    /// is being removed, which to its user is the same.
    /// </summary>
    public static string? AuditName(EmulatorState state) =>
        state.FileUploads.GetValueOrDefault(Id) is { State: not "deleting" } ? AuditedChanges.FileUpload : null;

    /// <summary>PUT: configures the storage account (or replaces the configuration; its etag must then match).</summary>
    public FileUploadRecord Create(JsonObject body, StringValues ifMatch)
    {
        var normalized = Validate(SpecBodies.Check("FileUpload", body));
        var bodyEtag = new JsonFields(body).GetString("etag");
        return store.Write(state =>
        {
            if (Settled(state) is { } current)
            {
                RequireNotDeleting(current);
                Etags.Check(current.Etag, bodyEtag, ifMatch, "file upload configuration");
            }

            return state.FileUploads[Id] = new FileUploadRecord(Etags.New(), normalized.ToJsonString(), "pending", settings.Clock.GetUtcNow());
        });
    }

    /// <summary>PATCH: merges the body into the configuration, which is then checked like a PUT body.</summary>
    public FileUploadRecord Update(JsonObject patch, StringValues ifMatch)
    {
        var bodyEtag = new JsonFields(patch).GetString("etag");
        patch.Remove("etag");
        return store.Write(state =>
        {
            var current = Settled(state) ?? throw NotFound();
            RequireNotDeleting(current);
            Etags.Check(current.Etag, bodyEtag, ifMatch, "file upload configuration");
            var merged = JsonMergePatch.Apply(JsonNode.Parse(current.Body), patch);
            var normalized = Validate(SpecBodies.Check("FileUpload", merged));
            return state.FileUploads[Id] = new FileUploadRecord(Etags.New(), normalized.ToJsonString(), "updating", settings.Clock.GetUtcNow());
        });
    }

    /// <summary>DELETE: starts removing the configuration; a second DELETE while it is being removed changes nothing.</summary>
    public void Remove() => store.Write(state =>
    {
        var current = Settled(state) ?? throw NotFound();
        if (current.State != "deleting")
        {
            state.FileUploads[Id] = current with { Etag = Etags.New(), State = "deleting", Since = settings.Clock.GetUtcNow() };
        }

        return true;
    });

    /// <summary>The spec's <c>FileUpload</c>: <c>readAccess</c> exists in the preview only; the connection string is masked.</summary>
    public static JsonObject Response(FileUploadRecord record, string apiVersion)
    {
        var body = JsonNode.Parse(record.Body)!.AsObject();
        body["connectionString"] = MaskSecrets((string)body["connectionString"]!);
        if (apiVersion == ApiVersions.Preview)
        {
            body["readAccess"] ??= false;
        }
        else
        {
            body.Remove("readAccess");
        }

        body["state"] = record.State;
        body["etag"] = record.Etag;
        return body;
    }

    private FileUploadRecord? Current() => store.Read(s => s.FileUploads.GetValueOrDefault(Id)) is { } record && IsSettling(record)
        ? store.Write(Settled)
        : store.Read(s => s.FileUploads.GetValueOrDefault(Id));

    /// <summary>The stored configuration after any change whose time has come has settled (a finished delete removes it).</summary>
    private FileUploadRecord? Settled(EmulatorState state)
    {
        if (state.FileUploads.GetValueOrDefault(Id) is not { } record || !IsSettling(record))
        {
            return state.FileUploads.GetValueOrDefault(Id);
        }

        if (record.State == "deleting")
        {
            state.FileUploads.Remove(Id);
            return null;
        }

        return state.FileUploads[Id] = record with { State = "succeeded" };
    }

    private bool IsSettling(FileUploadRecord record) =>
        record.State is "pending" or "updating" or "deleting" && settings.Clock.GetUtcNow() - record.Since >= SettleTime;

    /// <summary>What the schema cannot say: the connection string names a storage account and a key or SAS, and sasTtl is an ISO 8601 duration.</summary>
    private static JsonObject Validate(JsonObject body)
    {
        var parts = ((string)body["connectionString"]!).Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim(), p => p[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.ContainsKey("AccountName") || !(parts.ContainsKey("AccountKey") || parts.ContainsKey("SharedAccessSignature")))
        {
            throw ApiException.BadRequest("Property 'connectionString' must be an Azure Storage connection string with AccountName and AccountKey (or SharedAccessSignature).", ErrorCodes.InvalidRequestBody);
        }

        if (((string)body["container"]!).Length == 0)
        {
            throw ApiException.BadRequest("Property 'container' must name a blob container.", ErrorCodes.InvalidRequestBody);
        }

        if (body["sasTtl"] is JsonNode ttl && IsoDuration.TryParse((string)ttl!) is null)
        {
            throw ApiException.BadRequest($"Property 'sasTtl' must be an ISO 8601 duration such as PT1H, not '{(string)ttl!}'.", ErrorCodes.InvalidRequestBody);
        }

        return body;
    }

    private static string MaskSecrets(string connectionString) => string.Join(';', connectionString.Split(';').Select(part =>
    {
        var pair = part.Split('=', 2);
        return pair.Length == 2 && (pair[0].Trim().Equals("AccountKey", StringComparison.OrdinalIgnoreCase) || pair[0].Trim().Equals("SharedAccessSignature", StringComparison.OrdinalIgnoreCase))
            ? pair[0] + "=" + Mask
            : part;
    }));

    private static void RequireNotDeleting(FileUploadRecord current)
    {
        if (current.State == "deleting")
        {
            throw ApiException.Conflict("The file upload configuration is being deleted; wait until it is gone before configuring it again.");
        }
    }

    private static ApiException NotFound() =>
        ApiException.NotFound("The application has no file upload configuration.", ErrorCodes.FileUploadNotFound);
}
