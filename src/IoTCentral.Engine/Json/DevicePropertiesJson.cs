using System;
using System.Collections.Generic;
using System.Text.Json;
using IoTCentral.Models;

namespace IoTCentral.Engine.Json;

/// <summary>
/// Reads a property body (the answer to a read, and the 202 answer to a write): values by name plus a "$metadata"
/// map with desiredValue, desiredVersion, ackVersion, ackCode, ackDescription and lastUpdateTime per property. At
/// the device or module level, components are nested objects with their own "$metadata".
/// </summary>
internal static class DevicePropertiesJson
{
    private const string MetadataName = "$metadata";

    // The component marker IoT Plug and Play puts in twin documents; the service may pass it through.
    private const string ComponentMarker = "__t";

    public static DeviceProperties Read(string deviceId, string? module, string? component, JsonElement element)
    {
        var result = new DeviceProperties { DeviceId = deviceId, Module = module, Component = component };
        foreach (var member in element.EnumerateObject())
        {
            if (member.Name == MetadataName || member.Name == ComponentMarker)
            {
                continue;
            }

            result.Values[member.Name] = component is null && IsComponent(member.Value)
                ? Read(deviceId, module, member.Name, member.Value)
                : JsonTreeReader.ToClr(member.Value);
        }

        result.States = ReadStates(result, element.GetObject(MetadataName));
        return result;
    }

    private static bool IsComponent(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object
        && (value.TryGetProperty(MetadataName, out _) || value.GetString(ComponentMarker) == "c");

    // One state per property: those "$metadata" describes, then any value it leaves out.
    private static DevicePropertyState[] ReadStates(DeviceProperties level, JsonElement? metadata)
    {
        var states = new List<DevicePropertyState>();
        var described = new HashSet<string>(StringComparer.Ordinal);
        if (metadata is { } map)
        {
            foreach (var entry in map.EnumerateObject())
            {
                if (level.Values[entry.Name] is DeviceProperties)
                {
                    continue;
                }

                described.Add(entry.Name);
                var state = NewState(level, entry.Name);
                state.DesiredValue = entry.Value.GetTree("desiredValue");
                state.DesiredVersion = entry.Value.GetInt64("desiredVersion");
                state.AckVersion = entry.Value.GetInt64("ackVersion");
                state.AckCode = entry.Value.GetInt32("ackCode");
                state.AckDescription = entry.Value.GetString("ackDescription");
                state.LastUpdateTime = entry.Value.GetDate("lastUpdateTime");
                states.Add(state);
            }
        }

        foreach (var name in level.Values.Keys)
        {
            var key = (string)name;
            if (!described.Contains(key) && level.Values[key] is not DeviceProperties)
            {
                states.Add(NewState(level, key));
            }
        }

        return states.ToArray();
    }

    private static DevicePropertyState NewState(DeviceProperties level, string name) => new()
    {
        DeviceId = level.DeviceId,
        Module = level.Module,
        Component = level.Component,
        Name = name,
        Value = level.Values[name],
    };
}
