using IoTCentral.Models;

namespace IoTCentral.Infrastructure
{
    internal static class DeviceTemplateView
    {
        /// <summary>The capability model as PSCustomObjects, so $t.CapabilityModel.contents.name reads as in JSON.</summary>
        internal static DeviceTemplate ForPowerShell(DeviceTemplate template)
        {
            template.CapabilityModel = PSObjectTree.ToPowerShell(template.CapabilityModel);
            return template;
        }
    }
}
