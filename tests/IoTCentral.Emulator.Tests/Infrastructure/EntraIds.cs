namespace IoTCentral.Emulator.Tests.Infrastructure;

/// <summary>Fresh Microsoft Entra ids for a test, so tests sharing an emulator never collide.</summary>
public sealed record EntraIds(string TenantId, string ClientId, string ObjectId)
{
    public const string IoTCentralScope = "https://apps.azureiotcentral.com/.default";

    public static EntraIds New() => new(Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), Guid.NewGuid().ToString());

    /// <summary>A user id that satisfies the spec's pattern (letters, digits, '-', '_'; at most 48).</summary>
    public static string NewUserId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(48, prefix.Length + 33)];
}
