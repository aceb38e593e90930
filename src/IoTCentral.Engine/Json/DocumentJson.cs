using System;
using System.Collections;
using System.Collections.Generic;
using System.Text.Json;
using IoTCentral.Models;

namespace IoTCentral.Engine.Json;

/// <summary>Dashboards and deployment manifests: named members for the table, the rest kept as a neutral tree.</summary>
internal static class DocumentJson
{
    public static Dashboard ReadDashboard(JsonElement element) => new()
    {
        Id = element.GetString("id") ?? string.Empty,
        DisplayName = element.GetString("displayName"),
        Tiles = element.GetArray("tiles") is { } tiles ? (object[])JsonTreeReader.ToClr(tiles)! : Array.Empty<object>(),
        Personal = element.GetBoolean("personal") ?? false,
        Favorite = element.GetBoolean("favorite") ?? false,
        Organizations = DeviceGroupJson.ReadStrings(element, "organizations"),
        ETag = element.GetString("etag"),
        Definition = JsonTreeReader.ToClr(element),
    };

    public static DeploymentManifest ReadManifest(JsonElement element) => new()
    {
        Id = element.GetString("id") ?? string.Empty,
        DisplayName = element.GetString("displayName"),
        Organizations = DeviceGroupJson.ReadStrings(element, "organizations"),
        ETag = element.GetString("etag"),
        Data = element.TryGetProperty("data", out var data) ? JsonTreeReader.ToClr(data) : null,
    };
}
