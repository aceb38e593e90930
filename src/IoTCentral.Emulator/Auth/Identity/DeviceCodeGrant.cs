namespace IoTCentral.Emulator.Auth.Identity;

/// <summary>
/// A device-code sign-in in progress: pending until a user approves it, redeemable once. <see cref="Tenant"/> is the
/// tenant segment of the authority the client used (a tenant id, or <c>organizations</c>/<c>common</c>).
/// </summary>
internal sealed record DeviceCodeGrant(
    string DeviceCode, string UserCode, string ClientId, string Tenant, RequestedScope Scope, DateTimeOffset ExpiresOn, UserRegistration? ApprovedBy = null);
