using System;
using IoTCentral.Engine.Tests.Support;
using Xunit;

namespace IoTCentral.Engine.Tests;

public class TokenInfoTests
{
    [Fact]
    public void Api_token_fields_and_millisecond_expiry_are_read()
    {
        var info = ApiTokenInfo.Parse(TestClients.Secure("SharedAccessSignature sr=5f1a2b3c-app&sig=c2lnbmF0dXJl%3D&skn=operator-token&se=1735689600123"));

        Assert.Equal("5f1a2b3c-app", info.Resource);
        Assert.Equal("operator-token", info.KeyName);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, 123, TimeSpan.Zero), info.ExpiresOn);
    }

    [Theory]
    [InlineData("Bearer abc.def.ghi")]
    [InlineData("SharedAccessSignature sr=app&skn=admin&se=1735689600000")]
    [InlineData("SharedAccessSignature sr=app&sig=TOPSECRET&skn=admin")]
    [InlineData("SharedAccessSignature sr=app&sig=TOPSECRET&skn=admin&se=soon")]
    public void Malformed_api_tokens_fail_without_echoing_the_value(string value)
    {
        var error = Assert.Throws<FormatException>(() => ApiTokenInfo.Parse(TestClients.Secure(value)));

        Assert.StartsWith("The ", error.Message);
        Assert.DoesNotContain("TOPSECRET", error.Message);
        Assert.DoesNotContain("abc.def", error.Message);
    }

    [Fact]
    public void Jwt_expiry_identity_and_tenant_are_decoded()
    {
        var jwt = AuthenticationTests.Jwt("""{"exp":1735689600,"tid":"72f988bf-tenant","unique_name":"live.com#admin@contoso.com","oid":"o-1"}""");

        var info = AccessTokenInfo.Parse(TestClients.Secure(jwt));

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1735689600), info.ExpiresOn);
        Assert.Equal("live.com#admin@contoso.com", info.Identity);
        Assert.Equal("72f988bf-tenant", info.TenantId);
    }

    [Fact]
    public void Jwt_of_a_service_principal_uses_appid()
    {
        var info = AccessTokenInfo.Parse(TestClients.Secure(AuthenticationTests.Jwt("""{"appid":"app-1","oid":"o-1"}""")));

        Assert.Equal("app-1", info.Identity);
        Assert.Null(info.ExpiresOn);
        Assert.Null(info.TenantId);
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.%%%.c")]
    [InlineData("a.bm90IGpzb24.c")]
    public void Non_jwt_values_are_a_FormatException(string value)
    {
        var error = Assert.Throws<FormatException>(() => AccessTokenInfo.Parse(TestClients.Secure(value)));

        Assert.DoesNotContain(value, error.Message);
    }
}
