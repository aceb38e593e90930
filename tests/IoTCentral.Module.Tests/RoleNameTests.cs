using System.Collections;
using System.Management.Automation;
using IoTCentral.Emulator;

namespace IoTCentral.Module.Tests;

/// <summary>Users and API tokens name their roles (RoleAssignment.RoleName) from one read of the roles per command.</summary>
public sealed class RoleNameTests : ModuleTestBase
{
    private const string OperatorRole = BuiltInRoles.Operator;
    private const string BuilderRole = BuiltInRoles.Builder;
    private const string AdministratorRole = BuiltInRoles.Administrator;

    public RoleNameTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    private static PSObject[] Assignments(PSObject owner) =>
        ((IEnumerable)owner.Properties["Roles"].Value).Cast<object>().Select(PSObject.AsPSObject).ToArray();

    private static string?[] Names(PSObject owner) =>
        Assignments(owner).Select(r => (string?)r.Properties["RoleName"].Value).ToArray();

    // Requests to /roles: the fixture pages lists, so one read of the roles is one request per page.
    private static int RoleReads(PowerShellResult result) =>
        result.Verbose.Count(v => v.StartsWith("GET ", StringComparison.Ordinal) && v.Contains("/api/roles", StringComparison.Ordinal) && v.Contains(" -> ", StringComparison.Ordinal));

    [Fact]
    public void New_Get_and_Set_user_name_the_roles_and_ToString_stays_the_id()
    {
        var org = UniqueId("rn");
        var email = UniqueId("named") + "@contoso.com";
        var spId = UniqueId("sp");
        var result = RunWith(
            """
            New-IoTCentralOrganization -Id $org | Out-Null
            $u = New-IoTCentralUser -Email $email -Role Operator
            $u
            New-IoTCentralUser -ServicePrincipal -TenantId ([guid]::NewGuid()) -ObjectId ([guid]::NewGuid()) -Id $spId -Role 'Org Operator' -Organization $org
            Get-IoTCentralUser -Id $u.Id
            Get-IoTCentralUser -Email $email
            Set-IoTCentralUser -Id $u.Id -Role Builder -PassThru
            """,
            ("org", org), ("email", email), ("spId", spId));
        result.AssertNoErrors();
        Assert.Equal(5, result.Output.Count);

        Assert.Equal(new[] { "Operator" }, Names(result.Output[0]));
        Assert.Equal(OperatorRole, Assignments(result.Output[0])[0].BaseObject.ToString());
        Assert.Equal(OperatorRole, Assignments(result.Output[0])[0].Properties["Role"].Value);

        var scoped = Assert.Single(Assignments(result.Output[1]));
        Assert.Equal("Org Operator", scoped.Properties["RoleName"].Value);
        Assert.Equal(org, scoped.Properties["Organization"].Value);
        Assert.Equal("Org Operator@" + org, scoped.Methods["ToDisplayString"].Invoke());
        Assert.EndsWith("@" + org, scoped.BaseObject.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Org Operator", scoped.BaseObject.ToString(), StringComparison.Ordinal);

        Assert.Equal(new[] { "Operator" }, Names(result.Output[2]));
        Assert.Equal(new[] { "Operator" }, Names(result.Output[3]));
        Assert.Equal(new[] { "Builder" }, Names(result.Output[4]));
        Assert.Equal(BuilderRole, Assignments(result.Output[4])[0].Properties["Role"].Value);
    }

    [Fact]
    public void New_and_Get_api_token_name_the_roles()
    {
        var org = UniqueId("rt");
        var id = UniqueId("named");
        var result = RunWith(
            """
            New-IoTCentralOrganization -Id $org | Out-Null
            New-IoTCentralApiToken -Id $id -Role Administrator
            New-IoTCentralApiToken -Id "$id-org" -Role 'Org Viewer' -Organization $org -AsPlainText
            Get-IoTCentralApiToken -Id $id
            Get-IoTCentralApiToken | Where-Object Id -eq "$id-org"
            """,
            ("org", org), ("id", id));
        result.AssertNoErrors();
        Assert.Equal(4, result.Output.Count);
        Assert.Equal(new[] { "Administrator" }, Names(result.Output[0]));
        Assert.Equal(AdministratorRole, Assignments(result.Output[0])[0].BaseObject.ToString());
        Assert.Equal(AdministratorRole, Assignments(result.Output[0])[0].Properties["Role"].Value);
        Assert.Equal("IoTCentral.Models.PlainTextApiToken", result.Output[1].BaseObject.GetType().FullName);
        Assert.Equal(new[] { "Org Viewer" }, Names(result.Output[1]));
        Assert.Equal(new[] { "Administrator" }, Names(result.Output[2]));
        Assert.Equal(new[] { "Org Viewer" }, Names(result.Output[3]));
        Assert.Equal(org, Assignments(result.Output[3])[0].Properties["Organization"].Value);
    }

    [Fact]
    public void The_roles_are_read_once_per_command_for_many_items_and_not_when_nothing_is_named()
    {
        var onePass = RunWith("Get-IoTCentralRole -Verbose | Out-Null", ("unused", 0));
        onePass.AssertNoErrors();
        var oneRead = RoleReads(onePass);
        Assert.True(oneRead >= 1);

        var prefix = UniqueId("once");
        var emails = Enumerable.Range(1, 6).Select(i => prefix + "-" + i + "@contoso.com").ToArray();
        var created = RunWith(
            "$emails | ForEach-Object { [pscustomobject]@{ Email = $_ } } | New-IoTCentralUser -Role Operator -ThrottleLimit 4 -Verbose",
            ("emails", emails));
        created.AssertNoErrors();
        Assert.Equal(6, created.Output.Count);
        Assert.All(created.Output, u => Assert.Equal(new[] { "Operator" }, Names(u)));
        Assert.Equal(oneRead, RoleReads(created));

        // Roles given by id need no lookup to send, so the one read is for the names of what is written.
        var byId = RunWith(
            "$emails | ForEach-Object { [pscustomobject]@{ Email = $_.Replace('@', '-b@') } } | New-IoTCentralUser -Role $role -ThrottleLimit 4 -Verbose",
            ("emails", emails), ("role", OperatorRole));
        byId.AssertNoErrors();
        Assert.All(byId.Output, u => Assert.Equal(new[] { "Operator" }, Names(u)));
        Assert.Equal(oneRead, RoleReads(byId));

        var listed = RunWith("Get-IoTCentralUser -Email $pattern -Verbose", ("pattern", prefix + "-*"));
        listed.AssertNoErrors();
        Assert.Equal(12, listed.Output.Count);
        Assert.Equal(oneRead, RoleReads(listed));

        var piped = RunWith("Get-IoTCentralUser -Email $pattern | Get-IoTCentralUser -Verbose", ("pattern", prefix + "-*"));
        piped.AssertNoErrors();
        Assert.Equal(12, piped.Output.Count);
        Assert.All(piped.Output, u => Assert.Equal(new[] { "Operator" }, Names(u)));
        Assert.Equal(oneRead, RoleReads(piped));

        var updated = RunWith("Get-IoTCentralUser -Email $pattern | Set-IoTCentralUser -Role Builder -PassThru -ThrottleLimit 4 -Verbose", ("pattern", prefix + "-*"));
        updated.AssertNoErrors();
        Assert.Equal(12, updated.Output.Count);
        Assert.All(updated.Output, u => Assert.Equal(new[] { "Builder" }, Names(u)));
        Assert.Equal(oneRead, RoleReads(updated));

        // Nothing written, nothing to name: no read at all.
        var quiet = RunWith("Get-IoTCentralUser -Email $pattern | Set-IoTCentralUser -Role $role -ThrottleLimit 4 -Verbose", ("pattern", prefix + "-*"), ("role", OperatorRole));
        quiet.AssertNoErrors();
        Assert.Empty(quiet.Output);
        Assert.Equal(0, RoleReads(quiet));

        var tokens = RunWith(
            """
            1..3 | ForEach-Object { New-IoTCentralApiToken -Id "$prefix-$_" -Role Operator } | Out-Null
            Get-IoTCentralApiToken -Verbose | Where-Object Id -like "$prefix-*"
            """,
            ("prefix", prefix));
        tokens.AssertNoErrors();
        Assert.Equal(3, tokens.Output.Count);
        Assert.All(tokens.Output, t => Assert.Equal(new[] { "Operator" }, Names(t)));
        Assert.Equal(oneRead, RoleReads(tokens));
    }

    [Fact]
    public void RoleName_is_never_sent_back_when_roles_are_piped_or_patched()
    {
        var id = UniqueId("back");
        var result = RunWith(
            """
            $u = New-IoTCentralUser -Email "$id@contoso.com" -Role Operator
            Set-IoTCentralUser -Id $u.Id -Role $u.Roles -PassThru -Debug
            Invoke-IoTCentralRestMethod PATCH "/users/$($u.Id)" -Body @{ roles = $u.Roles } -Debug
            New-IoTCentralApiToken -Id $id -Role $u.Roles -Debug
            """,
            ("id", id));
        result.AssertNoErrors();
        Assert.Equal(3, result.Output.Count);
        Assert.Equal(new[] { "Operator" }, Names(result.Output[0]));
        Assert.Equal(new[] { "Operator" }, Names(result.Output[2]));
        // Each request's body (Set, the raw PATCH, the token's PUT) carries the role by id only.
        var bodies = result.Debug.Where(d => d.StartsWith("Request ", StringComparison.Ordinal) && d.Contains("\"role\"", StringComparison.Ordinal)).ToArray();
        Assert.Equal(3, bodies.Length);
        Assert.All(bodies, b => Assert.DoesNotContain("Operator", b, StringComparison.OrdinalIgnoreCase));
        Assert.All(bodies, b => Assert.DoesNotContain("roleName", b, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task When_the_roles_cannot_be_read_the_user_is_written_with_ids_and_one_verbose_line()
    {
        // The service's limit at one request per four seconds, and no retries: the user's PUT takes the one slot, so the
        // read of the roles that follows is refused (429), as a busy application would refuse it.
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { RateLimit = 0.25 });
        using var shell = new PowerShellHost();
        var result = shell.Run(
            """
            Connect-IoTCentral -ApplicationUrl $url -ApiToken $token -SkipValidation -MaxRetries 0 | Out-Null
            New-IoTCentralUser -Email 'unnamed@contoso.com' -Role $role -Verbose
            """,
            new Hashtable { ["url"] = server.ApplicationUrl.ToString(), ["token"] = Secrets.Protect(server.AdminApiToken), ["role"] = OperatorRole });

        result.AssertNoErrors();
        Assert.Empty(result.Warnings);
        var user = Assert.Single(result.Output);
        Assert.Equal(new string?[] { null }, Names(user));
        Assert.Equal(OperatorRole, Assignments(user)[0].Properties["Role"].Value);
        Assert.Single(result.Verbose, v => v.StartsWith("Roles are shown by id", StringComparison.Ordinal));
        Assert.Equal(1, server.Load.RateLimited);
    }
}
