using System;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using IoTCentral.Models;

namespace IoTCentral.Infrastructure
{
    /// <summary>
    /// The one mapping from a service answer to a PowerShell error: category by HTTP status, a stable id
    /// built from the resource kind ("IoTCentral.DeviceNotFound"), the id as target, and the service's
    /// message with its requestId in ErrorDetails so users can quote it to support.
    /// </summary>
    internal static class ServiceErrorMapper
    {
        // Codes that name what went wrong more precisely than the status does: a 409 for a template that devices
        // still use is not "already exists", and a 404 for an unknown telemetry name is not a missing device.
        private const string RequestToOtherHost = "RequestToOtherHost";
        private const string BodyTooLarge = "BodyTooLarge";
        private const string SignInFailed = "SignInFailed";

        // A 401 from the emulator's device feed: the device's signature, not the caller's sign-in, was refused.
        private const string DeviceSignatureRejected = "DeviceSignatureRejected";

        // The emulator-only device feed, asked of a real application (or a device without a key to sign with): not a
        // missing resource or a connection failure, whatever the status.
        private static readonly string[] WrongTargetCodes = { "NotAnEmulator", "DeviceHasNoKey" };

        private static readonly string[] SpecificCodeSuffixes = { "NotFound", "AlreadyExists", "InUse", "NotAssignedToTemplate", "NotAnEdgeDevice", "NotRunning", "NotStopped", "NoDevices", "NoFailedDevices", "VerificationFailed" };

        // A job in the wrong state for the request (stop a finished job, rerun one without failures) is a 409 that
        // names no existing resource: the state, not the id, is the problem.
        private static readonly string[] StateCodeSuffixes = { "NotRunning", "NotStopped", "NoFailedDevices" };

        internal static ErrorRecord ToErrorRecord(IoTCentralException exception, string resourceKind, object? target)
        {
            var (category, suffix) = Classify(exception.Status);
            var errorId = "IoTCentral." + resourceKind + suffix;
            var code = SpecificCode(exception.ErrorCode);
            if (exception.Status == 0 && exception.ErrorCode == RequestToOtherHost)
            {
                // Refused by the client before sending: a URL (or nextLink) that would carry the credential elsewhere.
                errorId = "IoTCentral." + RequestToOtherHost;
                category = ErrorCategory.SecurityError;
            }
            else if (exception.Status == 401 && exception.ErrorCode == SignInFailed)
            {
                // The token could not be had (a refresh failed, a credential threw): the same failure as at Connect-IoTCentral.
                errorId = ErrorIds.SignInFailed;
                category = ErrorCategory.AuthenticationError;
            }
            else if (exception.Status == 401 && exception.ErrorCode == DeviceSignatureRejected)
            {
                errorId = "IoTCentral." + DeviceSignatureRejected;
                category = ErrorCategory.SecurityError;
            }
            else if ((exception.Status == 0 && exception.ErrorCode == BodyTooLarge) || exception.Status == 413)
            {
                // Refused by the client before sending (over its 4 MiB limit), or by the service: the same mistake.
                errorId = "IoTCentral." + BodyTooLarge;
                category = ErrorCategory.InvalidArgument;
            }
            else if (Array.IndexOf(WrongTargetCodes, exception.ErrorCode) >= 0)
            {
                errorId = "IoTCentral." + exception.ErrorCode;
                category = ErrorCategory.InvalidOperation;
            }
            else if (code != null)
            {
                errorId = "IoTCentral." + code;
                if (code.EndsWith("InUse", StringComparison.Ordinal))
                {
                    category = ErrorCategory.ResourceBusy;
                }
                else if (StateCodeSuffixes.Any(s => code.EndsWith(s, StringComparison.Ordinal)))
                {
                    category = ErrorCategory.InvalidOperation;
                }
            }

            var record = new ErrorRecord(exception, errorId, category, target);
            record.ErrorDetails = new ErrorDetails(Describe(exception))
            {
                RecommendedAction = RecommendedAction(exception),
            };
            return record;
        }

        /// <summary>
        /// A service code such as DeviceTemplateInUse or TelemetryNotFound, or null for a generic one ("NotFound") or
        /// a dotted numeric code (the real service's, whose catalogue is not public), which the status describes.
        /// </summary>
        private static string? SpecificCode(string? code)
        {
            if (string.IsNullOrEmpty(code) || !char.IsUpper(code![0]) || !code.All(char.IsLetterOrDigit))
            {
                return null;
            }

            foreach (var suffix in SpecificCodeSuffixes)
            {
                if (code.Length > suffix.Length && code.EndsWith(suffix, StringComparison.Ordinal))
                {
                    return code;
                }
            }

            return null;
        }

        /// <summary>
        /// Not signed in, not allowed, or not an emulator: every later request would fail the same way. A device's refused
        /// signature is that device's error only.
        /// </summary>
        internal static bool IsTerminating(IoTCentralException exception) =>
            (exception.Status == 401 && exception.ErrorCode != DeviceSignatureRejected) || exception.Status == 403 || exception.ErrorCode == WrongTargetCodes[0];

        internal static (ErrorCategory Category, string Suffix) Classify(int status)
        {
            switch (status)
            {
                case 400: return (ErrorCategory.InvalidArgument, "InvalidArgument");
                case 401: return (ErrorCategory.AuthenticationError, "Unauthorized");
                case 403: return (ErrorCategory.PermissionDenied, "AccessDenied");
                case 404: return (ErrorCategory.ObjectNotFound, "NotFound");
                case 409: return (ErrorCategory.ResourceExists, "AlreadyExists");
                case 412: return (ErrorCategory.WriteError, "PreconditionFailed");
                case 422: return (ErrorCategory.InvalidData, "InvalidData");
                case 429: return (ErrorCategory.LimitsExceeded, "Throttled");
                case 0: return (ErrorCategory.ConnectionError, "Unreachable");
                default:
                    return status >= 500
                        ? (ErrorCategory.ConnectionError, "ServiceError")
                        : (ErrorCategory.InvalidOperation, "RequestFailed");
            }
        }

        private static string Describe(IoTCentralException exception)
        {
            var text = exception.Message;
            if (!string.IsNullOrEmpty(exception.ErrorCode) || !string.IsNullOrEmpty(exception.RequestId))
            {
                text += string.Format(
                    CultureInfo.InvariantCulture,
                    " (status {0}, code {1}, requestId {2})",
                    exception.Status,
                    exception.ErrorCode ?? "none",
                    exception.RequestId ?? "none");
            }

            return text;
        }

        private static string? RecommendedAction(IoTCentralException exception)
        {
            if (exception.ErrorCode == DeviceSignatureRejected)
            {
                return "Check that this computer's clock and the emulator's agree: a device signature is good for 15 minutes from this computer's time. If they do, the device's keys changed while it was sent; send again.";
            }

            switch (exception.Status)
            {
                case 401: return "Sign in again with Connect-IoTCentral; the token may have expired or been removed.";
                case 403: return "Use a session whose role (for example Administrator) allows this operation.";
                case 429: return "Reduce the request rate; the service allows about 20 requests per second per application.";
                default: return null;
            }
        }
    }
}
