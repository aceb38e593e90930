using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IoTCentral.Engine;
using IoTCentral.Infrastructure;
using IoTCentral.Models;

namespace IoTCentral
{
    /// <summary>
    /// The one base class: it finds the session (for a piped object, the one for the application the object came
    /// from), runs engine calls on the pipeline thread with cancellation from Ctrl+C, relays the engine's request
    /// log to -Verbose/-Debug/warnings, stamps what it writes with its application, and turns service failures
    /// into ErrorRecords through the one mapping.
    /// </summary>
    public abstract partial class IoTCentralCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource stopping = new CancellationTokenSource();
        private readonly Dictionary<IoTCentralSession, RoleResolver> roleResolvers = new Dictionary<IoTCentralSession, RoleResolver>();
        private IoTCentralSession? target;
        private (bool Verbose, bool Debug)? logLevels;
        private bool roleNamesUnavailableSaid;

        /// <summary>The application to talk to; defaults to the session from Connect-IoTCentral.</summary>
        [Parameter]
        [ValidateNotNull]
        public IoTCentralSession? Session { get; set; }

        /// <summary>The noun used in error ids, e.g. "Device" gives IoTCentral.DeviceNotFound.</summary>
        protected abstract string ResourceKind { get; }

        /// <summary>
        /// Whether a piped object names what the command acts on (true: an explicit -Session for another application
        /// is an error for that object) or only supplies values for something new (false: New-* with -Session copies
        /// from one application to another).
        /// </summary>
        protected virtual bool ActsOnPipedObjects => true;

        protected CancellationToken StopToken => stopping.Token;

        protected IoTCentralClient Client => ClientFor(target ??= DefaultTarget());

        /// <summary>The object piped to the current record; null without pipeline input.</summary>
        protected object? PipedObject => PipelineInput.Current(this)?.BaseObject;

        public void Dispose()
        {
            // Requests still running (a terminating error stopped the command mid-batch) have no one to report to.
            stopping.Cancel();
            stopping.Dispose();
        }

        protected override void StopProcessing()
        {
            stopping.Cancel();
        }

        /// <summary>
        /// Chooses the application for each record before the command sees it: a piped object's own, or -Session's,
        /// or the default. An object that cannot be sent to its application is an error for that object only.
        /// </summary>
        protected sealed override void ProcessRecord()
        {
            target = null;
            if (MyInvocation.ExpectingInput && !PipelineInput.IsAvailable && Session == null)
            {
                ThrowArgumentError(ErrorIds.SessionMismatch, "This PowerShell does not tell the module which application piped objects came from; pass -Session.", null);
            }

            if (UseOriginOf(PipelineInput.Current(this)))
            {
                ProcessItem();
            }

            WriteFinishedItems();
        }

        /// <summary>Waits for the requests still running (see <see cref="Submit{T}"/>) and reports them, in input order.</summary>
        protected override void EndProcessing()
        {
            WriteRemainingItems();
        }

        /// <summary>The command's work for one record, with the application already chosen.</summary>
        protected abstract void ProcessItem();

        /// <summary>
        /// Targets the application <paramref name="input"/> came from (for work done outside ProcessItem, such as a
        /// token created at the end from piped roles). False after writing the error for that object.
        /// </summary>
        protected bool UseOriginOf(object? input)
        {
            var origin = PipelineOrigin.Of(input);
            if (origin == null)
            {
                return true;
            }

            if (Session != null)
            {
                if (ActsOnPipedObjects && (Session.ApplicationUrl == null || !ApplicationUrls.SameApplication(Session.ApplicationUrl, origin.ApplicationUrl)))
                {
                    WriteError(new ErrorRecord(
                        new ArgumentException("The input object '" + origin.Item + "' came from " + origin.ApplicationUrl + ", but -Session is connected to " + Session.ApplicationUrl + ", so the command did not act on it. Leave out -Session to act where the object came from."),
                        ErrorIds.SessionMismatch,
                        ErrorCategory.InvalidArgument,
                        origin.Item));
                    return false;
                }

                target = Session;
                return true;
            }

            // The session the object came from if it is still connected here, else this runspace's default or newest
            // session for that application; the object's own session from another runspace only as a last resort.
            var connected = SessionStore.ConnectedTo(origin.ApplicationUrl);
            target = connected.FirstOrDefault(s => ReferenceEquals(s, origin.Session)) ?? connected.FirstOrDefault();
            if (target == null && origin.Session != null && SessionStore.TryGetClient(origin.Session, out _))
            {
                target = origin.Session;
            }

            if (target == null)
            {
                WriteError(new ErrorRecord(
                    new InvalidOperationException("The input object '" + origin.Item + "' came from " + origin.ApplicationUrl + ", and no session here is connected to that application. Run Connect-IoTCentral for it first, or pass -Session."),
                    ErrorIds.ApplicationNotConnected,
                    ErrorCategory.AuthenticationError,
                    origin.Item));
                return false;
            }

            return true;
        }

        /// <summary>Writes an object stamped with the application it came from, so that piping it on acts there.</summary>
        protected new void WriteObject(object sendToPipeline)
        {
            Stamp(sendToPipeline);
            base.WriteObject(sendToPipeline);
        }

        protected new void WriteObject(object sendToPipeline, bool enumerateCollection)
        {
            if (enumerateCollection && sendToPipeline is System.Collections.IEnumerable items && !(sendToPipeline is string))
            {
                foreach (var item in items)
                {
                    Stamp(item);
                }
            }
            else
            {
                Stamp(sendToPipeline);
            }

            base.WriteObject(sendToPipeline, enumerateCollection);
        }

        /// <summary>Runs one engine call; a service failure is thrown as IoTCentralException.</summary>
        protected T Call<T>(Func<IoTCentralClient, CancellationToken, Task<T>> call)
        {
            var target = Client;
            try
            {
                var (verbose, debug) = LogLevels();
                return QueuedLogSink.Run(() => call(target, StopToken), WriteLog, verbose, debug);
            }
            catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        protected void Call(Func<IoTCentralClient, CancellationToken, Task> call)
        {
            Call<object?>(async (c, ct) =>
            {
                await call(c, ct).ConfigureAwait(false);
                return null;
            });
        }

        /// <summary>
        /// Runs one engine call for one item: a failure becomes a non-terminating error for that item (the
        /// pipeline goes on), except sign-in and permission failures, which stop the command.
        /// </summary>
        protected bool TryCall<T>(Func<IoTCentralClient, CancellationToken, Task<T>> call, object? target, out T result)
        {
            try
            {
                result = Call(call);
                return true;
            }
            catch (IoTCentralException exception)
            {
                ReportServiceError(exception, target);
                result = default!;
                return false;
            }
        }

        protected bool TryCall(Func<IoTCentralClient, CancellationToken, Task> call, object? target)
        {
            return TryCall<object?>(
                async (c, ct) =>
                {
                    await call(c, ct).ConfigureAwait(false);
                    return null;
                },
                target,
                out _);
        }

        /// <summary>
        /// Streams every item of a paged list, one page at a time, so that Select-Object -First stops the
        /// paging and a large application never sits in memory at once. A list of more than one page shows how
        /// many items have been read so far (the total is unknown until the last page).
        /// </summary>
        protected IEnumerable<T> ReadAllPages<T>(Func<IoTCentralClient, string?, CancellationToken, Task<Page<T>>> listPage)
        {
            string? nextLink = null;
            var progress = new ListingProgress(this);
            do
            {
                var link = nextLink;
                var page = Call((c, ct) => listPage(c, link, ct));
                nextLink = page.NextLink;
                progress.PageRead(page.Items.Count, !string.IsNullOrEmpty(nextLink));
                foreach (var item in page.Items)
                {
                    yield return item;
                }
            }
            while (!string.IsNullOrEmpty(nextLink));

            progress.Complete();
        }

        protected void ReportServiceError(IoTCentralException exception, object? target)
        {
            var record = ServiceErrorMapper.ToErrorRecord(exception, ResourceKind, target);
            if (ServiceErrorMapper.IsTerminating(exception))
            {
                ThrowTerminatingError(record);
            }

            WriteError(record);
        }

        protected void ThrowArgumentError(string errorId, string message, object? target)
        {
            ThrowTerminatingError(new ErrorRecord(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target));
        }

        protected void WriteArgumentError(string errorId, string message, object? target)
        {
            WriteError(new ErrorRecord(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target));
        }

        /// <summary>
        /// Reads an optional JSON payload parameter (a hashtable, an object, a scalar or JSON text) as the tree the engine
        /// sends. Null when the parameter was not given, which differs from an explicit $null. False, after writing
        /// <paramref name="errorId"/> for this item, when the value cannot be sent as JSON.
        /// </summary>
        protected bool TryReadJsonArgument(string parameterName, object? value, string errorId, out bool given, out object? tree)
        {
            given = IsBound(parameterName);
            tree = null;
            try
            {
                tree = given ? JsonInput.ToTree(value, "-" + parameterName) : null;
                return true;
            }
            catch (ArgumentException exception)
            {
                WriteArgumentError(errorId, exception.Message, value);
                return false;
            }
        }

        /// <summary>
        /// ShouldProcess for removals, which are ConfirmImpact High: -Force skips the prompt, but -WhatIf
        /// (or $WhatIfPreference) still wins so that a forced command can be rehearsed.
        /// </summary>
        protected bool ShouldRemove(bool force, string target, string action)
        {
            if (force && !IsWhatIf())
            {
                return true;
            }

            return ShouldProcess(target, action);
        }

        protected bool IsBound(string parameterName) => MyInvocation.BoundParameters.ContainsKey(parameterName);

        /// <summary>
        /// Adds a merge-patch field for a parameter the user gave, and only then: an absent parameter must leave
        /// the service's value alone, while one given as $null must clear it.
        /// </summary>
        protected void PatchIfBound(System.Collections.IDictionary changes, string parameterName, string jsonName, Func<object?> value)
        {
            if (IsBound(parameterName))
            {
                changes[jsonName] = value();
            }
        }

        /// <summary>
        /// Set-: sends <paramref name="changes"/> as a merge patch once -WhatIf/-Confirm allow an "Update" of the members
        /// named; <paramref name="etag"/>, when given, goes with it as the guard and is not named as a change. The updated
        /// resource is written (through <paramref name="view"/>, if any) only with <paramref name="passThru"/>.
        /// </summary>
        protected void SendPatch<T>(string target, object id, IDictionary<string, object?> changes, string? etag, bool passThru, Func<IoTCentralClient, CancellationToken, Task<T>> update, Func<T, object>? view = null)
        {
            var action = "Update " + string.Join(", ", changes.Keys);
            if (etag != null)
            {
                changes["etag"] = etag;
            }

            if (ShouldProcess(target, action)
                && TryCall(update, id, out var updated)
                && passThru)
            {
                WriteObject(view == null ? updated! : view(updated));
            }
        }

        /// <summary>
        /// Turns -Role values (display names or ids) into assignments before anything is written. The application's
        /// roles are read at most once per command; an unknown name stops the command with IoTCentral.UnknownRole,
        /// and a failure to read the roles stops it with the service's error.
        /// </summary>
        protected RoleAssignment[] ResolveRoles(IEnumerable<string> roles, string? organization)
        {
            var roleResolver = RoleResolverForTarget();
            var assignments = new List<RoleAssignment>();
            foreach (var role in roles.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                string roleId;
                string error;
                bool resolved;
                try
                {
                    resolved = roleResolver.TryResolve(role, out roleId, out error);
                }
                catch (IoTCentralException exception)
                {
                    // Without the roles nothing can be granted: stop the command, with the service's error.
                    ThrowTerminatingError(ServiceErrorMapper.ToErrorRecord(exception, "Role", role));
                    throw;
                }

                if (!resolved)
                {
                    ThrowArgumentError(ErrorIds.UnknownRole, error, role);
                }

                assignments.Add(new RoleAssignment(roleId, organization));
            }

            return assignments.ToArray();
        }

        /// <summary>
        /// Fills <see cref="RoleAssignment.RoleName"/> on output, on the pipeline thread, from the roles this command
        /// read (or reads now, once per application). Names only help reading, so a failure to read the roles leaves
        /// them null and says so once in -Verbose; ids the list lacks (a deleted role) stay unnamed too.
        /// </summary>
        protected void NameRoles(IReadOnlyList<RoleAssignment> assignments)
        {
            if (assignments.Count == 0)
            {
                return;
            }

            var names = RoleResolverForTarget().Names(out var failure);
            if (failure != null && !roleNamesUnavailableSaid)
            {
                roleNamesUnavailableSaid = true;
                WriteVerbose("Roles are shown by id: the application's roles could not be read (" + failure.Message + ").");
            }

            if (names == null)
            {
                return;
            }

            foreach (var assignment in assignments)
            {
                assignment.RoleName = names.TryGetValue(assignment.Role, out var name) ? name : null;
            }
        }

        /// <summary>The user, with <see cref="NameRoles"/> applied, for writing.</summary>
        protected User WithRoleNames(User user)
        {
            NameRoles(user.Roles);
            return user;
        }

        /// <summary>The API token, with <see cref="NameRoles"/> applied, for writing.</summary>
        protected ApiToken WithRoleNames(ApiToken token)
        {
            NameRoles(token.Roles);
            return token;
        }

        private RoleResolver RoleResolverForTarget()
        {
            // Roles are the application's own, so each application's are read once, when first needed.
            var session = target ??= DefaultTarget();
            if (!roleResolvers.TryGetValue(session, out var roleResolver))
            {
                roleResolver = new RoleResolver(() => ReadAllPages<Role>((c, link, ct) => c.Roles.ListAsync(link, ct)).ToList());
                roleResolvers.Add(session, roleResolver);
            }

            return roleResolver;
        }

        private bool IsWhatIf()
        {
            if (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var value))
            {
                return value is SwitchParameter s ? s.IsPresent : LanguagePrimitives.IsTrue(value);
            }

            return LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));
        }

        private IoTCentralSession DefaultTarget()
        {
            var session = Session ?? SessionStore.GetDefault();
            if (session == null)
            {
                ThrowNotConnected("Not connected to an IoT Central application. Run Connect-IoTCentral first, or pass -Session.");
            }

            return session!;
        }

        private IoTCentralClient ClientFor(IoTCentralSession session)
        {
            if (!SessionStore.TryGetClient(session, out var found))
            {
                ThrowNotConnected("This session is closed (Disconnect-IoTCentral was run, or it was not made by Connect-IoTCentral). Run Connect-IoTCentral again.");
            }

            return found;
        }

        private void Stamp(object? output)
        {
            if (target != null && (output is PSObject wrapped ? wrapped.BaseObject : output) is IoTCentralObject item)
            {
                item.SetOrigin(target);
            }
        }

        private void ThrowNotConnected(string message)
        {
            ThrowTerminatingError(new ErrorRecord(
                new InvalidOperationException(message),
                ErrorIds.NotConnected,
                ErrorCategory.AuthenticationError,
                Session));
        }

        private void WriteLog(LogMessage message) => LogRelay.Write(this, message);

        /// <summary>The request-log levels this invocation shows; its preferences do not change while it runs.</summary>
        private (bool Verbose, bool Debug) LogLevels()
        {
            if (logLevels == null)
            {
                LogRelay.WantedLevels(this, out var verbose, out var debug);
                logLevels = (verbose, debug);
            }

            return logLevels.Value;
        }
    }
}
