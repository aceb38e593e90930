namespace IoTCentral.Emulator.Auth.Identity;

/// <summary>A signed access token and when it expires (by the emulator's clock).</summary>
internal sealed record IssuedToken(string Value, DateTimeOffset IssuedAt, DateTimeOffset ExpiresOn);
