using static IoTCentral.Emulator.QueryTests.TestData;

namespace IoTCentral.Emulator.QueryTests;

/// <summary>Property queries: one row per device, current values.</summary>
public sealed class PropertyQueryTests
{
    [Fact]
    public void OneRowPerDevice_ById()
    {
        var rows = Run($"SELECT $id, device_info.model, firmware, online FROM {Template}");

        Assert.Equal(
        [
            """{"$id":"thermo-1","device_info.model":"M1","firmware":"1.0","online":true}""",
            """{"$id":"thermo-2","device_info.model":"M2","firmware":"2.0","online":false}""",
            """{"$id":"thermo-3","device_info.model":"M3","firmware":"2.0","online":null}""",
        ], Lines(rows));
    }

    [Theory]
    [InlineData("firmware = '2.0'", new[] { "thermo-2", "thermo-3" })]
    [InlineData("online = true", new[] { "thermo-1" })]
    [InlineData("online IS NULL", new[] { "thermo-3" })]
    [InlineData("device_info.model <> 'M2' AND firmware = '2.0'", new[] { "thermo-3" })]
    [InlineData("$id IN ['thermo-1', 'thermo-3']", new[] { "thermo-1", "thermo-3" })]
    public void Where(string condition, string[] ids)
    {
        Assert.Equal(ids, Run($"SELECT $id, firmware FROM {Template} WHERE {condition}").Select(r => (string)r["$id"]!));
    }

    [Fact]
    public void OrderByProperty_AndTop()
    {
        var rows = Run($"SELECT TOP 2 $id, device_info.model AS model FROM {Template} ORDER BY model DESC");

        Assert.Equal(["thermo-3", "thermo-2"], rows.Select(r => (string)r["$id"]!));
    }

    [Fact]
    public void OnlyId_ListsTheDevices()
    {
        Assert.Equal(["thermo-1", "thermo-2", "thermo-3"], Run($"SELECT $id FROM {Template}").Select(r => (string)r["$id"]!));
    }

    [Fact]
    public void MetadataFromTheSource()
    {
        var source = new FakeQuerySource(new DeviceBuilder("d").Property("$simulated", true).Property("$provisioned", false).Build());

        Assert.Equal(["""{"$id":"d","$simulated":true,"$provisioned":false}"""], Lines(Run($"SELECT $id, $simulated, $provisioned FROM {Template}", source)));
    }
}
