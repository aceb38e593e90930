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

    /// <summary>
    /// Serve the application over https (the <c>http://</c> URLs of <see cref="Urls"/> become <c>https://</c>) with the
    /// emulator's self-signed certificate (<see cref="EmulatorServer.TlsCertificate"/>). Azure.Identity-based clients
    /// need it: Azure.Core sends bearer tokens only over https.
    /// </summary>
    public bool Https { get; set; }

    /// <summary>Where the token service (the Microsoft Entra stand-in) listens; always https. Port 0 picks a free port.</summary>
    public string AuthorityUrls { get; set; } = "https://127.0.0.1:0";

    /// <summary>Where the managed-identity endpoint listens; http, like App Service's IDENTITY_ENDPOINT. Port 0 picks a free port.</summary>
    public string ManagedIdentityUrls { get; set; } = "http://127.0.0.1:0";

    /// <summary>Where the management endpoint (the Azure Resource Manager stand-in) listens; always https. Port 0 picks a free port.</summary>
    public string ManagementUrls { get; set; } = "https://127.0.0.1:0";

    /// <summary>
    /// How many polls a long-running management operation (create, update, delete of an application) answers
    /// <c>InProgress</c> (with Retry-After: 1) before <c>Succeeded</c>; 0 finishes them at once.
    /// </summary>
    public int ManagementOperationPolls { get; set; } = 1;

    /// <summary>The lifetime of the access tokens the token service and the managed-identity endpoint issue (1 minute to 1 day).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A JSON file of identities to register at start; default <c>identities.json</c> in <see cref="DataDir"/> if it exists.</summary>
    public string? IdentitiesFile { get; set; }

    /// <summary>
    /// API requests per second the application accepts from all callers together, as the service limits each application;
    /// more are refused with 429 and a Retry-After header. 0 (the default) sets no limit.
    /// </summary>
    public double RateLimit { get; set; }

    /// <summary>
    /// Faults to inject into API requests, e.g. <c>seed=42,429=0.05,500=0.02,503=0.02,reset=0.02,truncate=0.02,delay=0.05:200ms</c>
    /// (see docs/emulator.md); null or empty injects none.
    /// </summary>
    public string? Faults { get; set; }
}
