using System;

namespace IoTCentral.Models
{
    /// <summary>
    /// A request the service (or the network) refused. It lives in Models, not the engine, so that scripts
    /// can catch [IoTCentral.Models.IoTCentralException] without loading any Azure type.
    /// </summary>
    public sealed class IoTCentralException : Exception
    {
        public IoTCentralException(string message)
            : base(message)
        {
        }

        public IoTCentralException(string message, Exception innerException)
            : base(message, innerException)
        {
        }

        public IoTCentralException(int status, string? errorCode, string message, string? requestId, Exception? innerException = null)
            : base(message, innerException)
        {
            Status = status;
            ErrorCode = errorCode;
            RequestId = requestId;
        }

        /// <summary>The HTTP status; 0 when no response arrived (network failure or time-out).</summary>
        public int Status { get; }

        /// <summary>The service's error code, such as 403.043.004.005, or null.</summary>
        public string? ErrorCode { get; }

        /// <summary>The service's correlation id, to quote to support.</summary>
        public string? RequestId { get; }

        /// <summary>What the error is about (Azure Resource Manager's error target, such as properties.subdomain), or null.</summary>
        public string? Target { get; set; }

        /// <summary>Further errors Azure Resource Manager listed under this one, as "code: message (target)" lines.</summary>
        public string[] Details { get; set; } = new string[0];

        /// <summary>The HTTP method and URL of the failed request, with secrets redacted.</summary>
        public string? Request { get; set; }
    }
}
