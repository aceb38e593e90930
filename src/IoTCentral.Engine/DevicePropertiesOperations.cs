using System;
using System.Collections;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using IoTCentral.Engine.Internal;
using IoTCentral.Engine.Json;
using IoTCentral.Models;

namespace IoTCentral.Engine;

/// <summary>
/// Device, cloud and writable properties at the device, component, module or module-component level. Writes
/// answer 202: the device applies a writable property later, and "$metadata" tells how far it got.
/// </summary>
public sealed class DevicePropertiesOperations
{
    private readonly RestClient _rest;

    internal DevicePropertiesOperations(RestClient rest) => _rest = rest;

    public Task<DeviceProperties> GetAsync(string deviceId, string? module, string? component, CancellationToken ct) =>
        Send(RequestMethod.Get, deviceId, module, component, null, ct);

    /// <summary>PATCH: a JSON merge patch of <paramref name="values"/>; properties not named keep their values.</summary>
    public Task<DeviceProperties> UpdateAsync(string deviceId, string? module, string? component, IDictionary values, CancellationToken ct) =>
        Send(RequestMethod.Patch, deviceId, module, component, Require(values), ct);

    /// <summary>PUT: replaces the level's writable properties with <paramref name="values"/>.</summary>
    public Task<DeviceProperties> ReplaceAsync(string deviceId, string? module, string? component, IDictionary values, CancellationToken ct) =>
        Send(RequestMethod.Put, deviceId, module, component, Require(values), ct);

    private Task<DeviceProperties> Send(RequestMethod method, string deviceId, string? module, string? component, IDictionary? values, CancellationToken ct) =>
        _rest.SendJsonAsync(
            method,
            DevicePaths.Level(deviceId, module, component) + "/properties",
            values is null ? null : JsonTreeWriter.ToUtf8(values),
            method == RequestMethod.Patch ? RestClient.MergePatchContentType : RestClient.JsonContentType,
            root => DevicePropertiesJson.Read(deviceId, module, component, root),
            ct);

    private static IDictionary Require(IDictionary values) =>
        values is null || values.Count == 0 ? throw new ArgumentException("There are no property values to send.", nameof(values)) : values;
}
