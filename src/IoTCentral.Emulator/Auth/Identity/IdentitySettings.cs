namespace IoTCentral.Emulator.Auth.Identity;

/// <summary>The validated settings of the emulator's Microsoft Entra stand-in (from <see cref="EmulatorOptions"/>).</summary>
internal sealed record IdentitySettings(TimeSpan AccessTokenLifetime, TimeProvider Clock, string? DataDir, string? IdentitiesFile)
{
    public static IdentitySettings From(EmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.AccessTokenLifetime < TimeSpan.FromMinutes(1) || options.AccessTokenLifetime > TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.AccessTokenLifetime, "AccessTokenLifetime must be from 1 minute to 1 day.");
        }

        var dataDir = string.IsNullOrWhiteSpace(options.DataDir) ? null : Path.GetFullPath(options.DataDir);
        var identitiesFile = options.IdentitiesFile is { Length: > 0 } file
            ? Path.GetFullPath(file)
            : dataDir is null ? null : Path.Combine(dataDir, IdentitiesFileReader.DefaultFileName);
        return new IdentitySettings(options.AccessTokenLifetime, options.Clock ?? TimeProvider.System, dataDir, identitiesFile);
    }
}
