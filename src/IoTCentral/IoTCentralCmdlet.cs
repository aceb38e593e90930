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
    /// The one base class: it finds the session, runs engine calls on the pipeline thread with cancellation
    /// from Ctrl+C, relays the engine's request log to -Verbose/-Debug/warnings, and turns service failures
    /// into ErrorRecords through the one mapping.
    /// </summary>
    public abstract class IoTCentralCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource stopping = new CancellationTokenSource();
        private IoTCentralClient? client;
        private RoleResolver? roleResolver;

        /// <summary>The application to talk to; defaults to the session from Connect-IoTCentral.</summary>
        [Parameter]
        [ValidateNotNull]
        public IoTCentralSession? Session { get; set; }

        /// <summary>The noun used in error ids, e.g. "Device" gives IoTCentral.DeviceNotFound.</summary>
        protected abstract string ResourceKind { get; }

        protected CancellationToken StopToken => stopping.Token;

        protected IoTCentralClient Client => client ??= ResolveClient();

        public void Dispose()
        {
            stopping.Dispose();
        }

        protected override void StopProcessing()
        {
            stopping.Cancel();
        }

        /// <summary>Runs one engine call; a service failure is thrown as IoTCentralException.</summary>
        protected T Call<T>(Func<IoTCentralClient, CancellationToken, Task<T>> call)
        {
            var target = Client;
            try
            {
                return QueuedLogSink.Run(() => call(target, StopToken), WriteLog);
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
        /// paging and a large application never sits in memory at once.
        /// </summary>
        protected IEnumerable<T> ReadAllPages<T>(Func<IoTCentralClient, string?, CancellationToken, Task<Page<T>>> listPage)
        {
            string? nextLink = null;
            do
            {
                var link = nextLink;
                var page = Call((c, ct) => listPage(c, link, ct));
                foreach (var item in page.Items)
                {
                    yield return item;
                }

                nextLink = page.NextLink;
            }
            while (!string.IsNullOrEmpty(nextLink));
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
        /// Turns -Role values (display names or ids) into assignments before anything is written. The application's
        /// roles are read at most once per command; an unknown name stops the command with IoTCentral.UnknownRole,
        /// and a failure to read the roles stops it with the service's error.
        /// </summary>
        protected RoleAssignment[] ResolveRoles(IEnumerable<string> roles, string? organization)
        {
            roleResolver ??= new RoleResolver(() => ReadAllPages<Role>((c, link, ct) => c.Roles.ListAsync(link, ct)).ToList());
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

        private bool IsWhatIf()
        {
            if (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var value))
            {
                return value is SwitchParameter s ? s.IsPresent : LanguagePrimitives.IsTrue(value);
            }

            return LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));
        }

        private IoTCentralClient ResolveClient()
        {
            var session = Session ?? SessionStore.GetDefault();
            if (session == null)
            {
                ThrowNotConnected("Not connected to an IoT Central application. Run Connect-IoTCentral first, or pass -Session.");
            }
            else if (SessionStore.TryGetClient(session, out var found))
            {
                return found;
            }
            else
            {
                ThrowNotConnected("This session is closed (Disconnect-IoTCentral was run, or it was not made by Connect-IoTCentral). Run Connect-IoTCentral again.");
            }

            throw new InvalidOperationException("unreachable");
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
    }
}
