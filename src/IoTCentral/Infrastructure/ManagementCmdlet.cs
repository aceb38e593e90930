using System;
using System.Globalization;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IoTCentral.Engine;
using IoTCentral.Models;

namespace IoTCentral.Infrastructure
{
    /// <summary>
    /// The base of the application (control-plane) cmdlets: the management session (-Session, else the runspace's
    /// default from Connect-IoTCentral -Management, else the session a piped application came from), the
    /// subscription, engine calls on the pipeline thread, Azure Resource Manager's errors as ErrorRecords, and
    /// waiting for long-running operations with progress.
    /// </summary>
    public abstract class ManagementCmdlet : PSCmdlet, IDisposable
    {
        internal const string NotConnectedMessage =
            "Not signed in to Azure Resource Manager. Run Connect-IoTCentral -Management (with -Identity, -ServicePrincipal, -UseDeviceAuthentication, -TokenCredential or -Emulator) first, or pass -Session. An IoT Central API token cannot manage applications.";

        private readonly CancellationTokenSource stopping = new CancellationTokenSource();
        private IoTCentralManagementSession? target;

        /// <summary>The management session; defaults to the one from Connect-IoTCentral -Management.</summary>
        [Parameter]
        [ValidateNotNull]
        public IoTCentralManagementSession? Session { get; set; }

        protected CancellationToken StopToken => stopping.Token;

        protected IoTCentralManagementSession Target => target ??= ResolveSession(null);

        public void Dispose() => stopping.Dispose();

        protected override void StopProcessing() => stopping.Cancel();

        /// <summary>Acts with the management session a piped application or operation came from, unless -Session says otherwise.</summary>
        protected override void ProcessRecord()
        {
            var piped = PipelineInput.Current(this)?.BaseObject;
            var origin = piped is IoTCentralApplication app ? app.Origin : piped is IoTCentralApplicationOperation operation ? operation.Origin : null;
            target = origin == null ? null : ResolveSession(origin);
            ProcessItem();
        }

        protected abstract void ProcessItem();

        /// <summary>Acts with <paramref name="origin"/> (the session an object given by parameter came from) unless -Session says otherwise.</summary>
        protected void UseOrigin(IoTCentralManagementSession? origin)
        {
            target = ResolveSession(origin);
        }

        /// <summary>-SubscriptionId, else the session's subscription; none is an error before any request.</summary>
        protected string ResolveSubscription(string? given)
        {
            var subscription = given ?? Target.SubscriptionId;
            if (string.IsNullOrEmpty(subscription))
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException("No subscription: pass -SubscriptionId, or connect with Connect-IoTCentral -Management -SubscriptionId."),
                    "IoTCentral.SubscriptionRequired",
                    ErrorCategory.InvalidArgument,
                    null));
            }

            return subscription!;
        }

        protected T Call<T>(Func<ManagementClient, CancellationToken, Task<T>> call)
        {
            var session = Target;
            if (!ManagementSessionStore.TryGetClient(session, out var client))
            {
                ThrowTerminatingError(new ErrorRecord(
                    new InvalidOperationException("This management session is closed. Run Connect-IoTCentral -Management again."),
                    ErrorIds.NotConnected,
                    ErrorCategory.AuthenticationError,
                    session));
            }

            try
            {
                return QueuedLogSink.Run(() => call(client, StopToken), message => LogRelay.Write(this, message));
            }
            catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>Runs a call for one item; a failure is written (or thrown, for sign-in and permission failures) and gives false.</summary>
        protected bool TryCall<T>(Func<ManagementClient, CancellationToken, Task<T>> call, object? errorTarget, out T result)
        {
            try
            {
                result = Call(call);
                return true;
            }
            catch (IoTCentralException exception)
            {
                ReportError(exception, errorTarget);
                result = default!;
                return false;
            }
        }

        protected void ReportError(IoTCentralException exception, object? errorTarget)
        {
            var record = ToErrorRecord(exception, errorTarget);
            if (exception.Status == 401 || exception.Status == 403)
            {
                ThrowTerminatingError(record);
            }

            WriteError(record);
        }

        /// <summary>
        /// Azure Resource Manager's codes are stable and documented, so they are the error ids (IoTCentral.NameNotAvailable,
        /// IoTCentral.AuthorizationFailed); a missing application is IoTCentral.ApplicationNotFound. The target and
        /// details of the error are kept in the message.
        /// </summary>
        internal static ErrorRecord ToErrorRecord(IoTCentralException exception, object? errorTarget)
        {
            var (category, suffix) = ServiceErrorMapper.Classify(exception.Status);
            var code = exception.ErrorCode;
            string errorId;
            if (exception.Status == 404 && (code == "ResourceNotFound" || code == "ResourceGroupNotFound"))
            {
                errorId = "IoTCentral.ApplicationNotFound";
            }
            else if (!string.IsNullOrEmpty(code) && char.IsUpper(code![0]) && IsWord(code))
            {
                errorId = "IoTCentral." + code;
            }
            else
            {
                errorId = "IoTCentral.Application" + suffix;
            }

            var text = exception.Message;
            if (!string.IsNullOrEmpty(exception.Target))
            {
                text += " (target " + exception.Target + ")";
            }

            foreach (var detail in exception.Details)
            {
                text += Environment.NewLine + "  " + detail;
            }

            text += string.Format(CultureInfo.InvariantCulture, " (status {0}, code {1}, requestId {2})", exception.Status, code ?? "none", exception.RequestId ?? "none");
            return new ErrorRecord(exception, errorId, category, errorTarget)
            {
                ErrorDetails = new ErrorDetails(text)
                {
                    RecommendedAction = exception.Status == 403
                        ? "Sign in with an identity that has a role such as Contributor on the subscription or resource group."
                        : exception.Status == 401 ? "Sign in again with Connect-IoTCentral -Management." : null,
                },
            };
        }

        /// <summary>
        /// Polls a long-running operation until it ends, honouring Retry-After, with a progress bar; a failed operation
        /// throws the error it reported.
        /// </summary>
        protected void WaitFor(IoTCentralApplicationOperation operation)
        {
            var activity = operation.Action + " IoT Central application '" + operation.Name + "'";
            var progress = new ProgressRecord(0x10C7, activity, "Waiting for Azure Resource Manager");
            var polls = 0;
            try
            {
                while (operation.Status == "InProgress" || operation.Status == null)
                {
                    progress.StatusDescription = string.Format(CultureInfo.InvariantCulture, "{0} (checked {1} times, next in {2:0.#} s)", operation.Status ?? "Started", polls, operation.RetryAfter.TotalSeconds);
                    WriteProgress(progress);
                    if (StopToken.WaitHandle.WaitOne(operation.RetryAfter))
                    {
                        throw new PipelineStoppedException();
                    }

                    Call<object?>(async (c, ct) =>
                    {
                        await c.PollAsync(operation, ct).ConfigureAwait(false);
                        return null;
                    });
                    polls++;
                    WriteVerbose(string.Format(CultureInfo.InvariantCulture, "{0}: {1}.", activity, operation.Status));
                }
            }
            finally
            {
                progress.RecordType = ProgressRecordType.Completed;
                WriteProgress(progress);
            }
        }

        private static bool IsWord(string code)
        {
            foreach (var c in code)
            {
                if (!char.IsLetterOrDigit(c))
                {
                    return false;
                }
            }

            return true;
        }

        private IoTCentralManagementSession ResolveSession(IoTCentralManagementSession? origin)
        {
            var session = Session ?? (origin != null && ManagementSessionStore.TryGetClient(origin, out _) ? origin : null) ?? ManagementSessionStore.GetDefault();
            if (session == null)
            {
                ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(NotConnectedMessage), ErrorIds.NotConnected, ErrorCategory.AuthenticationError, null));
            }

            return session!;
        }
    }
}
