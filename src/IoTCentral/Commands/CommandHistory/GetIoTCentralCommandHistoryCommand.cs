using System.Management.Automation;
using IoTCentral.Infrastructure;
using IoTCentral.Models;
using IoTCentral.Validation;

namespace IoTCentral.Commands.CommandHistory
{
    /// <summary>Lists the recent runs of a device command, streaming page by page.</summary>
    [Cmdlet(VerbsCommon.Get, "IoTCentralCommandHistory")]
    [OutputType(typeof(DeviceCommandResult))]
    public sealed class GetIoTCentralCommandHistoryCommand : DeviceLevelCmdlet
    {
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateDtdlName]
        public string Name { get; set; } = string.Empty;

        protected override void ProcessItem()
        {
            var (id, module, component, name) = (DeviceId, LevelModule, LevelComponent, Name);
            WriteAllPages((c, link, ct) => c.DeviceCommands.ListHistoryAsync(id, module, component, name, link, ct), id, CommandResultView.ForPowerShell);
        }
    }
}
