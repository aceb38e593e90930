using Microsoft.Extensions.Hosting;

namespace IoTCentral.Emulator.Features.Jobs;

/// <summary>
/// Starts the jobs of scheduled jobs whose time has come and advances running jobs a few times a second of real time, so their batches run by the emulator's clock even when
/// nobody reads the jobs (a property job then changes the devices on its own, as on the service).
/// </summary>
internal sealed class JobTicker(JobService jobs, ScheduledJobService scheduled) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                scheduled.Advance();
                jobs.Advance();
            }
            catch (Exception e) when (e is Http.ApiException or InvalidOperationException or IOException)
            {
                // A failed tick (a device removed mid-batch, a state file briefly locked) is retried on the next one.
            }
        }
    }
}
