using System.Collections.Concurrent;

namespace IoTCentral.Emulator.Management;

/// <summary>
/// The long-running operations of the management endpoint. The work itself is done when the request arrives; an
/// operation then reports <c>InProgress</c> for a set number of polls (<see cref="EmulatorOptions.ManagementOperationPolls"/>)
/// before <c>Succeeded</c>, so that clients exercise Azure-AsyncOperation/Location polling and Retry-After
/// deterministically, without timing.
/// </summary>
internal sealed class ArmOperations(int pollsInProgress, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Operation> _operations = new(StringComparer.OrdinalIgnoreCase);

    public sealed class Operation(string id, string location, string? resourceId, DateTimeOffset started)
    {
        private int _polls;

        public string Id { get; } = id;

        public string Location { get; } = location;

        /// <summary>The resource a create or update leaves behind (for the final GET of the Location URL); null for a delete.</summary>
        public string? ResourceId { get; } = resourceId;

        public DateTimeOffset Started { get; } = started;

        public DateTimeOffset? Ended { get; set; }

        public int Poll() => Interlocked.Increment(ref _polls);
    }

    public Operation Start(string location, string? resourceId)
    {
        var operation = new Operation(Guid.NewGuid().ToString("D"), location, resourceId, clock.GetUtcNow());
        _operations[operation.Id] = operation;
        if (pollsInProgress == 0)
        {
            operation.Ended = operation.Started;
        }

        return operation;
    }

    /// <summary>Counts one poll; true once the operation has finished.</summary>
    public bool Poll(string id, out Operation operation)
    {
        operation = _operations.TryGetValue(id, out var found)
            ? found
            : throw ArmException.NotFound("OperationNotFound", $"The operation '{id}' does not exist.");
        if (operation.Ended is not null)
        {
            return true;
        }

        if (operation.Poll() > pollsInProgress)
        {
            operation.Ended = clock.GetUtcNow();
            return true;
        }

        return false;
    }
}
