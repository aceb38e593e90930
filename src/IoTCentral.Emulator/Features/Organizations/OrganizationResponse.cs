using System.Text.Json.Nodes;
using IoTCentral.Emulator.State;

namespace IoTCentral.Emulator.Features.Organizations;

/// <summary>An organization as the spec's <c>Organization</c>; a top-level one has no <c>parent</c>.</summary>
internal static class OrganizationResponse
{
    public static JsonObject From(OrganizationRecord organization)
    {
        var body = new JsonObject { ["id"] = organization.Id, ["displayName"] = organization.DisplayName };
        if (organization.Parent is not null)
        {
            body["parent"] = organization.Parent;
        }

        return body;
    }
}
