using System.Collections;

namespace IoTCentral.Module.Tests;

/// <summary>Tests that change process-wide environment variables run alone, one after the other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "Process environment";
}

/// <summary>
/// Managed identity as Azure Automation provides it (IDENTITY_ENDPOINT + IDENTITY_HEADER), and the default
/// non-interactive chain through environment variables. The variables are restored afterwards.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class ManagedIdentityTests : IClassFixture<EntraEmulatorFixture>, IDisposable
{
    private static readonly string[] Variables =
    {
        "IDENTITY_ENDPOINT", "IDENTITY_HEADER", "AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET", "AZURE_AUTHORITY_HOST",
    };

    private readonly Dictionary<string, string?> saved = Variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);
    private readonly EntraEmulator emulator;
    private readonly PowerShellHost shell = new();

    public ManagedIdentityTests(EntraEmulatorFixture fixture) => emulator = fixture.Emulator;

    public void Dispose()
    {
        shell.Dispose();
        foreach (var (name, value) in saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    private Hashtable Vars(params (string Name, object Value)[] extra)
    {
        var table = new Hashtable { ["url"] = emulator.ApplicationUrl, ["trusted"] = emulator.Server.TlsCertificate, ["authority"] = emulator.Server.AuthorityHost };
        foreach (var (name, value) in extra)
        {
            table[name] = value;
        }

        return table;
    }

    private void UseAutomationIdentityEndpoint()
    {
        Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", emulator.Server.ManagedIdentityEndpoint.ToString());
        Environment.SetEnvironmentVariable("IDENTITY_HEADER", emulator.Server.ManagedIdentityHeader);
    }

    [Fact]
    public async Task System_and_user_assigned_managed_identities_sign_in_through_the_automation_endpoint()
    {
        await emulator.AddManagedIdentityAsync(systemAssigned: true, EntraEmulator.OperatorRole);
        var (userAssigned, _) = await emulator.AddManagedIdentityAsync(systemAssigned: false, EntraEmulator.AdministratorRole);
        UseAutomationIdentityEndpoint();

        var result = shell.Run(
            """
            $system = Connect-IoTCentral -ApplicationUrl $url -Identity -TrustedServerCertificate $trusted
            $system.AuthKind.ToString()
            (Get-IoTCentralRole -Name Operator -Session $system).DisplayName
            try { Get-IoTCentralApiToken -Session $system } catch { $_.CategoryInfo.Category.ToString() }
            $user = Connect-IoTCentral -ApplicationUrl $url -Identity -ClientId $clientId -TrustedServerCertificate $trusted
            @(Get-IoTCentralApiToken -Session $user).Count -ge 0
            """,
            Vars(("clientId", userAssigned)));
        result.AssertNoErrors();
        Assert.Equal(new[] { "ManagedIdentity", "Operator", "PermissionDenied", "True" }, result.Output.Select(o => o.BaseObject.ToString()).ToArray());
        Assert.DoesNotContain(emulator.Server.ManagedIdentityHeader, result.AllText());
    }

    [Fact]
    public async Task Without_sign_in_parameters_the_default_chain_uses_the_environment_credentials()
    {
        var (clientId, secret) = await emulator.AddServicePrincipalWithSecretAsync(EntraEmulator.OperatorRole);
        Environment.SetEnvironmentVariable("AZURE_TENANT_ID", EntraEmulator.TenantId);
        Environment.SetEnvironmentVariable("AZURE_CLIENT_ID", clientId);
        Environment.SetEnvironmentVariable("AZURE_CLIENT_SECRET", secret);

        var result = shell.Run(
            "$s = Connect-IoTCentral -ApplicationUrl $url -AuthorityHost $authority -TrustedServerCertificate $trusted; $s.AuthKind.ToString(); $s.Identity; (Get-IoTCentralRole -Name Operator).DisplayName",
            Vars());
        result.AssertNoErrors();
        Assert.Equal(new[] { "DefaultChain", clientId, "Operator" }, result.Output.Select(o => o.BaseObject.ToString()).ToArray());
        Assert.DoesNotContain(secret, result.AllText());
    }
}
