namespace IoTCentral.Emulator.Features.Jobs;

/// <summary>The job and device statuses the emulator reports (the spec leaves them free-form strings).</summary>
internal static class JobStatus
{
    public const string Running = "running";
    public const string Stopped = "stopped";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
    public const string Pending = "pending";
}
