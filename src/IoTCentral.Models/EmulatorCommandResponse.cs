using System;

namespace IoTCentral.Models
{
    /// <summary>
    /// A command answer registered (or unregistered) for a device through the IoT Central emulator's device feed: how
    /// the device answers that command at that level from now on.
    /// </summary>
    public sealed class EmulatorCommandResponse : IoTCentralObject
    {
        public EmulatorCommandResponse()
        {
        }

        public EmulatorCommandResponse(Uri? applicationUrl)
            : base(applicationUrl)
        {
        }

        public string DeviceId { get; set; } = string.Empty;

        public string? Module { get; set; }

        public string? Component { get; set; }

        public string CommandName { get; set; } = string.Empty;

        /// <summary>False once unregistered: the device no longer answers the command.</summary>
        public bool Registered { get; set; }

        /// <summary>The response code given, or null for the emulator's default (200).</summary>
        public int? ResponseCode { get; set; }

        /// <summary>The response payload given (a tree of dictionaries, arrays and scalars), or null for none.</summary>
        public object? Response { get; set; }

        public override string ToString() => DeviceId + "/" + CommandName;
    }
}
