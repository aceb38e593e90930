using IoTCentral.Emulator.Features.Devices;
using IoTCentral.Emulator.Features.DeviceTemplates;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;

namespace IoTCentral.Emulator.Features.DeviceData;

/// <summary>
/// Finds a device and the compiled model of its template. Devices may be created with a template that does not
/// exist (yet), but their data needs the template to know the capabilities: 400 until it is published.
/// </summary>
internal sealed class DeviceModels(DeviceService devices, DeviceTemplateService templates)
{
    public (DeviceRecord Device, DeviceModel Model) Resolve(string deviceId)
    {
        var device = devices.Get(deviceId);
        if (device.Template is not { } templateId)
        {
            throw ApiException.BadRequest(
                $"The device '{deviceId}' has no device template, so it has no components, properties, telemetry or commands; " +
                "assign one with PATCH /devices/{deviceId} {\"template\": \"<template id>\"}.", ErrorCodes.DeviceNotAssigned);
        }

        var model = templates.FindModel(templateId) ?? throw ApiException.BadRequest(
            $"The device '{deviceId}' uses the device template '{templateId}', which does not exist; publish it first " +
            $"(PUT /deviceTemplates/{Uri.EscapeDataString(templateId)}).", ErrorCodes.DeviceTemplateNotFound);
        return (device, model);
    }
}
