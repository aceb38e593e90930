using System.Management.Automation;
using IoTCentral.Infrastructure;
using IoTCentral.Models;

namespace IoTCentral.Commands.Session
{
    /// <summary>Shows the runspace's default session (nothing when not connected).</summary>
    [Cmdlet(VerbsCommon.Get, "IoTCentralSession")]
    [OutputType(typeof(IoTCentralSession))]
    public sealed class GetIoTCentralSessionCommand : PSCmdlet
    {
        protected override void ProcessRecord()
        {
            var session = SessionStore.GetDefault();
            if (session != null)
            {
                WriteObject(session);
            }
        }
    }
}
