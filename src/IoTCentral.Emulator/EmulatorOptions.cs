namespace IoTCentral.Emulator;

/// <summary>Settings for an in-process <see cref="EmulatorServer"/>.</summary>
public sealed class EmulatorOptions
{
    /// <summary>The URL(s) to listen on, separated by ';'. Port 0 picks a free port.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:0";

    /// <summary>The number of items per page of every list response.</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>A directory to persist the emulator's state in; null keeps the state in memory only.</summary>
    public string? DataDir { get; set; }

    /// <summary>The clock used for token expiry and timestamps; tests may pass a fake one.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;
}
