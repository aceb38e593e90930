namespace IoTCentral.Emulator;

/// <summary>The validated, immutable settings a running emulator uses (from <see cref="EmulatorOptions"/>).</summary>
/// <remarks>The clock is kept here, not registered as a <see cref="TimeProvider"/> service, so that a test's fake
/// clock drives token expiry and error timestamps but never Kestrel's own timers.</remarks>
internal sealed record EmulatorSettings(int PageSize, string? DataDir, TimeProvider Clock)
{
    public static EmulatorSettings From(EmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.PageSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.PageSize, "PageSize must be at least 1.");
        }

        if (string.IsNullOrWhiteSpace(options.Urls))
        {
            throw new ArgumentException("Urls must not be empty.", nameof(options));
        }

        ArgumentNullException.ThrowIfNull(options.Clock, nameof(options.Clock));
        return new EmulatorSettings(
            options.PageSize, string.IsNullOrWhiteSpace(options.DataDir) ? null : Path.GetFullPath(options.DataDir), options.Clock);
    }
}
