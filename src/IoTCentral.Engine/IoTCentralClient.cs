using System;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Core.Pipeline;
using IoTCentral.Engine.Internal;
using IoTCentral.Engine.Json;
using IoTCentral.Engine.Pipeline;

namespace IoTCentral.Engine;

/// <summary>A connection to one IoT Central application. Thread-safe; create one per application and credential.</summary>
public sealed class IoTCentralClient : IDisposable
{
    private readonly RestClient _rest;
    private readonly IDisposable? _secret;
    private readonly TokenCredential? _credential;

    private IoTCentralClient(IoTCentralClientOptions options, HttpPipelinePolicy authentication, IDisposable? secret, TokenCredential? credential = null)
    {
        _rest = new RestClient(PipelineFactory.Build(options, authentication), options);
        _secret = secret;
        _credential = credential;
        Roles = new RolesOperations(_rest);
        ApiTokens = new ApiTokensOperations(_rest);
        Devices = new DevicesOperations(_rest);
        DeviceTemplates = new DeviceTemplatesOperations(_rest);
        DeviceData = new DeviceDataOperations(_rest);
        DeviceProperties = new DevicePropertiesOperations(_rest);
        DeviceCommands = new DeviceCommandsOperations(_rest);
        Query = new QueryOperations(_rest);
        Users = new UsersOperations(_rest);
        Organizations = new OrganizationsOperations(_rest);
        DeviceGroups = new DeviceGroupsOperations(_rest);
        Jobs = new JobsOperations(_rest);
        ScheduledJobs = new ScheduledJobsOperations(_rest);
        EnrollmentGroups = new EnrollmentGroupsOperations(_rest);
        FileUploads = new FileUploadsOperations(_rest);
        DataExport = new DataExportOperations(_rest);
        Dashboards = new DashboardsOperations(_rest);
        DeploymentManifests = new DeploymentManifestsOperations(_rest);
        EmulatorFeed = new EmulatorFeedOperations(_rest, Devices, new Lazy<HttpPipeline>(() => PipelineFactory.Build(options, DeviceSignaturePolicy.Instance)));
    }

    public Uri ApplicationUrl => _rest.ApplicationUrl;

    public RolesOperations Roles { get; }

    public ApiTokensOperations ApiTokens { get; }

    public DevicesOperations Devices { get; }

    public DeviceTemplatesOperations DeviceTemplates { get; }

    /// <summary>Components, modules and last telemetry values of devices.</summary>
    public DeviceDataOperations DeviceData { get; }

    public DevicePropertiesOperations DeviceProperties { get; }

    public DeviceCommandsOperations DeviceCommands { get; }

    /// <summary>The query language (preview api-version).</summary>
    public QueryOperations Query { get; }

    /// <summary>Users: email users, service principals and Microsoft Entra groups, with their roles.</summary>
    public UsersOperations Users { get; }

    public OrganizationsOperations Organizations { get; }

    public DeviceGroupsOperations DeviceGroups { get; }

    public JobsOperations Jobs { get; }

    public ScheduledJobsOperations ScheduledJobs { get; }

    public EnrollmentGroupsOperations EnrollmentGroups { get; }

    /// <summary>The file upload storage configuration.</summary>
    public FileUploadsOperations FileUploads { get; }

    public DataExportOperations DataExport { get; }

    /// <summary>Dashboards (preview api-version).</summary>
    public DashboardsOperations Dashboards { get; }

    /// <summary>IoT Edge deployment manifests and applying one to a device (preview api-version).</summary>
    public DeploymentManifestsOperations DeploymentManifests { get; }

    /// <summary>The IoT Central emulator's device feed: data sent as a device, signed with its own key (emulator only).</summary>
    public EmulatorFeedOperations EmulatorFeed { get; }

    /// <summary>Authenticates with an IoT Central API token, sent verbatim as the Authorization header.</summary>
    public static IoTCentralClient CreateWithApiToken(IoTCentralClientOptions options, SecureString apiToken)
    {
        var validated = Validate(options);
        RequireSecret(apiToken, nameof(apiToken));
        var policy = new ApiTokenAuthenticationPolicy(apiToken);
        return new IoTCentralClient(validated, policy, policy);
    }

    /// <summary>Authenticates with a bearer token obtained elsewhere; it is never refreshed.</summary>
    public static IoTCentralClient CreateWithAccessToken(IoTCentralClientOptions options, SecureString accessToken)
    {
        var validated = Validate(options);
        RequireSecret(accessToken, nameof(accessToken));
        RequireHttps(validated);
        var credential = new StaticAccessTokenCredential(accessToken, TryReadExpiry(accessToken));
        return new IoTCentralClient(validated, new EntraTokenPolicy(credential), credential, credential);
    }

    /// <summary>
    /// Authenticates with an Azure.Core TokenCredential (from any copy of Azure.Identity) for the scope
    /// https://apps.azureiotcentral.com/.default, refreshed as it nears expiry.
    /// </summary>
    public static IoTCentralClient CreateWithTokenCredential(IoTCentralClientOptions options, object tokenCredential)
    {
        var validated = Validate(options);
        var credential = TokenCredentials.From(tokenCredential);
        RequireHttps(validated);
        return new IoTCentralClient(validated, new EntraTokenPolicy(credential), null, credential);
    }

    /// <summary>
    /// Authenticates as a Microsoft Entra identity (managed identity, service principal, user) through the engine's
    /// own Azure.Identity. Tokens are cached and refreshed before they expire, so long runbooks keep working.
    /// </summary>
    public static IoTCentralClient CreateWithEntra(IoTCentralClientOptions options, EntraSignIn signIn)
    {
        var validated = Validate(options);
        RequireHttps(validated);
        var credential = EntraCredentialFactory.Create(signIn ?? throw new ArgumentNullException(nameof(signIn)), TransportFactory.For(validated));
        return new IoTCentralClient(validated, new EntraTokenPolicy(credential), null, credential);
    }

    /// <summary>With a credential another engine client already holds (a management sign-in used for the application too).</summary>
    internal static IoTCentralClient CreateWithCredential(IoTCentralClientOptions validated, TokenCredential credential)
    {
        RequireHttps(validated);
        return new IoTCentralClient(validated, new BearerTokenAuthenticationPolicy(credential, PipelineFactory.Scope), null, credential);
    }

    /// <summary>
    /// Gets the first token now, so that a sign-in fails (or a device code is shown) at Connect-IoTCentral rather
    /// than at the first command, and reports who signed in.
    /// </summary>
    public async Task<SignedInIdentity> SignInAsync(CancellationToken cancellationToken)
    {
        if (_credential is null)
        {
            throw new InvalidOperationException("This client authenticates with an API token; there is no Microsoft Entra sign-in.");
        }

        AccessToken token;
        try
        {
            token = await _credential.GetTokenAsync(EntraTokenPolicy.TokenRequest(null), cancellationToken).ConfigureAwait(false);
        }
        catch (Azure.Identity.AuthenticationFailedException e)
        {
            throw SignInFailures.From(e);
        }

        using var secure = SecureStrings.ToReadOnly(token.Token);
        try
        {
            var claims = AccessTokenInfo.Parse(secure);
            return new SignedInIdentity(claims.Identity, claims.TenantId, token.ExpiresOn);
        }
        catch (FormatException)
        {
            // An opaque token still works; it just cannot say who it belongs to.
            return new SignedInIdentity(null, null, token.ExpiresOn);
        }
    }

    /// <summary>
    /// One cheap request (the first page of roles, which every role may read) that shows the application answers and
    /// accepts the credential. A 403 passes: the credential is valid, its role just cannot read roles.
    /// </summary>
    public async Task VerifyAccessAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Roles.ListAsync(null, cancellationToken).ConfigureAwait(false);
        }
        catch (Models.IoTCentralException e) when (e.Status == 403)
        {
            // Known to the application and signed in: all a connection check needs to learn.
        }
    }

    /// <summary>
    /// Sends any request. <paramref name="path"/> is relative to /api or an absolute URL of this application;
    /// <paramref name="body"/> is null, JSON text, or a tree of dictionaries, lists and scalars. PATCH bodies go as
    /// application/merge-patch+json, which every IoT Central PATCH accepts. Without <paramref name="apiVersion"/>, a path
    /// that exists only in the preview spec goes with the preview api-version, any other with the client's.
    /// </summary>
    public async Task<RawResponse> SendAsync(string method, string path, object? body, string? apiVersion, bool? allowRetry, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(method))
        {
            throw new ArgumentException("An HTTP method is required.", nameof(method));
        }

        var requestMethod = RequestMethod.Parse(method.Trim().ToUpperInvariant());
        var contentType = requestMethod == RequestMethod.Patch ? RestClient.MergePatchContentType : RestClient.JsonContentType;
        // A path only the preview spec has would be "not found" under the GA default; the caller's own choice still wins.
        var version = apiVersion ?? PreviewOnlyPaths.ApiVersionFor(path);
        var result = await _rest.SendAsync(requestMethod, path, RequestBody.ToUtf8(body), contentType, version, allowRetry, cancellationToken).ConfigureAwait(false);
        return new RawResponse(result.Status, ParseBody(result), result.RequestId);
    }

    public void Dispose() => _secret?.Dispose();

    private static object? ParseBody(RestResult result)
    {
        try
        {
            return JsonTreeReader.Parse(result.Content);
        }
        catch (System.Text.Json.JsonException)
        {
            // A success with a non-JSON body (rare; a proxy page) is still worth showing as text.
            return System.Text.Encoding.UTF8.GetString(result.Content.ToArray());
        }
    }

    private static IoTCentralClientOptions Validate(IoTCentralClientOptions options) =>
        (options ?? throw new ArgumentNullException(nameof(options))).Validated();

    private static void RequireSecret(SecureString secret, string name)
    {
        if (secret is null || secret.Length == 0)
        {
            throw new ArgumentException("The credential is empty.", name);
        }
    }

    private static void RequireHttps(IoTCentralClientOptions options)
    {
        if (options.ApplicationUrl!.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException(
                $"Bearer tokens are sent only over https; {options.ApplicationUrl.GetLeftPart(UriPartial.Authority)} uses {options.ApplicationUrl.Scheme}. Use an https application URL, or an API token for a local emulator.",
                nameof(options));
        }
    }

    private static DateTimeOffset? TryReadExpiry(SecureString accessToken)
    {
        try
        {
            return AccessTokenInfo.Parse(accessToken).ExpiresOn;
        }
        catch (FormatException)
        {
            // Opaque tokens are allowed; the service decides whether they are valid.
            return null;
        }
    }
}
