using System;
using System.Collections.Generic;
using System.Text.Json;
using IoTCentral.Models;

namespace IoTCentral.Engine.Json;

/// <summary>Reads the control plane's App and AppTemplate bodies.</summary>
internal static class ApplicationJson
{
    public static IoTCentralApplication Read(JsonElement root)
    {
        var properties = root.GetObject("properties");
        var identity = root.GetObject("identity");
        var id = root.GetString("id");
        var subdomain = properties?.GetString("subdomain");
        var app = new IoTCentralApplication
        {
            Id = id,
            Name = root.GetString("name"),
            SubscriptionId = IdPart(id, "subscriptions"),
            ResourceGroup = IdPart(id, "resourceGroups"),
            Location = root.GetString("location"),
            Sku = root.GetObject("sku")?.GetString("name"),
            DisplayName = properties?.GetString("displayName"),
            Subdomain = subdomain,
            ApplicationId = properties?.GetString("applicationId"),
            Template = properties?.GetString("template"),
            State = properties?.GetString("state"),
            ApplicationUrl = ApplicationUrlOf(properties?.GetString("applicationUrl"), subdomain),
            IdentityType = identity?.GetString("type"),
            IdentityPrincipalId = identity?.GetString("principalId"),
            IdentityTenantId = identity?.GetString("tenantId"),
        };
        if (root.GetObject("tags") is { } tags)
        {
            foreach (var tag in tags.EnumerateObject())
            {
                app.Tags[tag.Name] = tag.Value.ValueKind == JsonValueKind.String ? tag.Value.GetString()! : tag.Value.GetRawText();
            }
        }

        return app;
    }

    public static IoTCentralApplicationTemplate ReadTemplate(JsonElement root)
    {
        var template = new IoTCentralApplicationTemplate
        {
            Id = root.GetString("manifestId"),
            Version = root.GetString("manifestVersion"),
            Name = root.GetString("name"),
            Title = root.GetString("title"),
            Industry = root.GetString("industry"),
            Description = root.GetString("description"),
            Order = root.TryGetProperty("order", out var order) && order.ValueKind == JsonValueKind.Number ? order.GetDouble() : null,
        };
        if (root.GetArray("locations") is { } locations)
        {
            foreach (var location in locations.EnumerateArray())
            {
                if (location.GetString("id") is { } locationId)
                {
                    template.Locations.Add(locationId);
                }
            }
        }

        return template;
    }

    /// <summary>
    /// The service's applications live at https://{subdomain}.azureiotcentral.com; the emulator, whose applications
    /// each listen on a loopback port, names the URL in properties.applicationUrl.
    /// </summary>
    private static Uri? ApplicationUrlOf(string? given, string? subdomain)
    {
        if (given is not null && Uri.TryCreate(given, UriKind.Absolute, out var url))
        {
            return url;
        }

        return string.IsNullOrEmpty(subdomain) ? null : new Uri("https://" + subdomain + ".azureiotcentral.com");
    }

    private static string? IdPart(string? id, string name)
    {
        var parts = (id ?? string.Empty).Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (string.Equals(parts[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return parts[i + 1];
            }
        }

        return null;
    }
}
