using System.Collections;
using System.Management.Automation;

namespace IoTCentral.Module.Tests;

public sealed class SessionTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly EmulatorFixture emulator;
    private readonly PowerShellHost shell = new();

    public SessionTests(EmulatorFixture emulator) => this.emulator = emulator;

    public void Dispose() => shell.Dispose();

    private Hashtable Vars(string? token = null) => new()
    {
        ["url"] = emulator.ApplicationUrl,
        ["token"] = Secrets.Protect(token ?? emulator.Server.AdminApiToken),
    };

    [Fact]
    public void Every_cmdlet_says_to_run_Connect_first_when_there_is_no_session()
    {
        foreach (var command in new[] { "Get-IoTCentralRole", "Get-IoTCentralDevice", "Get-IoTCentralApiToken", "Invoke-IoTCentralRestMethod GET /roles" })
        {
            var result = shell.Run(command);
            Assert.NotNull(result.TerminatingRecord);
            Assert.StartsWith("IoTCentral.NotConnected", result.TerminatingRecord!.FullyQualifiedErrorId);
            Assert.Contains("Connect-IoTCentral", result.TerminatingRecord.Exception.Message);
        }
    }

    [Fact]
    public void Connect_returns_a_session_that_names_the_token_and_its_expiry_but_never_the_secret()
    {
        var result = shell.Run("Connect-IoTCentral -ApplicationUrl $url -ApiToken $token; Get-IoTCentralSession", Vars());
        result.AssertNoErrors();
        Assert.Equal(2, result.Output.Count);
        var session = result.Output[0];
        Assert.Same(session.BaseObject, result.Output[1].BaseObject);
        Assert.Equal("IoTCentral.Models.IoTCentralSession", session.BaseObject.GetType().FullName);
        Assert.Equal(new Uri(emulator.ApplicationUrl), session.Properties["ApplicationUrl"].Value);
        Assert.Equal("ApiToken", session.Properties["AuthKind"].Value.ToString());
        Assert.NotNull(session.Properties["ExpiresOn"].Value);
        Assert.False(string.IsNullOrEmpty((string)session.Properties["Identity"].Value));
        Assert.DoesNotContain(emulator.Server.AdminApiToken, result.AllText());
    }

    [Fact]
    public void Emulator_switch_connects_with_the_well_known_development_token()
    {
        var result = shell.Run("Connect-IoTCentral -Emulator -ApplicationUrl $url | Out-Null; Get-IoTCentralRole -Name Administrator", Vars());
        result.AssertNoErrors();
        Assert.Equal("Administrator", Assert.Single(result.Output).Properties["DisplayName"].Value);
    }

    [Fact]
    public void The_default_session_belongs_to_the_runspace()
    {
        shell.Run("Connect-IoTCentral -ApplicationUrl $url -ApiToken $token", Vars()).AssertNoErrors();
        using var other = new PowerShellHost();
        var elsewhere = other.Run("Get-IoTCentralSession");
        elsewhere.AssertNoErrors();
        Assert.Empty(elsewhere.Output);
        Assert.Single(shell.Run("Get-IoTCentralSession").Output);
    }

    [Fact]
    public void Disconnect_forgets_the_credential_and_the_default()
    {
        var result = shell.Run(
            "$s = Connect-IoTCentral -ApplicationUrl $url -ApiToken $token; Disconnect-IoTCentral; Get-IoTCentralSession; Get-IoTCentralRole -Session $s",
            Vars());
        Assert.Empty(result.Output);
        Assert.StartsWith("IoTCentral.NotConnected", result.TerminatingRecord!.FullyQualifiedErrorId);
    }

    [Fact]
    public void An_expired_api_token_fails_at_connect_without_a_request()
    {
        var expired = "SharedAccessSignature sr=00000000-0000-0000-0000-000000000000&sig=c2lnbmF0dXJl&skn=old-token&se="
            + DateTimeOffset.UtcNow.AddDays(-1).ToUnixTimeMilliseconds();
        var result = shell.Run("Connect-IoTCentral -ApplicationUrl $url -ApiToken $token", Vars(expired));
        Assert.StartsWith("IoTCentral.ApiTokenExpired", result.TerminatingRecord!.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, result.TerminatingRecord.CategoryInfo.Category);
        Assert.Contains("old-token", result.TerminatingRecord.Exception.Message);
        Assert.DoesNotContain("c2lnbmF0dXJl", result.AllText());
    }

    [Fact]
    public void A_malformed_api_token_fails_at_connect_and_is_not_echoed()
    {
        var result = shell.Run("Connect-IoTCentral -ApplicationUrl $url -ApiToken $token", Vars("not-a-real-token-value"));
        Assert.StartsWith("IoTCentral.InvalidApiToken", result.TerminatingRecord!.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, result.TerminatingRecord.CategoryInfo.Category);
        Assert.DoesNotContain("not-a-real-token-value", result.AllText());
    }

    [Fact]
    public void A_token_expiring_within_seven_days_connects_with_a_warning()
    {
        var create = shell.Run(
            "Connect-IoTCentral -ApplicationUrl $url -ApiToken $token | Out-Null; New-IoTCentralApiToken -Id $id -Role Operator -Expiry ([datetime]::UtcNow.AddDays(3))",
            new Hashtable(Vars()) { ["id"] = "soon-" + Guid.NewGuid().ToString("N")[..8] });
        create.AssertNoErrors();
        var soon = Secrets.Reveal(create.Output.Single().Properties["Token"].Value);

        var result = shell.Run("Connect-IoTCentral -ApplicationUrl $url -ApiToken $token", Vars(soon));
        result.AssertNoErrors();
        Assert.Contains(result.Warnings, w => w.Contains("expires"));
    }

    [Fact]
    public void A_removed_token_is_refused_with_an_authentication_error()
    {
        var id = "gone-" + Guid.NewGuid().ToString("N")[..8];
        var create = shell.Run(
            "$admin = Connect-IoTCentral -ApplicationUrl $url -ApiToken $token; $t = New-IoTCentralApiToken -Id $id -Role Operator; Remove-IoTCentralApiToken -Id $id -Force; $t",
            new Hashtable(Vars()) { ["id"] = id });
        create.AssertNoErrors();
        var removed = Secrets.Reveal(Assert.Single(create.Output).Properties["Token"].Value);

        var connect = shell.Run("Connect-IoTCentral -ApplicationUrl $url -ApiToken $token", Vars(removed));
        Assert.Empty(connect.Output);
        Assert.Equal(ErrorCategory.AuthenticationError, connect.TerminatingRecord!.CategoryInfo.Category);
        Assert.StartsWith("IoTCentral.ApplicationUnauthorized", connect.TerminatingRecord.FullyQualifiedErrorId);

        var later = shell.Run("Connect-IoTCentral -ApplicationUrl $url -ApiToken $token -SkipValidation | Out-Null; Get-IoTCentralDevice", Vars(removed));
        Assert.Equal(ErrorCategory.AuthenticationError, later.TerminatingRecord!.CategoryInfo.Category);
        Assert.StartsWith("IoTCentral.DeviceUnauthorized", later.TerminatingRecord.FullyQualifiedErrorId);
    }

    [Fact]
    public void Connect_with_an_api_token_fails_at_once_when_the_application_does_not_answer()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var closed = "http://127.0.0.1:" + ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var result = shell.Run("Connect-IoTCentral -ApplicationUrl $closed -ApiToken $token; Get-IoTCentralSession", new Hashtable(Vars()) { ["closed"] = closed });

        Assert.Empty(result.Output);
        Assert.StartsWith("IoTCentral.ApplicationUnreachable", result.TerminatingRecord!.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ConnectionError, result.TerminatingRecord.CategoryInfo.Category);
        Assert.Contains("nothing accepts connections there", result.TerminatingRecord.Exception.Message);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Connect_keeps_the_timeout_retries_and_pace_on_the_session()
    {
        var defaults = shell.Run("Connect-IoTCentral -ApplicationUrl $url -ApiToken $token", Vars());
        defaults.AssertNoErrors();
        var session = Assert.Single(defaults.Output);
        Assert.Equal(TimeSpan.FromSeconds(30), session.Properties["Timeout"].Value);
        Assert.Equal(4, session.Properties["MaxRetries"].Value);
        Assert.Equal(0d, session.Properties["MaxRequestsPerSecond"].Value);

        var given = shell.Run("Connect-IoTCentral -ApplicationUrl $url -ApiToken $token -Timeout 5 -MaxRetries 1 -MaxRequestsPerSecond 7.5", Vars());
        given.AssertNoErrors();
        session = Assert.Single(given.Output);
        Assert.Equal(TimeSpan.FromSeconds(5), session.Properties["Timeout"].Value);
        Assert.Equal(1, session.Properties["MaxRetries"].Value);
        Assert.Equal(7.5, session.Properties["MaxRequestsPerSecond"].Value);

        var service = shell.Run("Connect-IoTCentral -Subdomain contoso -ApiToken $token -SkipValidation", Vars());
        service.AssertNoErrors();
        Assert.Equal(20d, Assert.Single(service.Output).Properties["MaxRequestsPerSecond"].Value);
    }

    [Fact]
    public void Subdomain_and_application_url_are_validated_before_any_request()
    {
        var badSubdomain = shell.Run("Connect-IoTCentral -Subdomain 'not a host' -ApiToken $token", Vars());
        Assert.StartsWith("IoTCentral.InvalidApplicationUrl", badSubdomain.TerminatingRecord!.FullyQualifiedErrorId);

        var badUrl = shell.Run("Connect-IoTCentral -ApplicationUrl 'ftp://example.com' -ApiToken $token", Vars());
        Assert.StartsWith("IoTCentral.InvalidApplicationUrl", badUrl.TerminatingRecord!.FullyQualifiedErrorId);

        var subdomain = shell.Run("Connect-IoTCentral -Subdomain contoso -ApiToken $token -SkipValidation", Vars());
        subdomain.AssertNoErrors();
        Assert.Equal(new Uri("https://contoso.azureiotcentral.com"), Assert.Single(subdomain.Output).Properties["ApplicationUrl"].Value);
    }
}
