using System;
using System.Collections.Generic;

namespace IoTCentral.Models
{
    /// <summary>A scheduled job: what a job does (Data) to the devices of a group, and when it runs (Schedule).</summary>
    public sealed class ScheduledJob : IoTCentralObject
    {
        public ScheduledJob()
        {
        }

        public ScheduledJob(Uri? applicationUrl)
            : base(applicationUrl)
        {
        }

        public string Id { get; set; } = string.Empty;

        public string? DisplayName { get; set; }

        public string? Description { get; set; }

        /// <summary>The id of the device group each produced job runs on.</summary>
        public string Group { get; set; } = string.Empty;

        public JobBatch? Batch { get; set; }

        public JobCancellationThreshold? CancellationThreshold { get; set; }

        public JobData[] Data { get; set; } = Array.Empty<JobData>();

        public string[] Organizations { get; set; } = Array.Empty<string>();

        public JobSchedule Schedule { get; set; } = new JobSchedule();

        /// <summary>Whether occurrences produce jobs; a disabled scheduled job skips them.</summary>
        public bool Enabled { get; set; } = true;

        /// <summary>Whether the schedule has ended (no occurrence left).</summary>
        public bool Completed { get; set; }

        public string? ETag { get; set; }

        internal override IEnumerable<IoTCentralObject> Parts => Data;

        public override string ToString() => Id;
    }

    /// <summary>
    /// When a scheduled job runs: at Start, then again daily, weekly or monthly (Recurrence) until EndDate or for
    /// EndOccurrences runs in all; with no recurrence it runs once.
    /// </summary>
    public sealed class JobSchedule
    {
        public DateTimeOffset Start { get; set; }

        /// <summary>daily, weekly or monthly; null to run once.</summary>
        public string? Recurrence { get; set; }

        /// <summary>The last day (UTC) an occurrence may fall on.</summary>
        public DateTime? EndDate { get; set; }

        /// <summary>How many occurrences in all, 1 to 999.</summary>
        public int? EndOccurrences { get; set; }

        public override string ToString()
        {
            var text = (Recurrence ?? "once") + " from " + Start.ToString("u", System.Globalization.CultureInfo.InvariantCulture);
            if (EndDate is { } date)
            {
                return text + " until " + date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            }

            return EndOccurrences is { } count ? text + ", " + count + " times" : text;
        }
    }
}
