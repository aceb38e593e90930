using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.IO;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IoTCentral.Engine;
using IoTCentral.Validation;

namespace IoTCentral.Infrastructure
{
    /// <summary>
    /// What New- and Set- of dashboards and deployment manifests share: the document from -Path (a JSON file),
    /// -Json (text) or -Definition (a hashtable, a PSCustomObject or the module's own object, also piped), the
    /// -DisplayName and -Organization that override its members, and the check against the preview spec before
    /// anything is sent. Read-only members (id, personal, tile ids) are left out; an "etag" member is kept apart,
    /// for Set- to guard the change with.
    /// </summary>
    public abstract class DocumentCmdlet : IoTCentralCmdlet
    {
        public const string DefinitionSet = "Definition";
        public const string PathSet = "Path";
        public const string JsonSet = "Json";

        [Parameter(Mandatory = true, ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ParameterSetName = JsonSet)]
        [ValidateNotNullOrEmpty]
        public string Json { get; set; } = string.Empty;

        // Not mandatory: in this, the default set, the document may come from the other parameters alone. Piped
        // objects bind here, because PowerShell binds them only to the default set's parameters.
        [Parameter(ParameterSetName = DefinitionSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public object? Definition { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DisplayName { get; set; }

        [Parameter]
        [OrganizationTransformation]
        [ValidateNotNullOrEmpty]
        public string? Organization { get; set; }

        /// <summary>"dashboard" or "deployment manifest", for messages.</summary>
        protected abstract string What { get; }

        protected abstract string InvalidErrorId { get; }

        /// <summary>The body of the module's own object (a Dashboard given to a dashboard cmdlet), or null for anything else.</summary>
        protected abstract OrderedDictionary? FromModel(object input);

        /// <summary>Problems of the body by the preview spec (all of them, each naming its member).</summary>
        protected abstract IReadOnlyList<string> Problems(IDictionary body, bool patch);

        /// <summary>Rewrites a body given in another accepted form (a manifest's bare IoT Edge deployment).</summary>
        protected virtual void Normalize(OrderedDictionary body)
        {
        }

        /// <summary>Members from the cmdlet's own further parameters.</summary>
        protected virtual void AddSettings(OrderedDictionary body)
        {
        }

        /// <summary>The etag of the document given (from its "etag" member or the module's object), if any.</summary>
        protected string? GivenETag { get; private set; }

        /// <summary>
        /// The body to send, or null after writing the error (InvalidArgument, with <see cref="InvalidErrorId"/>, or
        /// ObjectNotFound for a missing file). <paramref name="patch"/>: a merge patch, which need not repeat required members.
        /// </summary>
        protected Dictionary<string, object?>? ReadBody(bool patch)
        {
            GivenETag = null;
            object target = ParameterSetName == PathSet ? Path : ParameterSetName == JsonSet ? Json : (object?)Definition ?? What;
            OrderedDictionary body;
            try
            {
                var source = ReadSource();
                if (source == null)
                {
                    return null;
                }

                body = source;
            }
            catch (ArgumentException exception)
            {
                WriteInvalid(exception.Message, target);
                return null;
            }

            foreach (var readOnly in new[] { "id", "personal" })
            {
                body.Remove(readOnly);
            }

            if (body.Contains("etag"))
            {
                GivenETag = body["etag"] as string;
                body.Remove("etag");
            }

            Normalize(body);
            if (DisplayName != null)
            {
                body["displayName"] = DisplayName;
            }

            if (Organization != null)
            {
                body["organizations"] = new object[] { Organization };
            }

            AddSettings(body);
            var problems = Problems(body, patch);
            if (problems.Count > 0)
            {
                WriteInvalid("The " + What + " does not match the service's definition: " + string.Join(" ", problems), target);
                return null;
            }

            var result = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (DictionaryEntry entry in body)
            {
                result[(string)entry.Key] = entry.Value;
            }

            return result;
        }

        private OrderedDictionary? ReadSource()
        {
            switch (ParameterSetName)
            {
                case PathSet:
                    var file = ResolveFile(Path);
                    return file == null ? null : ToDocument(JsonFromText(ReadText(file), "The file '" + Path + "'"), "The file '" + Path + "'");
                case JsonSet:
                    return ToDocument(JsonFromText(Json, "-Json"), "-Json");
                default:
                    if (Definition == null)
                    {
                        return new OrderedDictionary(StringComparer.Ordinal);
                    }

                    var input = Definition is PSObject wrapped ? wrapped.BaseObject : Definition;
                    if (input is FileInfo info)
                    {
                        // Get-Item dashboard.json | New-IoTCentralDashboard: a file binds here, as the pipeline object.
                        return ToDocument(JsonFromText(ReadText(info.FullName), "The file '" + info.FullName + "'"), "The file '" + info.FullName + "'");
                    }

                    if (FromModel(input) is { } fromModel)
                    {
                        return fromModel;
                    }

                    return ToDocument(JsonInput.ToObject(Definition, "-Definition"), "-Definition");
            }
        }

        private static object? JsonFromText(string text, string what)
        {
            try
            {
                return JsonText.Parse(text);
            }
            catch (FormatException exception)
            {
                throw new ArgumentException(what + ": " + exception.Message, exception);
            }
        }

        private OrderedDictionary ToDocument(object? tree, string what)
        {
            if (!(tree is IDictionary map))
            {
                throw new ArgumentException(what + " must hold a JSON object (a " + What + "), not " + (tree == null ? "nothing" : tree is object[] ? "an array" : "a single value") + ".");
            }

            var body = new OrderedDictionary(StringComparer.Ordinal);
            foreach (DictionaryEntry entry in map)
            {
                body[Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty] = entry.Value;
            }

            return body;
        }

        private string? ResolveFile(string path)
        {
            string file;
            try
            {
                file = GetUnresolvedProviderPathFromPSPath(path);
            }
            catch (Exception exception) when (exception is ItemNotFoundException || exception is ProviderNotFoundException || exception is System.Management.Automation.DriveNotFoundException || exception is NotSupportedException)
            {
                WriteFileNotFound(exception.Message, path);
                return null;
            }

            if (!File.Exists(file))
            {
                WriteFileNotFound("The " + What + " file '" + file + "' does not exist.", path);
                return null;
            }

            return file;
        }

        private static string ReadText(string file)
        {
            try
            {
                return File.ReadAllText(file);
            }
            catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
            {
                throw new ArgumentException("The file '" + file + "' cannot be read: " + exception.Message, exception);
            }
        }

        private void WriteInvalid(string message, object target)
        {
            WriteError(new ErrorRecord(new ArgumentException(message), InvalidErrorId, ErrorCategory.InvalidArgument, target));
        }

        private void WriteFileNotFound(string message, string path)
        {
            WriteError(new ErrorRecord(new FileNotFoundException(message), ErrorIds.DefinitionFileNotFound, ErrorCategory.ObjectNotFound, path));
        }

        /// <summary>The parameters a Set- can change, for the message when none is given.</summary>
        protected virtual string ChangeParameters => "-Path, -Json, -Definition, -DisplayName or -Organization";

        /// <summary>
        /// Set-: the document's members as a merge patch, guarded by <paramref name="etag"/> or the etag of the document
        /// given; the updated resource is written through <paramref name="view"/> only when <paramref name="passThru"/>.
        /// </summary>
        protected void Update<T>(string id, string? etag, bool passThru, Func<IoTCentralClient, Dictionary<string, object?>, CancellationToken, Task<T>> update, Func<T, object> view)
        {
            var changes = ReadBody(patch: true);
            if (changes == null)
            {
                return;
            }

            if (changes.Count == 0)
            {
                WriteArgumentError(ErrorIds.NoChanges, "Specify what to change: " + ChangeParameters + ".", id);
                return;
            }

            SendPatch(What + " '" + id + "'", id, changes, etag ?? GivenETag, passThru, (c, ct) => update(c, changes, ct), view);
        }

        /// <summary>
        /// New-: the whole document, created under <paramref name="id"/> (replacing one there); the created resource is
        /// written through <paramref name="view"/>.
        /// </summary>
        protected void Create<T>(string id, Func<IoTCentralClient, Dictionary<string, object?>, CancellationToken, Task<T>> create, Func<T, object> view)
        {
            var body = ReadBody(patch: false);
            if (body != null
                && ShouldProcess(What + " '" + id + "'", "Create")
                && TryCall((c, ct) => create(c, body, ct), id, out var created))
            {
                WriteObject(view(created));
            }
        }
    }
}
