using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IoTCentral.Emulator.Auth.Scope;

/// <summary>
/// Applies the request's <see cref="OrganizationScope"/> to the resource ids in its path, once for every route: a
/// device, group, job, scheduled job, user, API token, organization, dashboard or deployment manifest outside the scope answers as if it did not exist
/// (404, with the resource's own error code), so its sub-resources (properties, commands, credentials, attestation,
/// relationships, a group's devices, a job's devices) are hidden with it. Two cases are 403 instead: a PUT that
/// would replace such a resource (a create-or-replace cannot honestly say "does not exist" while the id is taken), and
/// changing an organization the caller sees but does not manage (its own, see <see cref="OrganizationOwners.ChangingOf"/>).
/// </summary>
internal static class ScopedRouteValues
{
    private sealed record Resource(string What, string NotFoundCode, Func<EmulatorState, string, object?> Find);

    private static readonly Dictionary<string, Resource> ByRouteValue = new(StringComparer.Ordinal)
    {
        ["deviceId"] = new("device", ErrorCodes.DeviceNotFound, (s, id) => s.Devices.GetValueOrDefault(id)),
        ["deviceGroupId"] = new("device group", ErrorCodes.DeviceGroupNotFound, (s, id) => s.DeviceGroups.GetValueOrDefault(id)),
        ["jobId"] = new("job", ErrorCodes.JobNotFound, (s, id) => s.Jobs.GetValueOrDefault(id)),
        ["scheduledJobId"] = new("scheduled job", ErrorCodes.ScheduledJobNotFound, (s, id) => s.ScheduledJobs.GetValueOrDefault(id)),
        ["userId"] = new("user", ErrorCodes.UserNotFound, (s, id) => s.Users.GetValueOrDefault(id)),
        ["tokenId"] = new("API token", ErrorCodes.ApiTokenNotFound, (s, id) => s.ApiTokens.GetValueOrDefault(id)),
        ["organizationId"] = new("organization", ErrorCodes.OrganizationNotFound, (s, id) => s.Organizations.GetValueOrDefault(id)),
        ["dashboardId"] = new("dashboard", ErrorCodes.DashboardNotFound, (s, id) => s.Dashboards.GetValueOrDefault(id)),
        ["deploymentManifestId"] = new("deployment manifest", ErrorCodes.DeploymentManifestNotFound, (s, id) => s.DeploymentManifests.GetValueOrDefault(id)),
    };

    public static void Check(HttpContext context, OrganizationScope scope, EmulatorState state)
    {
        if (scope.IsApplicationWide)
        {
            return;
        }

        var pattern = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "";
        var changes = !HttpMethods.IsGet(context.Request.Method);
        foreach (var (name, value) in context.Request.RouteValues)
        {
            if (value is not string id || !ByRouteValue.TryGetValue(name, out var resource) || resource.Find(state, id) is not { } record)
            {
                continue;
            }

            var leaf = pattern.EndsWith("{" + name + "}", StringComparison.Ordinal);
            if (!scope.Admits(record))
            {
                throw leaf && HttpMethods.IsPut(context.Request.Method)
                    ? ApiException.Forbidden($"The {resource.What} '{id}' belongs to an organization outside the caller's organization(s); it cannot be replaced.")
                    : ApiException.NotFound($"The {resource.What} '{id}' does not exist.", resource.NotFoundCode);
            }

            if (changes && record is OrganizationRecord organization && !OrganizationOwners.ChangingOf(organization).All(scope.Covers))
            {
                throw ApiException.Forbidden(
                    $"The organization '{id}' is not below the caller's organization(s); an organization role manages only the organizations below its own.");
            }
        }
    }
}
