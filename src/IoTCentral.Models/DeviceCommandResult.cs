using System;

namespace IoTCentral.Models
{
    /// <summary>One run of a device command: what was sent and what the device answered.</summary>
    public sealed class DeviceCommandResult : IoTCentralObject
    {
        public DeviceCommandResult()
        {
        }

        public DeviceCommandResult(Uri? applicationUrl)
            : base(applicationUrl)
        {
        }

        public string DeviceId { get; set; } = string.Empty;

        public string? Module { get; set; }

        public string? Component { get; set; }

        /// <summary>The command name.</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>The service's id of this run (the JSON "id"), to quote when tracing it.</summary>
        public string? RequestId { get; set; }

        public object? Request { get; set; }

        public object? Response { get; set; }

        /// <summary>The device's status code for the run (200 = success).</summary>
        public int? ResponseCode { get; set; }

        public int? ConnectionTimeout { get; set; }

        public int? ResponseTimeout { get; set; }
    }
}
