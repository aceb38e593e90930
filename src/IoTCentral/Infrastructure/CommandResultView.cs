using IoTCentral.Models;

namespace IoTCentral.Infrastructure
{
    internal static class CommandResultView
    {
        /// <summary>Request and response payloads as PSCustomObjects rather than the engine's dictionaries.</summary>
        internal static DeviceCommandResult ForPowerShell(DeviceCommandResult result)
        {
            result.Request = PSObjectTree.ToPowerShell(result.Request);
            result.Response = PSObjectTree.ToPowerShell(result.Response);
            return result;
        }
    }
}
