using System.Management.Automation;
using System.Net.Http;

namespace IoTCentralBench
{
    /// <summary>
    /// The least a cmdlet that makes the benchmark's request can cost: one parameter, then the fastest HttpClient call
    /// there is (a synchronous Send, which the module's engine uses too) and the body written as a string. No session,
    /// authentication policy, retry, error mapping or typed result, which a real module cannot do without. What this
    /// costs over the bare GET is PowerShell's price for a command plus the difference between the two sends.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "BenchDevice")]
    public sealed class GetBenchDeviceCommand : PSCmdlet
    {
        /// <summary>The client the benchmark set up for the emulator (the same one the bare GET uses).</summary>
        public static HttpClient Http { get; set; }

        [Parameter(Mandatory = true, Position = 0)]
        public string Id { get; set; }

        protected override void ProcessRecord()
        {
            WriteObject(BenchHttp.Send(Http, "/api/devices/" + Id + "?api-version=2022-07-31"));
        }
    }
}
