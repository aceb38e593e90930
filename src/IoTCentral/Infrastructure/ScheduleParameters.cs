using System;

namespace IoTCentral.Infrastructure
{
    /// <summary>The rules New- and Set-IoTCentralScheduledJob apply to a schedule's end before any request.</summary>
    internal static class ScheduleParameters
    {
        /// <summary>What is wrong with the end given, or null when nothing is.</summary>
        /// <param name="needsRecurrence">True for a new schedule without -Recurrence: it runs once, so an end means nothing.</param>
        public static string? Problem(DateTime? endDate, int? occurrences, bool needsRecurrence)
        {
            if (endDate != null && occurrences != null)
            {
                return "Give -EndDate or -Occurrences, not both: a schedule ends one way.";
            }

            return needsRecurrence && (endDate != null || occurrences != null)
                ? "-EndDate and -Occurrences need -Recurrence: without one the job runs once, at -Start."
                : null;
        }
    }
}
