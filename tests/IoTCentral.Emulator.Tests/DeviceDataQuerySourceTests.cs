using System.Net;
using IoTCentral.Emulator.Features.DataExport;
using IoTCentral.Emulator.Features.Devices;
using IoTCentral.Emulator.Features.DeviceData;
using IoTCentral.Emulator.Features.DeviceTemplates;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Emulator.Tests;

/// <summary>The query feature's view of device data, over the emulator's own services and a fake clock.</summary>
public sealed class DeviceDataQuerySourceTests
{
    private static readonly DateTimeOffset Now = new(2030, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SimulatedDevice_HasTelemetryEveryFiveSeconds_AndItsProperties()
    {
        var (source, devices, _) = Create();
        await devices.CreateOrReplaceAsync("sim", Fields($$"""{"template":"{{DeviceTemplates.PhoneId}}","simulated":true}"""), default);
        await devices.CreateOrReplaceAsync("other-template", Fields("""{"template":"dtmi:test:other;1","simulated":true}"""), default);

        var device = Assert.Single(source.DevicesOfTemplate(DeviceTemplates.PhoneId, Now.AddMinutes(-1), Now));

        Assert.Equal("sim", device.Id);
        var accelerometer = device.Telemetry.Where(s => s.Path == "sensors.accelerometer").ToList();
        Assert.Equal(13, accelerometer.Count); // 12:59:00 to 13:00:00 inclusive, every 5 s
        Assert.All(accelerometer, s => Assert.InRange(s.Value!["x"]!.GetValue<double>(), -10, 10));
        Assert.Equal(Now, accelerometer.Max(s => s.Timestamp));
        Assert.Contains("device_info.manufacturer", device.Properties.Keys);
        Assert.Equal(device.Telemetry.Count, device.Telemetry.Count());
    }

    [Fact]
    public async Task NonSimulatedDevice_HasOnlyFedData()
    {
        var (source, devices, telemetry) = Create();
        await devices.CreateOrReplaceAsync("fed", Fields($$"""{"template":"{{DeviceTemplates.PhoneId}}"}"""), default);
        Assert.Empty(Assert.Single(source.DevicesOfTemplate(DeviceTemplates.PhoneId, Now.AddHours(-1), Now)).Telemetry);

        telemetry.Feed("fed", new DeviceLevel(null, "sensors"), Now.AddMinutes(-5), DeviceFeed.Object("""{"battery":42}"""));
        telemetry.Feed("fed", new DeviceLevel(null, "sensors"), Now.AddHours(-3), DeviceFeed.Object("""{"battery":41}"""));

        var sample = Assert.Single(Assert.Single(source.DevicesOfTemplate(DeviceTemplates.PhoneId, Now.AddHours(-1), Now)).Telemetry);
        Assert.Equal(("sensors.battery", 42), (sample.Path, sample.Value!.GetValue<int>()));
    }

    private static (DeviceDataQuerySource Source, DeviceService Devices, DeviceTelemetryService Telemetry) Create()
    {
        var settings = EmulatorSettings.From(new EmulatorOptions { Clock = new FakeClock(Now) });
        var state = new StateStore(settings);
        var devices = new DeviceService(state, new ExportPublisher(state, settings));
        var templates = new DeviceTemplateService(state);
        templates.CreateOrReplace(DeviceTemplates.PhoneId, DeviceTemplates.Phone(), default);
        var models = new DeviceModels(devices, templates);
        var data = new DeviceDataStore();
        var properties = new DevicePropertiesService(models, data, settings);
        return (new DeviceDataQuerySource(state, templates, properties, data, settings), devices, new DeviceTelemetryService(models, data, settings));
    }

    private static JsonFields Fields(string json) => new(DeviceFeed.Object(json));
}
