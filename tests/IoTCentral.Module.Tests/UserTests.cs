using System.Collections;
using System.Management.Automation;

namespace IoTCentral.Module.Tests;

/// <summary>Get/New/Set/Remove-IoTCentralUser against the emulator's /users routes.</summary>
public sealed class UserTests : ModuleTestBase
{
    private const string OperatorRole = BuiltInRoles.Operator;
    private const string BuilderRole = BuiltInRoles.Builder;
    private const string OrgOperatorRole = BuiltInRoles.OrgOperator;
    private const string Tenant = "027fdad7-cf0f-470a-a26a-272197813322";

    public UserTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    private PowerShellResult Run(string script, params (string Name, object Value)[] variables)
    {
        var table = new Hashtable();
        foreach (var (name, value) in variables)
        {
            table[name] = value;
        }

        return Shell.Run(script, table);
    }

    private static string UniqueEmail(string prefix) => UniqueId(prefix) + "@contoso.com";

    private static string[] RoleIds(PSObject user) =>
        ((IEnumerable)user.Properties["Roles"].Value).Cast<object>().Select(r => (string)PSObject.AsPSObject(r).Properties["Role"].Value).ToArray();

    private static void AssertNoWrites(PowerShellResult result) =>
        Assert.DoesNotContain(result.Verbose, v => v.StartsWith("PUT ") || v.StartsWith("PATCH ") || v.StartsWith("DELETE "));

    [Fact]
    public void Each_type_is_created_with_roles_by_name_and_read_back()
    {
        var email = UniqueEmail("pat");
        var spObject = Guid.NewGuid().ToString();
        var groupObject = Guid.NewGuid().ToString();
        var result = Run(
            """
            New-IoTCentralOrganization -Id seattle | Out-Null
            New-IoTCentralUser -Email $email -Role Operator
            New-IoTCentralUser -ServicePrincipal -TenantId $tenant -ObjectId $sp -Role Builder, 'Org Operator' -Organization seattle -Id $spId
            New-IoTCentralUser -AdGroup -TenantId $tenant -ObjectId $group -Role (Get-IoTCentralRole -Name Operator)
            Get-IoTCentralUser -Id $spId
            """,
            ("email", email), ("tenant", Tenant), ("sp", spObject), ("group", groupObject), ("spId", UniqueId("sp")));
        result.AssertNoErrors();
        Assert.Equal(4, result.Output.Count);

        var person = result.Output[0];
        Assert.Equal("IoTCentral.Models.User", person.BaseObject.GetType().FullName);
        Assert.Equal("Email", person.Properties["Type"].Value.ToString());
        Assert.Equal(email, person.Properties["Email"].Value);
        Assert.True(Guid.TryParse((string)person.Properties["Id"].Value, out _), "a generated id is a GUID");
        Assert.Equal(new[] { OperatorRole }, RoleIds(person));
        Assert.Equal(email, person.ToString());

        var principal = result.Output[1];
        Assert.Equal("ServicePrincipal", principal.Properties["Type"].Value.ToString());
        Assert.Equal(Tenant, principal.Properties["TenantId"].Value);
        Assert.Equal(spObject, principal.Properties["ObjectId"].Value);
        Assert.Null(principal.Properties["Email"].Value);
        Assert.Equal(new[] { BuilderRole, OrgOperatorRole }, RoleIds(principal));
        var organizations = ((IEnumerable)principal.Properties["Roles"].Value).Cast<object>().Select(r => PSObject.AsPSObject(r).Properties["Organization"].Value);
        Assert.All(organizations, o => Assert.Equal("seattle", o));

        var group = result.Output[2];
        Assert.Equal("AdGroup", group.Properties["Type"].Value.ToString());
        Assert.Equal(groupObject, group.Properties["ObjectId"].Value);
        Assert.Equal(new[] { OperatorRole }, RoleIds(group));

        Assert.Equal(principal.Properties["Id"].Value, result.Output[3].Properties["Id"].Value);
        Assert.Equal(spObject, result.Output[3].Properties["ObjectId"].Value);
    }

    [Theory]
    [InlineData("Get-IoTCentralRole -Name '[' -Verbose")]
    [InlineData("Get-IoTCentralUser -Email 'ops[@contoso.com' -Verbose")]
    public void A_malformed_wildcard_is_refused_before_any_request(string script)
    {
        var result = Run(script);
        Assert.StartsWith("ParameterArgumentValidationError,", result.TerminatingRecord!.FullyQualifiedErrorId);
        Assert.Contains("not a valid wildcard pattern", result.TerminatingRecord.Exception.Message);
        Assert.DoesNotContain(result.Verbose, v => v.Contains("/api/", StringComparison.Ordinal));
    }

    [Fact]
    public void The_list_streams_every_page_and_Email_filters_with_wildcards()
    {
        var domain = UniqueId("dom") + ".example";
        var result = Run(
            """
            1..3 | ForEach-Object { New-IoTCentralUser -Email "user$_@$domain" -Role Operator } | Out-Null
            New-IoTCentralUser -ServicePrincipal -TenantId $tenant -ObjectId ([guid]::NewGuid()) -Role Operator | Out-Null
            @(Get-IoTCentralUser -Verbose 4>$null).Count -ge 4
            Get-IoTCentralUser -Email "*@$domain" | ForEach-Object Email
            Get-IoTCentralUser -Email "USER2@$domain" | ForEach-Object Email
            """,
            ("domain", domain), ("tenant", Tenant));
        result.AssertNoErrors();
        Assert.Equal(true, result.Output[0].BaseObject);
        Assert.Equal(new[] { $"user1@{domain}", $"user2@{domain}", $"user3@{domain}" }, result.Output.Skip(1).Take(3).Select(o => (string)o.BaseObject).OrderBy(e => e));
        Assert.Equal($"user2@{domain}", result.Output[4].BaseObject);

        var pages = Run("Get-IoTCentralUser -Verbose | Out-Null");
        Assert.True(pages.Verbose.Count(v => v.StartsWith("GET ")) >= 2, "the emulator pages by 2, so 4 users need at least 2 requests");

        var none = Run("Get-IoTCentralUser -Email 'nobody@nowhere.example'; Get-IoTCentralUser -Email '*@nowhere.example'; 'after'");
        Assert.Equal("after", Assert.Single(none.Output).BaseObject);
        var error = Assert.Single(none.Errors);
        Assert.StartsWith("IoTCentral.UserNotFound,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("nobody@nowhere.example", error.TargetObject);
    }

    [Fact]
    public void Set_replaces_the_roles_by_name_patches_only_what_is_given_and_PassThru_returns_the_user()
    {
        var email = UniqueEmail("set");
        var newEmail = UniqueEmail("renamed");
        var result = Run(
            """
            New-IoTCentralOrganization -Id seattle | Out-Null
            $u = New-IoTCentralUser -Email $email -Role Operator
            Set-IoTCentralUser -Id $u.Id -Role Builder, Operator
            Set-IoTCentralUser -Id $u.Id -Email $newEmail -PassThru -Verbose
            $u | Set-IoTCentralUser -Organization seattle -PassThru
            """,
            ("email", email), ("newEmail", newEmail));
        result.AssertNoErrors();
        Assert.Equal(2, result.Output.Count);

        var renamed = result.Output[0];
        Assert.Equal(newEmail, renamed.Properties["Email"].Value);
        Assert.Equal(new[] { BuilderRole, OperatorRole }, RoleIds(renamed));
        Assert.Contains(result.Verbose, v => v.StartsWith("PATCH ") && v.Contains("/api/users/"));

        var moved = result.Output[1];
        Assert.Equal(new[] { BuilderRole, OperatorRole }, RoleIds(moved));
        Assert.All(((IEnumerable)moved.Properties["Roles"].Value).Cast<object>(), r => Assert.Equal("seattle", PSObject.AsPSObject(r).Properties["Organization"].Value));
    }

    [Fact]
    public void Remove_with_Force_deletes_and_a_missing_user_is_a_non_terminating_ObjectNotFound()
    {
        var result = Run(
            """
            $u = New-IoTCentralUser -Email $email -Role Operator
            $u | Remove-IoTCentralUser -Force
            Get-IoTCentralUser -Id $u.Id
            Remove-IoTCentralUser -Id no-such-user -Force
            Set-IoTCentralUser -Id no-such-user -Role Operator
            'after'
            """,
            ("email", UniqueEmail("gone")));
        Assert.Equal("after", Assert.Single(result.Output).BaseObject);
        Assert.Equal(3, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category));
        Assert.Equal("IoTCentral.UserNotFound,IoTCentral.Commands.User.GetIoTCentralUserCommand", result.Errors[0].FullyQualifiedErrorId);
        Assert.Equal("IoTCentral.UserNotFound,IoTCentral.Commands.User.RemoveIoTCentralUserCommand", result.Errors[1].FullyQualifiedErrorId);
        Assert.Equal("IoTCentral.UserNotFound,IoTCentral.Commands.User.SetIoTCentralUserCommand", result.Errors[2].FullyQualifiedErrorId);
        Assert.Equal("no-such-user", result.Errors[1].TargetObject);
        Assert.Contains("requestId", result.Errors[1].ErrorDetails.Message);
        Assert.Equal("IoTCentral.Models.IoTCentralException", result.Errors[1].Exception.GetType().FullName);
    }

    [Fact]
    public void WhatIf_sends_no_write_and_a_piped_removal_removes_nothing()
    {
        var domain = UniqueId("whatif") + ".example";
        var setup = Run("1..2 | ForEach-Object { New-IoTCentralUser -Email \"w$_@$domain\" -Role Operator } | Out-Null", ("domain", domain));
        setup.AssertNoErrors();

        var result = Run(
            """
            New-IoTCentralUser -Email "new@$domain" -Role Operator -WhatIf -Verbose
            $first = Get-IoTCentralUser -Email "w1@$domain"
            Set-IoTCentralUser -Id $first.Id -Role Builder -WhatIf -Verbose
            Get-IoTCentralUser | Where-Object { $_.Email -like "*@$domain" } | Remove-IoTCentralUser -WhatIf -Verbose
            Get-IoTCentralUser | Where-Object { $_.Email -like "*@$domain" } | Remove-IoTCentralUser -Force -WhatIf -Verbose
            @(Get-IoTCentralUser -Email "*@$domain").Count
            (Get-IoTCentralUser -Id $first.Id).Roles[0].Role
            """,
            ("domain", domain));
        result.AssertNoErrors();
        AssertNoWrites(result);
        Assert.Equal(2, result.Output[0].BaseObject);
        Assert.Equal(OperatorRole, result.Output[1].BaseObject);
    }

    [Fact]
    public void Bad_ids_emails_and_roles_fail_before_any_request()
    {
        var badId = Run("New-IoTCentralUser -Email ok@contoso.com -Role Operator -Id 'has space' -Verbose");
        Assert.StartsWith("ParameterArgumentValidationError", badId.TerminatingRecord!.FullyQualifiedErrorId);
        Assert.Contains("1 to 48 characters", badId.TerminatingRecord.Exception.Message);
        Assert.DoesNotContain(badId.Verbose, v => v.Contains("/api/"));

        var longId = Run("Remove-IoTCentralUser -Id ('x' * 49) -Force -Verbose");
        Assert.StartsWith("ParameterArgumentValidationError", longId.TerminatingRecord!.FullyQualifiedErrorId);
        Assert.DoesNotContain(longId.Verbose, v => v.Contains("/api/"));

        var badEmail = Run("New-IoTCentralUser -Email 'not-an-address' -Role Operator -Verbose");
        Assert.StartsWith("ParameterArgumentValidationError", badEmail.TerminatingRecord!.FullyQualifiedErrorId);
        Assert.Contains("name@contoso.com", badEmail.TerminatingRecord.Exception.Message);
        Assert.DoesNotContain(badEmail.Verbose, v => v.Contains("/api/"));

        var badGuid = Run("New-IoTCentralUser -ServicePrincipal -TenantId not-a-guid -ObjectId ([guid]::NewGuid()) -Role Operator -Verbose");
        Assert.StartsWith("ParameterArgumentValidationError", badGuid.TerminatingRecord!.FullyQualifiedErrorId);
        Assert.Contains("GUID", badGuid.TerminatingRecord.Exception.Message);
        Assert.DoesNotContain(badGuid.Verbose, v => v.Contains("/api/"));

        var noChange = Run("Set-IoTCentralUser -Id some-user -Verbose");
        Assert.StartsWith("IoTCentral.NoChangesSpecified", noChange.TerminatingRecord!.FullyQualifiedErrorId);
        Assert.DoesNotContain(noChange.Verbose, v => v.Contains("/api/"));

        // Role names need the application's roles (GET /api/roles), but nothing may reach /api/users.
        var email = UniqueEmail("wizard");
        var unknownRole = Run("New-IoTCentralUser -Email $email -Role Operator, 'Chief Wizard' -Verbose", ("email", email));
        Assert.StartsWith("IoTCentral.UnknownRole", unknownRole.TerminatingRecord!.FullyQualifiedErrorId);
        Assert.Contains("Operator", unknownRole.TerminatingRecord.Exception.Message);
        Assert.DoesNotContain(unknownRole.Verbose, v => v.Contains("/api/users"));
        Assert.Empty(Run("Get-IoTCentralUser -Email $email -ErrorAction SilentlyContinue", ("email", email)).Output);

        var unknownSetRole = Run("Set-IoTCentralUser -Id some-user -Role 'Chief Wizard' -Verbose");
        Assert.StartsWith("IoTCentral.UnknownRole", unknownSetRole.TerminatingRecord!.FullyQualifiedErrorId);
        Assert.DoesNotContain(unknownSetRole.Verbose, v => v.Contains("/api/users"));
    }

    [Fact]
    public void A_chosen_id_that_is_taken_is_not_overwritten()
    {
        var id = UniqueId("taken");
        var result = Run(
            """
            New-IoTCentralUser -Email $first -Role Operator -Id $id | Out-Null
            New-IoTCentralUser -Email $second -Role Builder -Id $id -Verbose
            (Get-IoTCentralUser -Id $id).Email
            """,
            ("id", id), ("first", UniqueEmail("first")), ("second", UniqueEmail("second")));
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("IoTCentral.UserAlreadyExists,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);
        Assert.Equal(id, error.TargetObject);
        AssertNoWrites(result);
        Assert.StartsWith("first-", (string)Assert.Single(result.Output).BaseObject);
    }

    [Fact]
    public void Role_names_complete_on_New_and_Set()
    {
        foreach (var line in new[] { "New-IoTCentralUser -Email a@contoso.com -Role Bu", "Set-IoTCentralUser -Id x -Role Bu" })
        {
            var result = Run("(TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object CompletionText", ("line", line));
            result.AssertNoErrors();
            Assert.Equal("Builder", Assert.Single(result.Output).BaseObject);
        }
    }

    [Fact]
    public void An_operator_session_is_refused_with_a_terminating_PermissionDenied()
    {
        var tokenId = UniqueId("ops");
        var result = Run(
            """
            $token = New-IoTCentralApiToken -Id $tokenId -Role Operator
            $operator = Connect-IoTCentral -ApplicationUrl $url -ApiToken $token.Token
            try { New-IoTCentralUser -Email $email -Role Operator -Session $operator; 'not reached' } catch { 'terminated'; $_ }
            """,
            ("tokenId", tokenId), ("url", Emulator.ApplicationUrl), ("email", UniqueEmail("denied")));
        Assert.Equal("terminated", result.Output[0].BaseObject);
        var record = Assert.IsType<ErrorRecord>(result.Output[1].BaseObject);
        Assert.Equal(ErrorCategory.PermissionDenied, record.CategoryInfo.Category);
        Assert.StartsWith("IoTCentral.UserAccessDenied,", record.FullyQualifiedErrorId);
        Assert.Contains("requestId", record.ErrorDetails.Message);
    }
}
