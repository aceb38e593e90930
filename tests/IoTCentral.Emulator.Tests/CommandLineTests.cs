using IoTCentral.Emulator.Hosting;

namespace IoTCentral.Emulator.Tests;

/// <summary>The command-line options of the Microsoft Entra stand-in.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public void Defaults_UseTheWellKnownPorts()
    {
        var options = CommandLine.Parse([]).Options;

        Assert.False(options.Https);
        Assert.Equal("https://127.0.0.1:5181", options.AuthorityUrls);
        Assert.Equal("http://127.0.0.1:5182", options.ManagedIdentityUrls);
        Assert.Equal(TimeSpan.FromHours(1), options.AccessTokenLifetime);
    }

    [Fact]
    public void AnotherApplicationUrl_MovesTheEntraEndpointsToFreePorts()
    {
        var options = CommandLine.Parse(["--urls", "http://127.0.0.1:0"]).Options;

        Assert.Equal("https://127.0.0.1:0", options.AuthorityUrls);
        Assert.Equal("http://127.0.0.1:0", options.ManagedIdentityUrls);
    }

    [Fact]
    public void EntraOptions_AreParsed()
    {
        var parsed = CommandLine.Parse(["--https", "--export-cert", "c.pem", "--authority-url=https://127.0.0.1:7001", "--managed-identity-url",
            "http://127.0.0.1:7002", "--identities", "ids.json", "--token-lifetime", "5"]);

        Assert.True(parsed.Options.Https);
        Assert.Equal("c.pem", parsed.ExportCertificate);
        Assert.Equal("https://127.0.0.1:7001", parsed.Options.AuthorityUrls);
        Assert.Equal("http://127.0.0.1:7002", parsed.Options.ManagedIdentityUrls);
        Assert.Equal("ids.json", parsed.Options.IdentitiesFile);
        Assert.Equal(TimeSpan.FromMinutes(5), parsed.Options.AccessTokenLifetime);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1441")]
    [InlineData("soon")]
    public void BadTokenLifetime_IsAFormatError(string minutes)
    {
        Assert.Throws<FormatException>(() => CommandLine.Parse(["--token-lifetime", minutes]));
    }

    [Fact]
    public void ParentProcessId_IsParsed_AndAbsentByDefault()
    {
        Assert.Null(CommandLine.Parse([]).ParentProcessId);
        Assert.Equal(4242, CommandLine.Parse(["--parent-process-id", "4242"]).ParentProcessId);
        Assert.Equal(17, CommandLine.Parse(["--parent-process-id=17"]).ParentProcessId);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("me")]
    public void BadParentProcessId_IsAFormatError(string pid)
    {
        var error = Assert.Throws<FormatException>(() => CommandLine.Parse(["--parent-process-id", pid]));
        Assert.Contains("--parent-process-id", error.Message);
    }
}
