namespace IoTCentral.Emulator.Auth;

/// <summary>
/// Who made a change, as an audit log export message's <c>actor</c>: an API token by its id (the documented
/// <c>apiToken</c>), a person by its user principal name, a service principal by its object id. IoT Central's
/// article shows only the API token's type; <c>user</c> and <c>servicePrincipal</c> are the emulator's names.
/// </summary>
internal sealed record AuditActor(string Id, string Type)
{
    public const string ApiToken = "apiToken";
    public const string User = "user";
    public const string ServicePrincipal = "servicePrincipal";
}
