using System.Globalization;
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
        internal static ErrorRecord ToErrorRecord(IoTCentralException exception, string resourceKind, object? target)
        {
            var (category, suffix) = Classify(exception.Status);
            var record = new ErrorRecord(exception, "IoTCentral." + resourceKind + suffix, category, target);
            record.ErrorDetails = new ErrorDetails(Describe(exception))
            {
                RecommendedAction = RecommendedAction(exception.Status),
            };
            return record;
        }

        /// <summary>Not signed in or not allowed: every later request would fail the same way.</summary>
        internal static bool IsTerminating(IoTCentralException exception) =>
            exception.Status == 401 || exception.Status == 403;

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

        private static string? RecommendedAction(int status)
        {
            switch (status)
            {
                case 401: return "Sign in again with Connect-IoTCentral; the token may have expired or been removed.";
                case 403: return "Use a session whose role (for example Administrator) allows this operation.";
                case 429: return "Reduce the request rate; the service allows about 20 requests per second per application.";
                default: return null;
            }
        }
    }
}
