using System.Collections.Generic;
using System.Linq;
using System.Threading;
using IoTCentral.Engine;

namespace IoTCentral.Completion
{
    /// <summary>Completes device ids from the first page of devices (a large fleet is not listed in full).</summary>
    public sealed class DeviceIdCompleter : SessionCompleter
    {
        protected override IEnumerable<string> Fetch(IoTCentralClient client, CancellationToken cancellationToken) =>
            client.Devices.ListAsync(null, cancellationToken).GetAwaiter().GetResult().Items.Select(d => d.Id);
    }
}
