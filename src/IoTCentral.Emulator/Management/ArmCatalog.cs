using System.Text.Json.Nodes;

namespace IoTCentral.Emulator.Management;

/// <summary>
/// The fixed facts of the emulated resource provider: where applications may be created, the SKUs, and the
/// application templates. The real lists change over time; these are a documented, stable subset (docs/emulator.md).
/// </summary>
internal static class ArmCatalog
{
    public const string ApiVersion = "2021-06-01";
    public const string ResourceType = "Microsoft.IoTCentral/iotApps";
    public const string DefaultTemplate = "iotc-pnp-preview";

    public static readonly IReadOnlyList<(string Id, string DisplayName)> Locations =
    [
        ("australiaeast", "Australia East"), ("canadacentral", "Canada Central"), ("centralus", "Central US"),
        ("eastus", "East US"), ("eastus2", "East US 2"), ("francecentral", "France Central"),
        ("germanywestcentral", "Germany West Central"), ("japaneast", "Japan East"), ("northeurope", "North Europe"),
        ("southcentralus", "South Central US"), ("southeastasia", "Southeast Asia"), ("uksouth", "UK South"),
        ("westeurope", "West Europe"), ("westus", "West US"),
    ];

    public static readonly IReadOnlyList<string> Skus = ["ST0", "ST1", "ST2"];

    private static readonly IReadOnlyList<(string Id, string Name, string Title, string Industry, string Description)> Templates =
    [
        (DefaultTemplate, "Custom application", "Custom", "Custom", "Start from scratch: define device templates, views and rules yourself."),
        ("iotc-condition", "In-store analytics - condition monitoring", "Condition monitoring", "Retail", "Monitor the conditions of a store with sensors."),
        ("iotc-store", "In-store analytics - checkout", "Checkout", "Retail", "Monitor and manage the checkout flow of a store."),
        ("iotc-logistics", "Connected logistics", "Logistics", "Retail", "Track shipments in real time across air, water and land."),
        ("iotc-meter", "Smart meter monitoring", "Smart meter", "Energy", "Monitor energy consumption and network status."),
        ("iotc-patient", "Continuous patient monitoring", "Patient monitoring", "Healthcare", "Monitor patients with connected medical devices."),
    ];

    public static string? CanonicalLocation(string? location)
    {
        var compact = (location ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
        return Locations.Select(l => l.Id).FirstOrDefault(id => string.Equals(id, compact, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The template id a request names ("iotc-meter" or "iotc-meter@1.0.0"), as stored; null when unknown.</summary>
    public static string? CanonicalTemplate(string template)
    {
        var at = template.IndexOf('@', StringComparison.Ordinal);
        var id = at < 0 ? template : template[..at];
        var version = at < 0 ? "1.0.0" : template[(at + 1)..];
        return Templates.Any(t => string.Equals(t.Id, id, StringComparison.OrdinalIgnoreCase)) && version == "1.0.0"
            ? id.ToLowerInvariant() + "@1.0.0"
            : null;
    }

    public static IEnumerable<string> TemplateIds => Templates.Select(t => t.Id);

    public static JsonArray TemplatesJson() => new(Templates.Select((t, i) => (JsonNode)new JsonObject
    {
        ["manifestId"] = t.Id,
        ["manifestVersion"] = "1.0.0",
        ["name"] = t.Name,
        ["title"] = t.Title,
        ["order"] = i + 1,
        ["description"] = t.Description,
        ["industry"] = t.Industry,
        ["locations"] = new JsonArray(Locations.Select(l => (JsonNode)new JsonObject { ["id"] = l.Id, ["displayName"] = l.DisplayName }).ToArray()),
    }).ToArray());

    public static JsonArray OperationsJson() => new(new[]
    {
        ("iotApps/read", "Get or list IoT Central applications"),
        ("iotApps/write", "Create or update an IoT Central application"),
        ("iotApps/delete", "Delete an IoT Central application"),
        ("checkNameAvailability/action", "Check whether an application name is available"),
        ("checkSubdomainAvailability/action", "Check whether an application subdomain is available"),
        ("appTemplates/action", "List the application templates"),
        ("operations/read", "List the operations of the resource provider"),
    }.Select(o => (JsonNode)new JsonObject
    {
        ["name"] = "Microsoft.IoTCentral/" + o.Item1,
        ["display"] = new JsonObject
        {
            ["provider"] = "Microsoft IoT Central",
            ["resource"] = "IoT Central",
            ["operation"] = o.Item2,
            ["description"] = o.Item2 + ".",
        },
        ["origin"] = "user,system",
    }).ToArray());
}
