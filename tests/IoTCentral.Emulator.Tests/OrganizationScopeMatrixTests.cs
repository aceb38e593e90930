using System.Net;
using IoTCentral.Emulator.Tests.Infrastructure;
using Xunit.Abstractions;

namespace IoTCentral.Emulator.Tests;

/// <summary>
/// The authorization matrix: every built-in role × every organization relative to the caller × every operation on
/// devices, device groups, jobs, users and API tokens, judged against a table written here from the documented rules
/// (docs/emulator.md, "Organization scope") rather than from the emulator's code.
/// </summary>
/// <remarks>
/// The tree: <c>parent</c> has the children <c>mine</c> (the caller's organization) and <c>sibling</c>; <c>child</c>
/// is below <c>mine</c>; <c>root</c> stands for no organization. Organization roles are assigned in <c>mine</c>;
/// application roles are assigned without an organization, as the service assigns them.
/// </remarks>
public sealed class OrganizationScopeMatrixTests(ITestOutputHelper output)
{
    private const string Root = "root";
    private const string CloudPropertyTemplate = "dtmi:contoso:matrix;1";

    private static readonly string[] Targets = ["mine", "child", "sibling", "parent", Root];

    private static readonly (string Name, string Id)[] CallerRoles =
    [
        ("Administrator", RoleIds.Administrator), ("Builder", RoleIds.Builder), ("Operator", RoleIds.Operator),
        ("OrgAdmin", RoleIds.OrgAdmin), ("OrgOperator", RoleIds.OrgOperator), ("OrgViewer", RoleIds.OrgViewer),
    ];

    // The documented rules, independently of the emulator: what each role may do at all ...
    private static bool Permits(string role, string kind, string operation) => kind switch
    {
        "users" or "apiTokens" => role is "Administrator" or "OrgAdmin",
        _ => operation is "read" or "list" || role != "OrgViewer",
    };

    // ... and where: an application role everywhere, an organization role in its organization and below.
    private static bool Reaches(string role, string target) =>
        role is "Administrator" or "Builder" or "Operator" || target is "mine" or "child";

    private static bool Expected(string role, string kind, string operation, string target) =>
        Permits(role, kind, operation) && Reaches(role, target);

    [Fact]
    public async Task Matrix_HasNoFalseAllowsAndNoFalseDenies()
    {
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { PageSize = 5 });
        var admin = emulator.Admin;
        await Organizations.EnsureCallerTreeAsync(admin);
        foreach (var target in Targets)
        {
            await Ok(admin.PutAsync(ApiClient.Api($"/devices/dev-{target}"), Device(target)));
            await Ok(admin.PutAsync(ApiClient.Api($"/deviceGroups/grp-{target}"), Group(target)));
            await Ok(admin.PutAsync(ApiClient.Api($"/jobs/job-{target}"), Job(target)));
            await Ok(admin.PutAsync(ApiClient.Api($"/users/usr-{target}"), User(target, $"usr-{target}")));
            await Ok(admin.PutAsync(ApiClient.Api($"/apiTokens/tok-{target}"), Token(target)));
        }

        var cases = 0;
        var falseAllows = new List<string>();
        var falseDenies = new List<string>();
        foreach (var (role, roleId) in CallerRoles)
        {
            var caller = admin.WithToken(await CallerTokenAsync(admin, role, roleId));
            foreach (var target in Targets)
            {
                var tag = $"{role.ToLowerInvariant()}-{target}";
                foreach (var (kind, operation, send) in Operations(admin, caller, target, tag))
                {
                    var allowed = await send();
                    var expected = Expected(role, kind, operation, target);
                    cases++;
                    if (allowed && !expected)
                    {
                        falseAllows.Add($"{role} {operation} {kind} in {target}");
                    }
                    else if (!allowed && expected)
                    {
                        falseDenies.Add($"{role} {operation} {kind} in {target}");
                    }
                }
            }
        }

        output.WriteLine($"{cases} cases: {falseAllows.Count} false allows, {falseDenies.Count} false denies");
        falseAllows.ForEach(c => output.WriteLine("false allow: " + c));
        falseDenies.ForEach(c => output.WriteLine("false deny: " + c));
        Assert.Equal(6 * 5 * 23, cases);
        Assert.Empty(falseAllows);
        Assert.Empty(falseDenies);
    }

    /// <summary>Each operation, as a request that answers whether the caller was allowed (not 403 or 404).</summary>
    private static IEnumerable<(string Kind, string Operation, Func<Task<bool>> Send)> Operations(ApiClient admin, ApiClient caller, string target, string tag)
    {
        foreach (var (kind, prefix) in new[] { ("devices", "dev"), ("deviceGroups", "grp"), ("jobs", "job"), ("users", "usr"), ("apiTokens", "tok") })
        {
            var existing = $"{prefix}-{target}";
            yield return (kind, "read", () => Allowed(caller.GetAsync(ApiClient.Api($"/{kind}/{existing}"))));
            yield return (kind, "list", () => ListedAsync(caller, kind, existing));
            yield return (kind, "create", () => Allowed(caller.PutAsync(ApiClient.Api($"/{kind}/new-{prefix}-{tag}"), Body(kind, target, $"new-{prefix}-{tag}"))));
            switch (kind)
            {
                case "jobs":
                    // Jobs have no PATCH or DELETE; stopping is how a job is changed (a job already stopped is a 409, still allowed).
                    yield return (kind, "update", () => Allowed(caller.SendAsync(HttpMethod.Post, ApiClient.Api($"/jobs/{existing}/stop"))));
                    break;
                case "apiTokens":
                    // API tokens have no PATCH: one is created or deleted.
                    yield return (kind, "delete", async () =>
                    {
                        await Ok(admin.PutAsync(ApiClient.Api($"/apiTokens/del-{tag}"), Token(target)));
                        return await Allowed(caller.DeleteAsync(ApiClient.Api($"/apiTokens/del-{tag}")));
                    });
                    break;
                default:
                    yield return (kind, "update", () => Allowed(caller.PatchAsync(ApiClient.Api($"/{kind}/{existing}"), Patch(kind, target))));
                    yield return (kind, "delete", async () =>
                    {
                        var id = $"del-{prefix}-{tag}";
                        await Ok(admin.PutAsync(ApiClient.Api($"/{kind}/{id}"), Body(kind, target, id)));
                        return await Allowed(caller.DeleteAsync(ApiClient.Api($"/{kind}/{id}")));
                    });
                    break;
            }
        }
    }

    private static async Task<string> CallerTokenAsync(ApiClient admin, string role, string roleId)
    {
        object assignment = role.StartsWith("Org", StringComparison.Ordinal) ? new { role = roleId, organization = "mine" } : new { role = roleId };
        var created = await Ok(admin.PutAsync(ApiClient.Api($"/apiTokens/caller-{role.ToLowerInvariant()}"), new { roles = new[] { assignment } }));
        return created.Json.GetProperty("token").GetString()!;
    }

    private static async Task<bool> ListedAsync(ApiClient caller, string kind, string id)
    {
        var first = await caller.GetAsync(ApiClient.Api($"/{kind}"));
        if (IsDenial(first.Status))
        {
            return false;
        }

        Assert.True(first.Status == HttpStatusCode.OK, first.ToString());
        var pages = await caller.GetAllPagesAsync(ApiClient.Api($"/{kind}"));
        return pages.SelectMany(p => p.Json.GetProperty("value").EnumerateArray()).Any(item => item.GetProperty("id").GetString() == id);
    }

    private static async Task<bool> Allowed(Task<ApiResponse> request)
    {
        var response = await request;
        if (response.Status == HttpStatusCode.BadRequest && HiddenReference(response))
        {
            return false;
        }

        Assert.True((int)response.Status < 500 && response.Status != HttpStatusCode.BadRequest, response.ToString());
        return !IsDenial(response.Status);
    }

    // A body that names something the caller cannot see (a job's group) is refused as naming nothing: 400 *NotFound.
    private static bool HiddenReference(ApiResponse response) =>
        response.Json.GetProperty("error").GetProperty("code").GetString()!.EndsWith("NotFound", StringComparison.Ordinal);

    private static bool IsDenial(HttpStatusCode status) => status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound;

    private static async Task<ApiResponse> Ok(Task<ApiResponse> request)
    {
        var response = await request;
        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
        return response;
    }

    private static object Body(string kind, string target, string id) => kind switch
    {
        "devices" => Device(target),
        "deviceGroups" => Group(target),
        "jobs" => Job(target),
        "users" => User(target, id),
        _ => Token(target),
    };

    private static object Patch(string kind, string target) => kind switch
    {
        "users" => new { roles = Roles(target) },
        _ => new { displayName = "patched" },
    };

    private static string[] OrganizationsOf(string target) => target == Root ? [] : [target];

    private static object Device(string target) => new { displayName = "matrix", organizations = OrganizationsOf(target) };

    private static object Group(string target) => new
    {
        displayName = "matrix",
        filter = $"SELECT * FROM devices WHERE $id = 'dev-{target}'",
        organizations = OrganizationsOf(target),
    };

    private static object Job(string target) => new
    {
        group = $"grp-{target}",
        batch = new { type = "number", value = 1 },
        data = new[] { new { type = "cloudProperty", target = CloudPropertyTemplate, path = "owner", value = "Ops" } },
        organizations = OrganizationsOf(target),
    };

    private static object User(string target, string id) => new { type = "email", email = $"{id}@contoso.com", roles = Roles(target) };

    private static object Token(string target) => new { roles = Roles(target) };

    // At the root only an application role can be assigned; in an organization, an organization role.
    private static object[] Roles(string target) =>
        target == Root ? [new { role = RoleIds.Operator }] : [new { role = RoleIds.OrgViewer, organization = target }];
}
