using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using IoTCentral.Models;

namespace IoTCentral.Engine.Json;

internal static class DataExportJson
{
    // Members never copied into an ExportDestination, whatever the service answers: they hold credentials.
    private static readonly HashSet<string> SecretMembers = new(StringComparer.OrdinalIgnoreCase)
    {
        "connectionString", "clientSecret", "value",
    };

    private static readonly HashSet<string> Described = new(StringComparer.Ordinal)
    {
        "id", "displayName", "type", "url", "authorization", "headerCustomizations", "queryCustomizations", "transform", "status", "errors", "lastExportTime",
    };

    public static DataExport ReadExport(JsonElement element) => new()
    {
        Id = element.GetString("id") ?? string.Empty,
        DisplayName = element.GetString("displayName"),
        Enabled = element.GetBoolean("enabled") ?? false,
        Source = element.GetString("source") ?? string.Empty,
        Filter = element.GetString("filter"),
        Enrichments = element.GetObject("enrichments") is { } enrichments
            ? enrichments.EnumerateObject().Select(e => new DataExportEnrichment
            {
                Name = e.Name,
                Target = e.Value.GetString("target"),
                Path = e.Value.GetString("path"),
                Value = e.Value.ValueKind == JsonValueKind.Object && e.Value.TryGetProperty("value", out var v) ? JsonTreeReader.ToClr(v) : null,
            }).ToArray()
            : Array.Empty<DataExportEnrichment>(),
        Destinations = element.GetArray("destinations") is { } destinations
            ? destinations.EnumerateArray().Select(d => new DataExportDestinationReference { Id = d.GetString("id") ?? string.Empty, Transform = d.GetString("transform") }).ToArray()
            : Array.Empty<DataExportDestinationReference>(),
        Status = element.GetString("status"),
        Errors = ReadErrors(element),
        LastExportTime = element.GetDate("lastExportTime"),
    };

    public static ExportDestination ReadDestination(JsonElement element)
    {
        var settings = new Hashtable(StringComparer.Ordinal);
        foreach (var member in element.EnumerateObject().Where(m => !Described.Contains(m.Name) && !SecretMembers.Contains(m.Name)))
        {
            settings[member.Name] = JsonTreeReader.ToClr(member.Value);
        }

        var authorization = element.GetObject("authorization");
        if (authorization is { } auth)
        {
            foreach (var member in auth.EnumerateObject().Where(m => m.Name != "type" && !SecretMembers.Contains(m.Name)))
            {
                settings[member.Name] = JsonTreeReader.ToClr(member.Value);
            }
        }

        return new ExportDestination
        {
            Id = element.GetString("id") ?? string.Empty,
            DisplayName = element.GetString("displayName"),
            Type = element.GetString("type") ?? string.Empty,
            AuthorizationType = authorization?.GetString("type"),
            Url = element.GetString("url"),
            Settings = settings,
            HeaderNames = Names(element, "headerCustomizations"),
            QueryParameterNames = Names(element, "queryCustomizations"),
            Transform = element.GetString("transform"),
            Status = element.GetString("status"),
            Errors = ReadErrors(element),
            LastExportTime = element.GetDate("lastExportTime"),
        };
    }

    private static string[] Names(JsonElement element, string name) =>
        element.GetObject(name) is { } map ? map.EnumerateObject().Select(m => m.Name).ToArray() : Array.Empty<string>();

    private static DataExportError[] ReadErrors(JsonElement element) =>
        element.GetArray("errors") is { } errors
            ? errors.EnumerateArray().Select(e => new DataExportError { Code = e.GetString("code"), Message = e.GetString("message") }).ToArray()
            : Array.Empty<DataExportError>();
}
