using System;
using System.Collections;
using System.Collections.Specialized;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using IoTCentral.Engine.Tests.Support;
using IoTCentral.Models;
using Xunit;

namespace IoTCentral.Engine.Tests;

/// <summary>The JSON mapping and paths of device templates, components, modules, properties, telemetry, commands and query.</summary>
public class DeviceDataOperationsTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_template_is_read_from_the_spec_example_with_its_capability_model_as_a_neutral_tree()
    {
        var handler = FakeHandler.Sequence(() => FakeHandler.Json(HttpStatusCode.OK, """
            {"etag":"\"~Fe\"","displayName":"Test","capabilityModel":{"@id":"dtmi:contoso:cm;1","@type":"Interface",
             "contents":[{"@type":"Component","name":"settings","displayName":{"en":"Settings","fr":"Réglages"}}]},
             "@id":"dtmi:modelDefinition:contoso;1","@type":["ModelDefinition","DeviceModel"]}
            """));
        using var client = TestClients.WithApiToken(handler);

        var template = await client.DeviceTemplates.GetAsync("dtmi:modelDefinition:contoso;1", None);

        Assert.Equal("dtmi:modelDefinition:contoso;1", template.Id);
        Assert.Equal(new[] { "ModelDefinition", "DeviceModel" }, template.Types);
        Assert.Equal("\"~Fe\"", template.ETag);
        var model = Assert.IsType<OrderedDictionary>(template.CapabilityModel);
        var contents = Assert.IsType<object?[]>(model["contents"]);
        Assert.Equal("settings", ((IDictionary)contents[0]!)["name"]);
        Assert.EndsWith("/api/deviceTemplates/dtmi%3AmodelDefinition%3Acontoso%3B1", handler.Requests.Single().Uri.AbsolutePath);
    }

    [Fact]
    public async Task Creating_a_template_puts_the_given_tree_unchanged_and_updating_is_a_merge_patch()
    {
        var handler = FakeHandler.Sequence(() => FakeHandler.Json(HttpStatusCode.OK, """{"@id":"dtmi:c:t;1","@type":["ModelDefinition","DeviceModel"],"capabilityModel":{}}"""));
        using var client = TestClients.WithApiToken(handler);
        var body = new OrderedDictionary { ["@id"] = "dtmi:c:t;1", ["@type"] = new[] { "ModelDefinition", "DeviceModel" }, ["capabilityModel"] = new OrderedDictionary { ["@type"] = "Interface" }, ["x-extra"] = 1L };

        await client.DeviceTemplates.CreateAsync("dtmi:c:t;1", body, None);
        await client.DeviceTemplates.UpdateAsync("dtmi:c:t;1", new OrderedDictionary { ["displayName"] = "New" }, None);

        var put = handler.Requests[0];
        Assert.Equal("PUT", put.Method);
        using var sent = JsonDocument.Parse(put.Body!);
        Assert.Equal(1, sent.RootElement.GetProperty("x-extra").GetInt32());
        Assert.Equal("DeviceModel", sent.RootElement.GetProperty("@type")[1].GetString());
        var patch = handler.Requests[1];
        Assert.Equal("PATCH", patch.Method);
        Assert.Equal("application/merge-patch+json", patch.ContentType);
        Assert.Equal("""{"displayName":"New"}""", patch.Body);
    }

    [Theory]
    [InlineData(null, null, "/api/devices/d%201/properties")]
    [InlineData(null, "device_info", "/api/devices/d%201/components/device_info/properties")]
    [InlineData("edge:mod", null, "/api/devices/d%201/modules/edge%3Amod/properties")]
    [InlineData("edge", "sensors", "/api/devices/d%201/modules/edge/components/sensors/properties")]
    public async Task Properties_are_addressed_at_all_four_levels(string? module, string? component, string path)
    {
        var handler = FakeHandler.Sequence(() => FakeHandler.Json(HttpStatusCode.OK, "{}"));
        using var client = TestClients.WithApiToken(handler);

        var properties = await client.DeviceProperties.GetAsync("d 1", module, component, None);

        Assert.Equal(path, handler.Requests.Single().Uri.AbsolutePath);
        Assert.Equal(module, properties.Module);
        Assert.Equal(component, properties.Component);
    }

    [Fact]
    public async Task A_property_write_answer_gives_each_property_its_desired_value_and_acknowledgement()
    {
        // examples-2022-07-31/modules_properties_components_set.json
        var handler = FakeHandler.Sequence(() => FakeHandler.Json(HttpStatusCode.Accepted, """
            {"SensitivityDial":50,"$metadata":{"SensitivityDial":{"desiredValue":300,"desiredVersion":3,"ackVersion":1,
             "ackDescription":"Ok","ackCode":200,"lastUpdateTime":"2020-04-27T22:08:55.1149957Z"}}}
            """));
        using var client = TestClients.WithApiToken(handler);

        var answer = await client.DeviceProperties.UpdateAsync("mx1", "module_env", "componentA", new OrderedDictionary { ["SensitivityDial"] = 300 }, None);

        var state = Assert.Single(answer.AllStates());
        Assert.Equal("SensitivityDial", state.Name);
        Assert.Equal(("mx1", "module_env", "componentA"), (state.DeviceId, state.Module, state.Component));
        Assert.Equal(50L, state.Value);
        Assert.Equal(300L, state.DesiredValue);
        Assert.Equal(3, state.DesiredVersion);
        Assert.Equal(1, state.AckVersion);
        Assert.Equal(200, state.AckCode);
        Assert.Equal("Ok", state.AckDescription);
        Assert.False(state.Acknowledged);
        Assert.Equal(new DateTimeOffset(2020, 4, 27, 22, 8, 55, TimeSpan.Zero).AddTicks(1149957), state.LastUpdateTime);
        var request = handler.Requests.Single();
        Assert.Equal("PATCH", request.Method);
        Assert.Equal("application/merge-patch+json", request.ContentType);
        Assert.Equal("""{"SensitivityDial":300}""", request.Body);
    }

    [Fact]
    public async Task Device_level_properties_nest_components_and_replace_is_a_put()
    {
        // The shape of howto-control-devices-with-rest-api: root values, then components with their own $metadata.
        var handler = FakeHandler.Sequence(() => FakeHandler.Json(HttpStatusCode.Accepted, """
            {"serialNumber":"SN1","$metadata":{"serialNumber":{"lastUpdateTime":"2021-03-24T13:58:52Z"}},
             "device_info":{"__t":"c","manufacturer":"Contoso","$metadata":{"manufacturer":{"lastUpdateTime":"2021-03-24T13:58:52Z"}}},
             "settings":{"$metadata":{"fanSpeed":{"desiredValue":35,"desiredVersion":2,"ackVersion":2,"ackCode":200}}},
             "location":{"lat":47.6,"lon":-122.1}}
            """));
        using var client = TestClients.WithApiToken(handler);

        var answer = await client.DeviceProperties.ReplaceAsync("d", null, null, new OrderedDictionary { ["settings"] = new OrderedDictionary { ["fanSpeed"] = 35 } }, None);

        Assert.Equal("PUT", handler.Requests.Single().Method);
        Assert.Equal("application/json", handler.Requests.Single().ContentType);
        var info = Assert.IsType<DeviceProperties>(answer.Values["device_info"]);
        Assert.Equal("device_info", info.Component);
        Assert.Equal("Contoso", info.Values["manufacturer"]);
        Assert.False(info.Values.Contains("__t"));
        Assert.IsType<OrderedDictionary>(answer.Values["location"]);
        var states = answer.AllStates().ToDictionary(s => s.ToString());
        Assert.Equal(new[] { "serialNumber", "location", "device_info.manufacturer", "settings.fanSpeed" }, answer.AllStates().Select(s => s.ToString()).ToArray());
        Assert.True(states["settings.fanSpeed"].Acknowledged);
        Assert.Equal(35L, states["settings.fanSpeed"].DesiredValue);
        Assert.Null(states["location"].LastUpdateTime);
    }

    [Fact]
    public async Task Telemetry_maps_value_and_timestamp_and_an_empty_answer_means_no_value_yet()
    {
        var handler = FakeHandler.Sequence(
            () => FakeHandler.Json(HttpStatusCode.OK, """{"value":{"x":0.1,"y":-9.8,"z":1},"timestamp":"2021-05-04T21:59:39.153Z"}"""),
            () => FakeHandler.Json(HttpStatusCode.OK, "{}"));
        using var client = TestClients.WithApiToken(handler);

        var value = await client.DeviceData.GetTelemetryValueAsync("mx1", null, "sensors", "accelerometer", None);
        var empty = await client.DeviceData.GetTelemetryValueAsync("mx1", null, null, "temperature", None);

        var vector = Assert.IsType<OrderedDictionary>(value.Value);
        Assert.Equal(-9.8, vector["y"]);
        Assert.Equal(1L, vector["z"]);
        Assert.Equal(new DateTimeOffset(2021, 5, 4, 21, 59, 39, 153, TimeSpan.Zero), value.Timestamp);
        Assert.Equal(("sensors", "accelerometer"), (value.Component, value.Name));
        Assert.EndsWith("/devices/mx1/components/sensors/telemetry/accelerometer", handler.Requests[0].Uri.AbsolutePath);
        Assert.Null(empty.Value);
        Assert.Null(empty.Timestamp);
    }

    [Fact]
    public async Task A_command_sends_only_what_was_given_and_reads_the_device_answer()
    {
        var handler = FakeHandler.Sequence(() => FakeHandler.Json(HttpStatusCode.Created, """
            {"id":"req-1","connectionTimeout":0,"responseTimeout":30,"request":{"duration":3,"delay":1,"pulses":2},"response":{"status":"ok"},"responseCode":200}
            """));
        using var client = TestClients.WithApiToken(handler);
        var request = new OrderedDictionary { ["duration"] = 3, ["delay"] = 1, ["pulses"] = 2 };

        var result = await client.DeviceCommands.RunAsync("phone", null, null, "lightOn", true, request, null, 10, false, None);

        Assert.Equal("req-1", result.RequestId);
        Assert.Equal(200, result.ResponseCode);
        Assert.Equal("ok", ((IDictionary)result.Response!)["status"]);
        Assert.Equal(3L, ((IDictionary)result.Request!)["duration"]);
        Assert.Equal(30, result.ResponseTimeout);
        var sent = handler.Requests.Single();
        Assert.Equal("POST", sent.Method);
        Assert.EndsWith("/api/devices/phone/commands/lightOn", sent.Uri.AbsolutePath);
        Assert.Equal("""{"request":{"duration":3,"delay":1,"pulses":2},"responseTimeout":10}""", sent.Body);
    }

    [Fact]
    public async Task A_command_without_a_request_sends_an_empty_body()
    {
        var handler = FakeHandler.Sequence(() => FakeHandler.Json(HttpStatusCode.Created, "{}"));
        using var client = TestClients.WithApiToken(handler);

        var result = await client.DeviceCommands.RunAsync("d", "edge", "camera", "reboot", false, null, null, null, false, None);

        Assert.Equal("{}", handler.Requests.Single().Body);
        Assert.EndsWith("/devices/d/modules/edge/components/camera/commands/reboot", handler.Requests.Single().Uri.AbsolutePath);
        Assert.Null(result.ResponseCode);
    }

    [Fact]
    public async Task A_failed_command_is_not_retried_unless_allowed()
    {
        var once = FakeHandler.Sequence(() => FakeHandler.Status(HttpStatusCode.ServiceUnavailable), () => FakeHandler.Json(HttpStatusCode.Created, "{}"));
        using (var client = TestClients.WithApiToken(once))
        {
            var failure = await Assert.ThrowsAsync<IoTCentralException>(() => client.DeviceCommands.RunAsync("d", null, null, "c", false, null, null, null, false, None));
            Assert.Equal(503, failure.Status);
            Assert.Single(once.Requests);
        }

        var retried = FakeHandler.Sequence(() => FakeHandler.Status(HttpStatusCode.ServiceUnavailable), () => FakeHandler.Json(HttpStatusCode.Created, """{"responseCode":200}"""));
        using (var client = TestClients.WithApiToken(retried))
        {
            var result = await client.DeviceCommands.RunAsync("d", null, null, "c", false, null, null, null, true, None);
            Assert.Equal(200, result.ResponseCode);
            Assert.Equal(2, retried.Requests.Count);
        }
    }

    [Fact]
    public async Task Command_history_and_component_lists_follow_next_links()
    {
        var handler = FakeHandler.Sequence(
            () => FakeHandler.Json(HttpStatusCode.OK, """{"value":[{"response":"Success","responseCode":200}]}"""),
            () => FakeHandler.Json(HttpStatusCode.OK, """{"value":[{"@type":"Component","name":"device_info","displayName":"Device information","description":"Info"}]}"""),
            () => FakeHandler.Json(HttpStatusCode.OK, """{"value":[{"@type":["Relationship","EdgeModule"],"name":"camera","displayName":"Camera"}]}"""));
        using var client = TestClients.WithApiToken(handler);

        var history = await client.DeviceCommands.ListHistoryAsync("mx1", "camera", "componentA", "AdjustFrameRate", null, None);
        var components = await client.DeviceData.ListComponentsAsync("mx1", null, null, None);
        var modules = await client.DeviceData.ListModulesAsync("mx1", null, None);

        Assert.Equal("Success", Assert.Single(history.Items).Response);
        Assert.Equal("AdjustFrameRate", history.Items[0].Name);
        Assert.EndsWith("/devices/mx1/modules/camera/components/componentA/commands/AdjustFrameRate", handler.Requests[0].Uri.AbsolutePath);
        var component = Assert.Single(components.Items);
        Assert.Equal(("mx1", "device_info", "Device information", "Info"), (component.DeviceId, component.Name, component.DisplayName, component.Description));
        Assert.Equal(new[] { "Component" }, component.Types);
        var module = Assert.Single(modules.Items);
        Assert.Equal(new[] { "Relationship", "EdgeModule" }, module.Types);
        Assert.EndsWith("/devices/mx1/modules", handler.Requests[2].Uri.AbsolutePath);
    }

    [Fact]
    public async Task A_query_goes_to_the_preview_api_version_and_rows_keep_the_service_names()
    {
        var handler = FakeHandler.Sequence(() => FakeHandler.Json(HttpStatusCode.OK, """
            {"results":[{"$id":"sample-003","$ts":"2021-09-10T12:59:52.015Z","sensors.accelerometer":{"x":1.5,"y":2,"z":-3.25}}]}
            """));
        using var client = TestClients.WithApiToken(handler);

        var rows = await client.Query.RunAsync("SELECT $id, $ts, sensors.accelerometer FROM dtmi:c:p;1", None);

        var row = Assert.Single(rows);
        Assert.Equal("sample-003", row["$id"]);
        Assert.Equal(-3.25, ((IDictionary)row["sensors.accelerometer"]!)["z"]);
        var request = handler.Requests.Single();
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/query", request.Uri.AbsolutePath);
        Assert.Contains("api-version=2022-10-31-preview", request.Uri.Query);
        Assert.Equal("""{"query":"SELECT $id, $ts, sensors.accelerometer FROM dtmi:c:p;1"}""", request.Body);
    }

    [Fact]
    public async Task A_query_is_repeated_after_a_transient_failure_because_it_only_reads()
    {
        var handler = FakeHandler.Sequence(() => FakeHandler.Status(HttpStatusCode.ServiceUnavailable), () => FakeHandler.Json(HttpStatusCode.OK, """{"results":[]}"""));
        using var client = TestClients.WithApiToken(handler);

        var rows = await client.Query.RunAsync("SELECT $id FROM dtmi:c:p;1", None);

        Assert.Empty(rows);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public void JSON_text_parses_to_the_neutral_tree_and_a_syntax_error_says_where()
    {
        var tree = Assert.IsType<OrderedDictionary>(JsonText.Parse("""{"@id":"dtmi:a:b;1","n":[1,2.5,true,null]}"""));
        Assert.Equal(new object?[] { 1L, 2.5, true, null }, (object?[])tree["n"]!);

        var error = Assert.Throws<FormatException>(() => JsonText.Parse("{\n  \"a\": ,\n}"));
        Assert.Contains("LineNumber: 1", error.Message);
        Assert.Null(error.InnerException);
    }
}
