using System;
using Xunit;

namespace IoTCentral.Engine.Tests;

public class UrlTests
{
    [Theory]
    [InlineData("dtmi:contoso:x;1", "dtmi%3Acontoso%3Ax%3B1")]
    [InlineData("a b/c?d#e%f", "a%20b%2Fc%3Fd%23e%25f")]
    [InlineData("plain-id_1.2~", "plain-id_1.2~")]
    [InlineData("café", "caf%C3%A9")]
    public void PathSegment_escapes_everything_but_unreserved_characters(string value, string expected)
    {
        Assert.Equal(expected, PathSegment.Escape(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    public void PathSegment_refuses_ids_that_would_change_the_path(string value)
    {
        Assert.Throws<ArgumentException>(() => PathSegment.Escape(value));
    }

    [Fact]
    public void Subdomain_builds_the_https_application_url()
    {
        Assert.Equal(new Uri("https://contoso.azureiotcentral.com/"), ApplicationUrls.FromSubdomain("Contoso"));
        Assert.Equal(new Uri("https://my-app.azureiotcentral.us/"), ApplicationUrls.FromSubdomain("my-app", "azureiotcentral.us"));
    }

    [Theory]
    [InlineData("-contoso")]
    [InlineData("contoso.evil.com")]
    [InlineData("con toso")]
    [InlineData("")]
    public void Invalid_subdomains_are_explained(string subdomain)
    {
        var error = Assert.Throws<ArgumentException>(() => ApplicationUrls.FromSubdomain(subdomain));

        Assert.Contains("not a valid application subdomain", error.Message);
        Assert.Equal("subdomain", error.ParamName);
    }

    [Theory]
    [InlineData("https://azureiotcentral.com")]
    [InlineData("localhost")]
    [InlineData("azureiotcentral.com/path")]
    public void Invalid_base_domains_are_explained(string baseDomain)
    {
        var error = Assert.Throws<ArgumentException>(() => ApplicationUrls.FromSubdomain("contoso", baseDomain));

        Assert.Contains("not a valid base domain", error.Message);
        Assert.Equal("baseDomain", error.ParamName);
    }
}
