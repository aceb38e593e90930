using System.Management.Automation;
using IoTCentral.Infrastructure;
using IoTCentral.Models;

namespace IoTCentral.Commands.Session
{
    /// <summary>Forgets a session's credential and, if it was the default, the default too.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "IoTCentral")]
    [OutputType(typeof(void))]
    public sealed class DisconnectIoTCentralCommand : PSCmdlet
    {
        [Parameter(ValueFromPipeline = true)]
        [ValidateNotNull]
        public IoTCentralSession? Session { get; set; }

        protected override void ProcessRecord()
        {
            var session = Session ?? SessionStore.GetDefault();
            if (session == null)
            {
                WriteVerbose("Not connected; nothing to disconnect.");
                return;
            }

            SessionStore.Disconnect(session);

            WriteVerbose("Disconnected from " + session.ApplicationUrl + ".");
        }
    }
}
