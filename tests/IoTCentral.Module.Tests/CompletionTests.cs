using System.Collections;

namespace IoTCentral.Module.Tests;

/// <summary>Tab completion of roles and device ids, through the engine's own TabExpansion2.</summary>
public sealed class CompletionTests : ModuleTestBase
{
    public CompletionTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    private IReadOnlyList<string> Complete(string line) =>
        Shell.Run("(TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object CompletionText", new Hashtable { ["line"] = line })
            .Output.Select(o => (string)o.BaseObject).ToList();

    [Fact]
    public void Role_names_complete_from_the_application()
    {
        Assert.Equal(new[] { "Operator" }, Complete("New-IoTCentralApiToken -Id x -Role Op"));
        Assert.Contains("'Org Admin'", Complete("Get-IoTCentralRole -Name Org"));
    }

    [Fact]
    public void Device_ids_complete_from_the_application()
    {
        var id = UniqueId("complete");
        Shell.Run("New-IoTCentralDevice -Id $id | Out-Null", new Hashtable { ["id"] = id }).AssertNoErrors();
        Assert.Contains(id, Complete("Get-IoTCentralDevice -Id " + id[..12]));
    }
}
