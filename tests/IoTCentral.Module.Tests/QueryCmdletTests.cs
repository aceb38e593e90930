using System.Management.Automation;

namespace IoTCentral.Module.Tests;

public sealed class QueryCmdletTests : DeviceDataTestBase
{
    private const string InvokeQuery = "IoTCentral.Commands.Query.InvokeIoTCentralQueryCommand";

    public QueryCmdletTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    public static TheoryData<string, string> QueriesOverTheLimits => new()
    {
        { "SELECT $id FROM dtmi:contoso:phoneAsADevice;1 WHERE $id = '" + new string('x', 320) + "'", "at most 350" },
        { "SELECT " + string.Join(", ", Enumerable.Range(1, 16).Select(i => "p" + i)) + " FROM dtmi:contoso:phoneAsADevice;1", "16 items" },
        { "SELECT * FROM dtmi:contoso:phoneAsADevice;1", "wildcard (*)" },
        { "SELECT COUNT(*) FROM dtmi:contoso:phoneAsADevice;1", "wildcard (*)" },
        { "DELETE FROM dtmi:contoso:phoneAsADevice;1", "SELECT <items> FROM" },
    };

    [Theory]
    [MemberData(nameof(QueriesOverTheLimits))]
    public void Queries_over_the_documented_limits_fail_before_any_request(string query, string expected)
    {
        var result = Run("Invoke-IoTCentralQuery $q -Verbose; 'went on'", ("q", query));
        Assert.Equal("went on", result.Output.Single().BaseObject);
        var error = Assert.Single(result.Errors);
        Assert.Equal("IoTCentral.InvalidQuery," + InvokeQuery, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal(query, error.TargetObject);
        Assert.Contains(expected, error.Exception.Message);
        Assert.False(SentAnyRequest(result));
    }

    [Fact]
    public void Fifteen_items_and_a_star_inside_a_string_are_allowed()
    {
        var telemetry = new[] { "accelerometer", "gyroscope", "magnetometer", "barometer", "illuminance", "battery", "geolocation" }.Select(n => "sensors." + n);
        var aliases = Enumerable.Range(1, 6).Select(i => "sensors.battery AS b" + i);
        var items = string.Join(", ", new[] { "$id", "$ts" }.Concat(telemetry).Concat(aliases));
        var query = $"SELECT {items} FROM {PhoneTemplateId} WHERE $id = 'a*b'";
        Assert.Equal(15, items.Split(',').Length);
        Assert.InRange(query.Length, 300, 350);
        var result = Run("Invoke-IoTCentralQuery $q", ("q", query));
        result.AssertNoErrors();
        Assert.Empty(result.Output);
    }

    [Fact]
    public void Rows_stream_as_typed_objects_that_filter_in_the_pipeline()
    {
        var deviceId = NewPhone(simulated: false);
        var feed = FeedOf(deviceId);
        var now = DateTimeOffset.UtcNow;
        void Send(int minutesAgo, string vector) => feed.SendTelemetry(
            "{\"component\":\"sensors\",\"timestamp\":\"" + now.AddMinutes(-minutesAgo).ToString("O") + "\",\"values\":{\"accelerometer\":" + vector + "}}");
        Send(3, """{"x":1,"y":2,"z":9.5}""");
        Send(2, """{"x":1,"y":2,"z":3.5}""");
        Send(1, """{"x":-4.25,"y":0,"z":10}""");

        var result = Run(
            """
            "SELECT `$id, `$ts, sensors.accelerometer AS acc FROM $template WHERE WITHIN_WINDOW(PT1H) AND `$id = '$id'" |
                Invoke-IoTCentralQuery |
                Where-Object { $_.acc.z -gt 9 -and $_.'$ts' -gt [datetime]::UtcNow.AddHours(-1) } |
                ForEach-Object { $_ }
            """,
            ("template", PhoneTemplateId),
            ("id", deviceId));
        result.AssertNoErrors();
        Assert.Equal(2, result.Output.Count);
        Assert.All(result.Output, row =>
        {
            Assert.Equal("IoTCentral.QueryRow", row.TypeNames[0]);
            Assert.Equal(deviceId, row.Properties["$id"].Value);
            Assert.IsType<DateTimeOffset>(row.Properties["$ts"].Value);
        });
        Assert.Contains(result.Output, row => Equals(-4.25, PSObject.AsPSObject(row.Properties["acc"].Value).Properties["x"].Value));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void A_query_the_service_rejects_is_a_non_terminating_InvalidArgument_with_its_reason()
    {
        var result = Run("Invoke-IoTCentralQuery 'SELECT $id FROM dtmi:contoso:phoneAsADevice;1 WHERE'; 'went on'");
        Assert.Equal("went on", result.Output.Single().BaseObject);
        var error = Assert.Single(result.Errors);
        Assert.Equal("IoTCentral.QueryInvalidArgument," + InvokeQuery, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("requestId", error.ErrorDetails.Message);
    }

    [Fact]
    public void A_result_of_its_own_TOP_size_gives_no_warning()
    {
        var deviceId = NewPhone(simulated: true);
        var result = Run(
            "@(Invoke-IoTCentralQuery \"SELECT TOP 10000 `$id, sensors.battery FROM $template WHERE WITHIN_WINDOW(P1D) AND `$id = '$id'\").Count",
            ("template", PhoneTemplateId),
            ("id", deviceId));
        result.AssertNoErrors();
        Assert.Equal(10000, (int)result.Output.Single().BaseObject);
        Assert.Empty(result.Warnings);
    }
}
