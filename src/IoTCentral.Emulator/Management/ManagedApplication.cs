using System.Text.Json.Nodes;
using IoTCentral.Emulator.State;

namespace IoTCentral.Emulator.Management;

/// <summary>An IoT Central application resource (the spec's <c>App</c>) and the data-plane application behind it.</summary>
internal sealed record ManagedApplication(
    string SubscriptionId,
    string ResourceGroup,
    string Name,
    string Location,
    string Sku,
    string DisplayName,
    string Subdomain,
    string Template,
    IReadOnlyDictionary<string, string> Tags,
    ManagedIdentity? Identity,
    ApplicationRecord Data,
    Uri ApplicationUrl)
{
    public string Id => $"/subscriptions/{SubscriptionId}/resourceGroups/{ResourceGroup}/providers/{ArmCatalog.ResourceType}/{Name}";

    /// <summary>
    /// The resource as Azure Resource Manager returns it. <c>properties.applicationUrl</c> is the emulator's only
    /// addition: the service's applications live at <c>https://{subdomain}.azureiotcentral.com</c>, the emulator's on
    /// a loopback port of their own, which a client cannot work out from the subdomain.
    /// </summary>
    public JsonObject ToJson()
    {
        var body = new JsonObject
        {
            ["id"] = Id,
            ["name"] = Name,
            ["type"] = ArmCatalog.ResourceType,
            ["location"] = Location,
            ["tags"] = new JsonObject(Tags.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)JsonValue.Create(t.Value)))),
            ["sku"] = new JsonObject { ["name"] = Sku },
            ["properties"] = new JsonObject
            {
                ["applicationId"] = Data.Id,
                ["displayName"] = DisplayName,
                ["subdomain"] = Subdomain,
                ["template"] = Template,
                ["state"] = "created",
                ["applicationUrl"] = ApplicationUrl.GetLeftPart(UriPartial.Authority),
            },
        };
        body["identity"] = Identity is null
            ? new JsonObject { ["type"] = "None" }
            : new JsonObject { ["type"] = "SystemAssigned", ["principalId"] = Identity.PrincipalId, ["tenantId"] = Identity.TenantId };
        return body;
    }
}

/// <summary>The system-assigned managed identity of an application.</summary>
internal sealed record ManagedIdentity(string PrincipalId, string TenantId);
