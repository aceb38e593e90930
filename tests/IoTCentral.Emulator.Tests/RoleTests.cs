using System.Net;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Emulator.Tests;

public sealed class RoleTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    public static TheoryData<string, string> BuiltInRoles => new()
    {
        { RoleIds.Administrator, "Administrator" },
        { RoleIds.Builder, "Builder" },
        { RoleIds.Operator, "Operator" },
        { RoleIds.OrgAdmin, "Org Admin" },
        { RoleIds.OrgOperator, "Org Operator" },
        { RoleIds.OrgViewer, "Org Viewer" },
    };

    [Fact]
    public async Task List_HasExactlyTheBuiltInRoles()
    {
        var list = await fixture.Admin.GetAsync(ApiClient.Api("/roles"));

        var roles = list.Json.GetProperty("value").EnumerateArray()
            .ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("displayName").GetString()!);
        Assert.Equal(BuiltInRoles.Select(r => ((string)r[0], (string)r[1])).OrderBy(r => r.Item1),
            roles.Select(r => (r.Key, r.Value)).OrderBy(r => r.Key));
    }

    [Theory]
    [MemberData(nameof(BuiltInRoles))]
    public async Task Get_ReturnsTheRole(string id, string displayName)
    {
        var role = await fixture.Admin.GetAsync(ApiClient.Api($"/roles/{id}"));

        Assert.Equal(HttpStatusCode.OK, role.Status);
        Assert.Equal(id, role.Json.GetProperty("id").GetString());
        Assert.Equal(displayName, role.Json.GetProperty("displayName").GetString());
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("not-a-role")]
    public async Task UnknownRole_Is404(string id)
    {
        var message = await ErrorAssert.IsErrorAsync(await fixture.Admin.GetAsync(ApiClient.Api($"/roles/{id}")), HttpStatusCode.NotFound);
        Assert.Contains(id, message);
    }
}
