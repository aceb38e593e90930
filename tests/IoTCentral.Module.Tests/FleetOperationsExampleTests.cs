namespace IoTCentral.Module.Tests;

/// <summary>docs/examples/fleet-operations.ps1 runs against the emulator from start to cleanup, as a user would run it.</summary>
public sealed class FleetOperationsExampleTests : ModuleTestBase
{
    public FleetOperationsExampleTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public void The_fleet_operations_example_script_runs_against_the_emulator()
    {
        var prefix = UniqueId("fleet");
        var script = Path.Combine(TestPaths.RepoRoot, "docs", "examples", "fleet-operations.ps1");
        var result = Shell.Run($"& '{script}' -ApplicationUrl $url -ApiToken $adminToken -Prefix {prefix} -Cleanup", AdminVariables);
        result.AssertNoErrors();
        var summary = Assert.Single(result.Output);
        Assert.Equal(prefix + "-phones", summary.Properties["DeviceGroup"].Value);
        Assert.Equal(3, summary.Properties["Devices"].Value);
        Assert.Equal("completed", summary.Properties["JobStatus"].Value);
        Assert.Equal(3, summary.Properties["JobDevicesCompleted"].Value);
        Assert.Equal(prefix + "-nightly", summary.Properties["ScheduledJob"].Value);
        Assert.Equal(true, summary.Properties["CertificateVerified"].Value);
        Assert.Equal(true, summary.Properties["CleanedUp"].Value);

        var gone = RunWith("Get-IoTCentralEnrollmentGroup -Id $id; Get-IoTCentralOrganization -Id $org", ("id", prefix + "-x509"), ("org", prefix + "-emea"));
        Assert.Equal(2, gone.Errors.Count);
        Assert.All(gone.Errors, e => Assert.Contains("NotFound", e.FullyQualifiedErrorId, StringComparison.Ordinal));
    }
}
