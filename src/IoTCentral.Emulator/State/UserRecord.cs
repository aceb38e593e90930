namespace IoTCentral.Emulator.State;

/// <summary>
/// A user of the application (the spec's <c>User</c>): <see cref="Email"/> for <c>email</c> users,
/// <see cref="TenantId"/> and <see cref="ObjectId"/> (lower-case GUIDs) for <c>servicePrincipal</c> and <c>adGroup</c> users.
/// </summary>
internal sealed record UserRecord(string Id, string Type, IReadOnlyList<RoleAssignmentRecord> Roles, string? Email, string? TenantId, string? ObjectId);
