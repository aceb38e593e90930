namespace IoTCentral.Emulator.Auth.Identity;

/// <summary>A directory user who can sign in with the device-code flow; <see cref="Groups"/> become the <c>groups</c> claim.</summary>
internal sealed record UserRegistration(string TenantId, string ObjectId, string UserPrincipalName, IReadOnlyList<string> Groups);
