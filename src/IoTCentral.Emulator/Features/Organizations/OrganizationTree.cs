using IoTCentral.Emulator.State;

namespace IoTCentral.Emulator.Features.Organizations;

/// <summary>
/// The service's organizations form a tree with inheritance: what belongs to an organization's scope includes what
/// belongs to every organization below it (a caller's role assignment, a device group saved in an organization).
/// </summary>
internal static class OrganizationTree
{
    /// <summary>The roots and every organization below them.</summary>
    public static HashSet<string> WithDescendants(EmulatorState state, IEnumerable<string> roots)
    {
        var children = state.Organizations.Values
            .Where(o => o.Parent is not null)
            .ToLookup(o => o.Parent!, o => o.Id, StringComparer.Ordinal);
        var covered = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(roots);
        while (pending.TryPop(out var organization))
        {
            if (covered.Add(organization))
            {
                foreach (var child in children[organization])
                {
                    pending.Push(child);
                }
            }
        }

        return covered;
    }
}
