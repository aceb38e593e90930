using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IoTCentral.Engine;

namespace IoTCentral.Infrastructure
{
    public abstract partial class DeviceCmdlet
    {
        /// <summary>
        /// Acts as the device through the IoT Central emulator's device feed: refuses a real application before
        /// anything is sent (it has no feed), asks ShouldProcess, then runs <paramref name="send"/>, which the engine
        /// signs with the device's own key. True when it was sent; failures are written as errors.
        /// </summary>
        protected bool TrySendAsDevice(string target, string action, Func<EmulatorFeedOperations, string, CancellationToken, Task> send)
        {
            var application = Client.ApplicationUrl;
            if (EmulatorFeedOperations.IsCloudApplication(application))
            {
                ThrowTerminatingError(new ErrorRecord(
                    new InvalidOperationException(application.GetLeftPart(UriPartial.Authority) + " is a real IoT Central application. " + MyInvocation.MyCommand.Name
                        + " works only against the IoT Central emulator (Start-IoTCentralEmulator), whose device feed stands in for IoT Hub; a real device sends its own data."),
                    ErrorIds.NotAnEmulator,
                    ErrorCategory.InvalidOperation,
                    DeviceId));
            }

            if (!ShouldProcess(target, action))
            {
                return false;
            }

            var id = DeviceId;
            return TryCall((c, ct) => send(c.EmulatorFeed, id, ct), id);
        }
    }
}
