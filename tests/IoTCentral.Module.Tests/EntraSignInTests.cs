using System.Collections;
using System.Management.Automation;
using System.Text.RegularExpressions;

namespace IoTCentral.Module.Tests;

/// <summary>One https emulator with its token service for the sign-in tests of a class.</summary>
public sealed class EntraEmulatorFixture : IAsyncLifetime
{
    private EntraEmulator? emulator;

    public EntraEmulator Emulator => emulator ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => emulator = await EntraEmulator.StartAsync();

    public async Task DisposeAsync()
    {
        if (emulator != null)
        {
            await emulator.DisposeAsync();
        }
    }
}

/// <summary>
/// Every Connect-IoTCentral sign-in with the real Azure.Identity (inside the module) against the emulator's
/// Microsoft Entra stand-in, over https with the emulator's certificate trusted exactly.
/// </summary>
public sealed class EntraSignInTests : IClassFixture<EntraEmulatorFixture>, IDisposable
{
    private readonly EntraEmulator emulator;
    private readonly PowerShellHost shell = new();

    public EntraSignInTests(EntraEmulatorFixture fixture) => emulator = fixture.Emulator;

    public void Dispose() => shell.Dispose();

    private Hashtable Vars(params (string Name, object Value)[] extra)
    {
        var table = new Hashtable
        {
            ["url"] = emulator.ApplicationUrl,
            ["authority"] = emulator.Server.AuthorityHost,
            ["trusted"] = emulator.Server.TlsCertificate,
            ["tenant"] = EntraEmulator.TenantId,
            ["adminToken"] = Secrets.Protect(emulator.Server.AdminApiToken),
        };
        foreach (var (name, value) in extra)
        {
            table[name] = value;
        }

        return table;
    }

    private const string Trust = "-ApplicationUrl $url -AuthorityHost $authority -TrustedServerCertificate $trusted";

    [Fact]
    public async Task A_service_principal_with_a_secret_creates_an_operator_token_whose_session_registers_a_device()
    {
        var (clientId, secret) = await emulator.AddServicePrincipalWithSecretAsync(EntraEmulator.AdministratorRole);
        var deviceId = "sp-device-" + Guid.NewGuid().ToString("N")[..8];
        var tokenId = "sp-ops-" + Guid.NewGuid().ToString("N")[..8];
        var result = shell.Run(
            $$"""
            $sp = Connect-IoTCentral {{Trust}} -ServicePrincipal -TenantId $tenant -Credential $credential -Verbose -Debug
            $token = New-IoTCentralApiToken -Id $tokenId -Role Operator -Session $sp -Verbose -Debug
            $operator = Connect-IoTCentral -ApplicationUrl $url -ApiToken $token.Token -TrustedServerCertificate $trusted
            New-IoTCentralDevice -Id $deviceId -Session $operator | Out-Null
            try { New-IoTCentralApiToken -Id "$tokenId-2" -Role Operator -Session $operator } catch { $_.FullyQualifiedErrorId }
            $sp, (Get-IoTCentralDevice -Id $deviceId -Session $sp).Id
            """,
            Vars(("credential", new PSCredential(clientId, Secrets.Protect(secret))), ("deviceId", deviceId), ("tokenId", tokenId)));
        result.AssertNoErrors();
        Assert.StartsWith("IoTCentral.ApiTokenAccessDenied", (string)result.Output[0].BaseObject);
        var session = result.Output[1];
        Assert.Equal("ServicePrincipal", session.Properties["AuthKind"].Value.ToString());
        Assert.Equal(clientId, session.Properties["Identity"].Value);
        Assert.Equal(EntraEmulator.TenantId, session.Properties["TenantId"].Value);
        Assert.Null(session.Properties["ExpiresOn"].Value);
        Assert.Equal(deviceId, result.Output[2].BaseObject);
        Assert.DoesNotContain(secret, result.AllText());
        Assert.DoesNotContain("eyJ", result.AllText());
    }

    [Fact]
    public async Task A_wrong_client_secret_fails_at_connect_without_showing_it()
    {
        var (clientId, _) = await emulator.AddServicePrincipalWithSecretAsync(EntraEmulator.OperatorRole);
        var result = shell.Run(
            $"Connect-IoTCentral {Trust} -ServicePrincipal -TenantId $tenant -Credential $credential",
            Vars(("credential", new PSCredential(clientId, Secrets.Protect("not-the-secret-value")))));
        Assert.StartsWith("IoTCentral.SignInFailed", result.TerminatingRecord!.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, result.TerminatingRecord.CategoryInfo.Category);
        Assert.DoesNotContain("not-the-secret-value", result.AllText());

        // Microsoft Entra's reason, which Azure.Identity keeps in an inner exception, is what tells the user what to fix.
        Assert.Contains("ClientSecretCredential authentication failed: AADSTS7000215: Invalid client secret provided.", result.TerminatingRecord.Exception.Message);
    }

    [Fact]
    public async Task A_service_principal_signs_in_with_a_certificate_object_and_a_pfx_file()
    {
        var (clientId, certificate) = await emulator.AddServicePrincipalWithCertificateAsync(EntraEmulator.OperatorRole);
        var pfx = Path.Combine(Path.GetTempPath(), "iotc-sp-" + Guid.NewGuid().ToString("N") + ".pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "pfx-password"));
        try
        {
            var result = shell.Run(
                $"""
                (Connect-IoTCentral {Trust} -ServicePrincipal -TenantId $tenant -ClientId $clientId -Certificate $certificate).AuthKind
                (Get-IoTCentralRole -Name Operator).DisplayName
                Connect-IoTCentral {Trust} -ServicePrincipal -TenantId $tenant -ClientId $clientId -CertificatePath $pfx -CertificatePassword $pfxPassword | Out-Null
                @(Get-IoTCentralDevice).Count -ge 0
                """,
                Vars(("clientId", clientId), ("certificate", certificate), ("pfx", pfx), ("pfxPassword", Secrets.Protect("pfx-password"))));
            result.AssertNoErrors();
            Assert.Equal(new[] { "ServicePrincipal", "Operator", "True" }, result.Output.Select(o => o.BaseObject.ToString()).ToArray());
            Assert.DoesNotContain("pfx-password", result.AllText());
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    [Fact]
    public async Task A_user_signs_in_with_a_device_code_that_the_test_answers()
    {
        var upn = await emulator.AddEmailUserAsync(EntraEmulator.OperatorRole);
        using var interactive = new PowerShellHost(host: new TestHost());
        var answered = new List<string>();
        var result = interactive.Run(
            $"Connect-IoTCentral {Trust} -UseDeviceAuthentication -TenantId $tenant",
            Vars(),
            onWarning: message =>
            {
                var code = Regex.Match(message, @"code\s+([A-Z0-9]{6,})").Groups[1].Value;
                if (code.Length > 0)
                {
                    emulator.Server.Identity.CompleteDeviceCode(code, upn);
                    answered.Add(code);
                }
            });
        result.AssertNoErrors();
        Assert.Single(answered);
        var session = Assert.Single(result.Output);
        Assert.Equal("DeviceCode", session.Properties["AuthKind"].Value.ToString());
        Assert.Equal(upn, session.Properties["Identity"].Value);
    }

    [Fact]
    public async Task Commands_after_a_device_code_sign_in_use_its_token_without_a_second_prompt()
    {
        var upn = await emulator.AddEmailUserAsync(EntraEmulator.OperatorRole);
        using var interactive = new PowerShellHost(host: new TestHost());
        var answered = new List<string>();
        var connect = interactive.Run($"Connect-IoTCentral {Trust} -UseDeviceAuthentication -TenantId $tenant | Out-Null", Vars(), onWarning: message => AnswerDeviceCode(message, upn, answered));
        var commands = interactive.Run(
            "(Get-IoTCentralRole -Name Operator).DisplayName; @(Get-IoTCentralDevice).Count -ge 0; (Get-IoTCentralSession).AuthKind.ToString()",
            Vars(),
            onWarning: message => AnswerDeviceCode(message, upn, answered));

        connect.AssertNoErrors();
        commands.AssertNoErrors();
        Assert.Equal(new[] { "Operator", "True", "DeviceCode" }, commands.Output.Select(o => o.BaseObject.ToString()).ToArray());
        Assert.Single(answered);
        Assert.Empty(commands.Warnings);
    }

    [Fact]
    public async Task A_device_code_needed_again_later_is_shown_by_the_command_that_needs_it()
    {
        // One-minute tokens are stale at once by MSAL's five-minute margin, and the token service gives no refresh token,
        // so the first command must sign in again: its prompt goes to that command, not to the finished Connect-IoTCentral.
        await using var shortLived = await EntraEmulator.StartAsync(tokenLifetime: TimeSpan.FromMinutes(1));
        var upn = await shortLived.AddEmailUserAsync(EntraEmulator.OperatorRole);
        using var interactive = new PowerShellHost(host: new TestHost());
        var answered = new List<string>();
        var variables = new Hashtable { ["url"] = shortLived.ApplicationUrl, ["authority"] = shortLived.Server.AuthorityHost, ["trusted"] = shortLived.Server.TlsCertificate, ["tenant"] = EntraEmulator.TenantId };
        var connect = interactive.Run($"Connect-IoTCentral {Trust} -UseDeviceAuthentication -TenantId $tenant | Out-Null", variables, onWarning: message => AnswerDeviceCode(message, upn, answered, shortLived));
        var command = interactive.Run("(Get-IoTCentralRole -Name Operator).DisplayName", variables, onWarning: message => AnswerDeviceCode(message, upn, answered, shortLived));

        connect.AssertNoErrors();
        command.AssertNoErrors();
        Assert.Equal("Operator", Assert.Single(command.Output).BaseObject);
        Assert.Equal(2, answered.Count);
        Assert.Contains(command.Warnings, w => w.Contains(answered[1], StringComparison.Ordinal));
    }

    private void AnswerDeviceCode(string message, string upn, List<string> answered, EntraEmulator? server = null)
    {
        var code = Regex.Match(message, @"code\s+([A-Z0-9]{6,})").Groups[1].Value;
        if (code.Length > 0)
        {
            (server ?? emulator).Server.Identity.CompleteDeviceCode(code, upn);
            answered.Add(code);
        }
    }

    [Fact]
    public async Task A_certificate_thumbprint_is_found_however_it_was_copied()
    {
        var (clientId, certificate) = await emulator.AddServicePrincipalWithCertificateAsync(EntraEmulator.OperatorRole);
        using var store = new System.Security.Cryptography.X509Certificates.X509Store(System.Security.Cryptography.X509Certificates.StoreName.My, System.Security.Cryptography.X509Certificates.StoreLocation.CurrentUser);
        store.Open(System.Security.Cryptography.X509Certificates.OpenFlags.ReadWrite);
        store.Add(certificate);
        try
        {
            var hex = certificate.Thumbprint;
            var pairs = Enumerable.Range(0, 20).Select(i => hex.Substring(i * 2, 2)).ToArray();
            var spellings = new[]
            {
                string.Join(":", pairs),                                  // openssl x509 -fingerprint -sha1, value only
                "SHA1 Fingerprint=" + string.Join(":", pairs),            // openssl's whole line
                "\u200e" + string.Join(" ", pairs).ToLowerInvariant(),    // Windows' certificate dialog
            };
            foreach (var thumbprint in spellings)
            {
                var result = shell.Run(
                    $"(Connect-IoTCentral {Trust} -ServicePrincipal -TenantId $tenant -ClientId $clientId -CertificateThumbprint $thumbprint).AuthKind.ToString(); (Get-IoTCentralRole -Name Operator).DisplayName",
                    Vars(("clientId", clientId), ("thumbprint", thumbprint)));
                result.AssertNoErrors();
                Assert.Equal(new[] { "ServicePrincipal", "Operator" }, result.Output.Select(o => o.BaseObject.ToString()).ToArray());
            }

            var sha256 = certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256);
            var wrong = shell.Run($"Connect-IoTCentral {Trust} -ServicePrincipal -TenantId $tenant -ClientId $clientId -CertificateThumbprint $thumbprint", Vars(("clientId", clientId), ("thumbprint", sha256)));
            Assert.StartsWith("IoTCentral.InvalidCredential", wrong.TerminatingRecord!.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, wrong.TerminatingRecord.CategoryInfo.Category);
            Assert.Contains("SHA-256", wrong.TerminatingRecord.Exception.Message);
        }
        finally
        {
            store.Remove(certificate);
        }
    }

    [Fact]
    public void Interactive_sign_ins_are_refused_where_nobody_can_answer()
    {
        foreach (var parameter in new[] { "-UseDeviceAuthentication", "-Interactive" })
        {
            var result = shell.Run($"Connect-IoTCentral {Trust} {parameter}", Vars());
            Assert.StartsWith("IoTCentral.NonInteractiveHost", result.TerminatingRecord!.FullyQualifiedErrorId);
            Assert.Contains(parameter, result.TerminatingRecord.Exception.Message);
            Assert.Contains("Default Host", result.TerminatingRecord.Exception.Message);
        }
    }

    [Fact]
    public async Task A_static_access_token_shows_its_expiry_and_works_until_then()
    {
        var (clientId, secret) = await emulator.AddServicePrincipalWithSecretAsync(EntraEmulator.OperatorRole);
        var jwt = await emulator.GetAccessTokenAsync(clientId, secret);
        var result = shell.Run(
            "$s = Connect-IoTCentral -ApplicationUrl $url -AccessToken $jwt -TrustedServerCertificate $trusted; $s; (Get-IoTCentralRole -Name Operator).DisplayName",
            Vars(("jwt", Secrets.Protect(jwt))));
        result.AssertNoErrors();
        var session = result.Output[0];
        Assert.Equal("AccessToken", session.Properties["AuthKind"].Value.ToString());
        var expiresOn = (DateTimeOffset)session.Properties["ExpiresOn"].Value;
        Assert.InRange(expiresOn, DateTimeOffset.UtcNow.AddMinutes(50), DateTimeOffset.UtcNow.AddMinutes(61));
        Assert.Equal("Operator", result.Output[1].BaseObject);
        Assert.DoesNotContain(jwt, result.AllText());
    }

    [Fact]
    public void Bearer_sign_ins_are_refused_over_plain_http()
    {
        var result = shell.Run("Connect-IoTCentral -ApplicationUrl http://127.0.0.1:5180 -AccessToken $jwt", Vars(("jwt", Secrets.Protect("a.b.c"))));
        Assert.NotNull(result.TerminatingRecord);
    }
}

/// <summary>Static access tokens that are about to expire, or have, from emulators with their own clocks.</summary>
public sealed class AccessTokenExpiryTests
{
    [Fact]
    public async Task A_token_expiring_within_ten_minutes_warns_and_an_expired_one_says_to_sign_in_again()
    {
        await using var soon = await EntraEmulator.StartAsync(tokenLifetime: TimeSpan.FromMinutes(5));
        await using var past = await EntraEmulator.StartAsync(clock: new ShiftedClock(TimeSpan.FromHours(-2)));
        var (soonClient, soonSecret) = await soon.AddServicePrincipalWithSecretAsync(EntraEmulator.OperatorRole);
        var (pastClient, pastSecret) = await past.AddServicePrincipalWithSecretAsync(EntraEmulator.OperatorRole);
        var soonJwt = await soon.GetAccessTokenAsync(soonClient, soonSecret);
        var pastJwt = await past.GetAccessTokenAsync(pastClient, pastSecret);

        using var shell = new PowerShellHost();
        var expiring = shell.Run(
            "Connect-IoTCentral -ApplicationUrl $url -AccessToken $jwt -TrustedServerCertificate $trusted | Out-Null; (Get-IoTCentralRole -Name Operator).DisplayName",
            new Hashtable { ["url"] = soon.ApplicationUrl, ["jwt"] = Secrets.Protect(soonJwt), ["trusted"] = soon.Server.TlsCertificate });
        expiring.AssertNoErrors();
        Assert.Contains(expiring.Warnings, w => w.Contains("access token expires"));
        Assert.Equal("Operator", Assert.Single(expiring.Output).BaseObject);

        var expired = shell.Run(
            "Connect-IoTCentral -ApplicationUrl $url -AccessToken $jwt -TrustedServerCertificate $trusted",
            new Hashtable { ["url"] = past.ApplicationUrl, ["jwt"] = Secrets.Protect(pastJwt), ["trusted"] = past.Server.TlsCertificate });
        Assert.StartsWith("IoTCentral.AccessTokenExpired", expired.TerminatingRecord!.FullyQualifiedErrorId);
        Assert.Contains("sign in again", expired.TerminatingRecord.Exception.Message);
        Assert.DoesNotContain(pastJwt, expired.AllText());
    }
}

/// <summary>The emulator's clock moved by a fixed offset, to issue tokens that expired long ago.</summary>
public sealed class ShiftedClock(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;
}
