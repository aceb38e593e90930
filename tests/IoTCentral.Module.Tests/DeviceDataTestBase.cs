using System.Collections;
using System.Text.Json;

namespace IoTCentral.Module.Tests;

/// <summary>
/// Tests of templates, properties, telemetry, commands and query: the tutorial's phone template published once per
/// class, and devices of it made as a script would make them.
/// </summary>
public abstract class DeviceDataTestBase : ModuleTestBase
{
    protected DeviceDataTestBase(EmulatorFixture emulator)
        : base(emulator)
    {
        Run("New-IoTCentralDeviceTemplate -Path $path | Out-Null", ("path", PhoneTemplatePath)).AssertNoErrors();
    }

    protected static string PhoneTemplatePath { get; } = Path.Combine(TestPaths.Docs, "examples", "templates", "phone-as-a-device.json");

    /// <summary>The sample template's "@id", read from the file so the tests follow it.</summary>
    protected static string PhoneTemplateId { get; } =
        JsonDocument.Parse(File.ReadAllText(PhoneTemplatePath)).RootElement.GetProperty("@id").GetString()!;

    protected PowerShellResult Run(string script, params (string Name, object? Value)[] variables)
    {
        var table = new Hashtable();
        foreach (var (name, value) in variables)
        {
            table[name] = value;
        }

        return Shell.Run(script, table);
    }

    /// <summary>A new device of the phone template; simulated devices make up telemetry, properties and command answers.</summary>
    protected string NewPhone(bool simulated, string prefix = "phone")
    {
        var id = UniqueId(prefix);
        Run(
            "New-IoTCentralDevice -Id $id -Template $template -Simulated:$simulated | Out-Null",
            ("id", id),
            ("template", PhoneTemplateId),
            ("simulated", simulated)).AssertNoErrors();
        return id;
    }

    /// <summary>The device side of a non-simulated device, signed with the key the module reads for it.</summary>
    protected DeviceFeed FeedOf(string deviceId)
    {
        var key = Run("(Get-IoTCentralDeviceCredential -DeviceId $id -AsPlainText).PrimaryKey", ("id", deviceId));
        key.AssertNoErrors();
        return new DeviceFeed(Emulator.ApplicationUrl, deviceId, (string)key.Output.Single().BaseObject);
    }

    /// <summary>A JSON number as the module gives it: long when whole (a simulated 3.0 arrives as 3), else double.</summary>
    protected static void AssertNumber(object? value) =>
        Assert.True(value is long or double, $"expected a number, got {value?.GetType().Name ?? "null"}");

}
