using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Core.Pipeline;
using IoTCentral.Engine.Internal;
using IoTCentral.Engine.Json;
using IoTCentral.Engine.Pipeline;
using IoTCentral.Models;

namespace IoTCentral.Engine;

/// <summary>
/// A Microsoft Entra connection to Azure Resource Manager for the IoT Central resource provider (api-version
/// 2021-06-01): applications, name and subdomain availability, templates, and the long-running operations of
/// create, update and delete. Thread-safe.
/// </summary>
public sealed class ManagementClient : IDisposable
{
    public const string Scope = "https://management.azure.com/.default";
    public const string ApiVersion = "2021-06-01";
    private const string Provider = "providers/Microsoft.IoTCentral";

    private readonly RestClient _rest;
    private readonly TokenCredential _credential;
    private readonly IoTCentralClientOptions _options;
    private readonly IDisposable? _secret;

    private ManagementClient(IoTCentralClientOptions options, TokenCredential credential, IDisposable? secret)
    {
        _options = options;
        _credential = credential;
        _secret = secret;
        _rest = new RestClient(PipelineFactory.Build(options, new BearerTokenAuthenticationPolicy(credential, Scope)), options);
    }

    public Uri ManagementUrl => _options.ApplicationUrl;

    /// <summary>Signs in as a Microsoft Entra identity through the engine's own Azure.Identity, for the Azure Resource Manager scope.</summary>
    public static ManagementClient CreateWithEntra(IoTCentralClientOptions options, EntraSignIn signIn)
    {
        var validated = Validate(options);
        var credential = EntraCredentialFactory.Create(signIn ?? throw new ArgumentNullException(nameof(signIn)), TransportFactory.For(validated));
        return new ManagementClient(validated, credential, null);
    }

    /// <summary>With an Azure.Core TokenCredential from any copy of Azure.Identity (Az.Accounts' included).</summary>
    public static ManagementClient CreateWithTokenCredential(IoTCentralClientOptions options, object tokenCredential) =>
        new(Validate(options), TokenCredentials.From(tokenCredential), null);

    /// <summary>With an Azure Resource Manager access token obtained elsewhere; it is never refreshed.</summary>
    public static ManagementClient CreateWithAccessToken(IoTCentralClientOptions options, System.Security.SecureString accessToken)
    {
        if (accessToken is null || accessToken.Length == 0)
        {
            throw new ArgumentException("The credential is empty.", nameof(accessToken));
        }

        var validated = Validate(options);
        DateTimeOffset? expiry;
        try
        {
            expiry = AccessTokenInfo.Parse(accessToken).ExpiresOn;
        }
        catch (FormatException)
        {
            expiry = null;
        }

        var credential = new StaticAccessTokenCredential(accessToken, expiry);
        return new ManagementClient(validated, credential, credential);
    }

    /// <summary>Gets the first Azure Resource Manager token now, so that a bad sign-in fails at Connect-IoTCentral.</summary>
    public async Task<SignedInIdentity> SignInAsync(CancellationToken cancellationToken)
    {
        AccessToken token;
        try
        {
            token = await _credential.GetTokenAsync(new TokenRequestContext(new[] { Scope }), cancellationToken).ConfigureAwait(false);
        }
        catch (Azure.Identity.AuthenticationFailedException e)
        {
            throw SignInFailures.From(e);
        }

        using var secure = Internal.SecureStrings.ToReadOnly(token.Token);
        try
        {
            var claims = AccessTokenInfo.Parse(secure);
            return new SignedInIdentity(claims.Identity, claims.TenantId, token.ExpiresOn);
        }
        catch (FormatException)
        {
            return new SignedInIdentity(null, null, token.ExpiresOn);
        }
    }

    /// <summary>
    /// A client for the application at <paramref name="options"/>' URL that signs in as the same identity (the same
    /// credential asked for IoT Central's scope), so that creating an application and using it need one sign-in.
    /// </summary>
    public IoTCentralClient CreateApplicationClient(IoTCentralClientOptions options)
    {
        var validated = (options ?? throw new ArgumentNullException(nameof(options))).Validated();
        if (validated.TrustedCertificate is null)
        {
            validated.TrustedCertificate = _options.TrustedCertificate;
        }

        return IoTCentralClient.CreateWithCredential(validated, _credential);
    }

    public async Task<IoTCentralApplication> GetAsync(string subscriptionId, string resourceGroup, string name, CancellationToken cancellationToken)
    {
        var result = await SendAsync(RequestMethod.Get, AppPath(subscriptionId, resourceGroup, name), null, cancellationToken).ConfigureAwait(false);
        return RestClient.ReadJson(result, RequestMethod.Get, name, ApplicationJson.Read);
    }

    /// <summary>One page of the applications of a subscription, or of one resource group of it.</summary>
    public Task<Page<IoTCentralApplication>> ListAsync(string subscriptionId, string? resourceGroup, string? nextLink, CancellationToken cancellationToken)
    {
        var path = nextLink ?? Url(resourceGroup is null
            ? $"subscriptions/{Segment(subscriptionId)}/{Provider}/iotApps"
            : $"subscriptions/{Segment(subscriptionId)}/resourceGroups/{Segment(resourceGroup)}/{Provider}/iotApps");
        return _rest.ListAsync(path, null, ApplicationJson.Read, cancellationToken);
    }

    /// <summary>Starts a create or full update (PUT); the answer says where to follow the operation.</summary>
    public async Task<ApplicationOperationStart> BeginCreateOrUpdateAsync(
        string subscriptionId, string resourceGroup, string name, IDictionary<string, object?> body, CancellationToken cancellationToken)
    {
        var result = await SendAsync(RequestMethod.Put, AppPath(subscriptionId, resourceGroup, name), body, cancellationToken).ConfigureAwait(false);
        return Start(result, result.Status == 201 ? "Create" : "Update", subscriptionId, resourceGroup, name);
    }

    /// <summary>Starts a partial update (PATCH with an AppPatch body).</summary>
    public async Task<ApplicationOperationStart> BeginUpdateAsync(
        string subscriptionId, string resourceGroup, string name, IDictionary<string, object?> patch, CancellationToken cancellationToken)
    {
        var result = await SendAsync(RequestMethod.Patch, AppPath(subscriptionId, resourceGroup, name), patch, cancellationToken).ConfigureAwait(false);
        return Start(result, "Update", subscriptionId, resourceGroup, name);
    }

    /// <summary>Starts a delete; a 204 answer (nothing there, or already gone) is a finished operation.</summary>
    public async Task<ApplicationOperationStart> BeginDeleteAsync(string subscriptionId, string resourceGroup, string name, CancellationToken cancellationToken)
    {
        var result = await SendAsync(RequestMethod.Delete, AppPath(subscriptionId, resourceGroup, name), null, cancellationToken).ConfigureAwait(false);
        return Start(result, "Delete", subscriptionId, resourceGroup, name);
    }

    /// <summary>
    /// Polls an operation once: the Azure-AsyncOperation URL when there is one, else the Location URL. Updates the
    /// operation's Status and RetryAfter; a failed or canceled operation throws the error it reports.
    /// </summary>
    public async Task PollAsync(IoTCentralApplicationOperation operation, CancellationToken cancellationToken)
    {
        if (operation is null)
        {
            throw new ArgumentNullException(nameof(operation));
        }

        if (operation.StatusUrl is { } statusUrl)
        {
            var result = await SendAsync(RequestMethod.Get, statusUrl.AbsoluteUri, null, cancellationToken).ConfigureAwait(false);
            operation.RetryAfter = RetryAfter(result, operation.RetryAfter);
            RestClient.ReadJson<object?>(result, RequestMethod.Get, "operation status", root =>
            {
                operation.Status = root.GetString("status") ?? "InProgress";
                if (operation.Status is "Failed" or "Canceled")
                {
                    var error = root.GetObject("error");
                    throw new IoTCentralException(500, error?.GetString("code") ?? operation.Status,
                        error?.GetString("message") ?? $"The {operation.Action} of '{operation.Name}' ended {operation.Status}.", result.RequestId)
                    {
                        Target = error?.GetString("target"),
                        Request = "GET " + statusUrl.GetLeftPart(UriPartial.Path),
                    };
                }

                return null;
            });
        }
        else if (operation.ResultUrl is { } resultUrl)
        {
            var result = await SendAsync(RequestMethod.Get, resultUrl.AbsoluteUri, null, cancellationToken).ConfigureAwait(false);
            operation.RetryAfter = RetryAfter(result, operation.RetryAfter);
            operation.Status = result.Status == 202 ? "InProgress" : "Succeeded";
        }
        else
        {
            operation.Status = "Succeeded";
        }
    }

    public async Task<IoTCentralNameAvailability> CheckAvailabilityAsync(string subscriptionId, string name, bool subdomain, CancellationToken cancellationToken)
    {
        var action = subdomain ? "checkSubdomainAvailability" : "checkNameAvailability";
        var body = new Dictionary<string, object?> { ["name"] = name, ["type"] = "IoTApps" };
        var result = await SendAsync(RequestMethod.Post, Url($"subscriptions/{Segment(subscriptionId)}/{Provider}/{action}"), body, cancellationToken).ConfigureAwait(false);
        return RestClient.ReadJson(result, RequestMethod.Post, action, root => new IoTCentralNameAvailability
        {
            Name = name,
            Kind = subdomain ? "Subdomain" : "Name",
            Available = root.GetBoolean("nameAvailable") ?? false,
            Reason = root.GetString("reason"),
            Message = root.GetString("message"),
        });
    }

    public async Task<IReadOnlyList<IoTCentralApplicationTemplate>> ListTemplatesAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        var templates = new List<IoTCentralApplicationTemplate>();
        string? next = Url($"subscriptions/{Segment(subscriptionId)}/{Provider}/appTemplates");
        while (next is not null)
        {
            var result = await SendAsync(RequestMethod.Post, next, null, cancellationToken).ConfigureAwait(false);
            var page = RestClient.ReadJson(result, RequestMethod.Post, "appTemplates", root => PageJson.Read(root, ApplicationJson.ReadTemplate));
            templates.AddRange(page.Items);
            next = page.NextLink;
        }

        return templates;
    }

    public void Dispose() => _secret?.Dispose();

    private static IoTCentralClientOptions Validate(IoTCentralClientOptions options)
    {
        var validated = (options ?? throw new ArgumentNullException(nameof(options))).Validated();
        validated.ApiVersion = ApiVersion;

        // Azure Resource Manager's own limits are per subscription and generous; it answers 429 with Retry-After.
        validated.RequestsPerSecond = 0;
        if (validated.ApplicationUrl.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"Bearer tokens are sent only over https; {validated.ApplicationUrl} is not an https URL.", nameof(options));
        }

        return validated;
    }

    private Task<RestResult> SendAsync(RequestMethod method, string url, object? body, CancellationToken cancellationToken)
    {
        // PUT and PATCH of a resource are idempotent in Azure Resource Manager; POSTs here only read.
        return _rest.SendAsync(method, url, body is null ? null : RequestBody.ToUtf8(body), RestClient.JsonContentType, ApiVersion, allowRetry: true, cancellationToken);
    }

    private string AppPath(string subscriptionId, string resourceGroup, string name) =>
        Url($"subscriptions/{Segment(subscriptionId)}/resourceGroups/{Segment(resourceGroup)}/{Provider}/iotApps/{Segment(name)}");

    private string Url(string relative) => new Uri(new Uri(_options.ApplicationUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/"), relative).AbsoluteUri;

    private static string Segment(string value) => Uri.EscapeDataString(value ?? throw new ArgumentNullException(nameof(value)));

    private ApplicationOperationStart Start(RestResult result, string action, string subscriptionId, string resourceGroup, string name)
    {
        var operation = new IoTCentralApplicationOperation
        {
            Action = action,
            Name = name,
            ResourceGroup = resourceGroup,
            SubscriptionId = subscriptionId,
            StatusUrl = OperationUrl(result, "Azure-AsyncOperation"),
            ResultUrl = OperationUrl(result, "Location"),
            RetryAfter = RetryAfter(result, TimeSpan.FromSeconds(1)),
        };
        operation.Status = operation.StatusUrl is null && operation.ResultUrl is null ? "Succeeded" : "InProgress";
        var application = result.Content.IsEmpty ? null : RestClient.ReadJson(result, RequestMethod.Put, name, ApplicationJson.Read);
        return new ApplicationOperationStart(operation, application);
    }

    /// <summary>An operation URL from a header; one on another host is refused, since following it would send the token there.</summary>
    private Uri? OperationUrl(RestResult result, string header)
    {
        if (!result.Headers.TryGetValue(header, out var value) || !Uri.TryCreate(value, UriKind.Absolute, out var url))
        {
            return null;
        }

        RequestTarget.EnsureSameOrigin(_options.ApplicationUrl, url);
        return url;
    }

    private static TimeSpan RetryAfter(RestResult result, TimeSpan fallback) =>
        result.Headers.TryGetValue("Retry-After", out var value) && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(Math.Min(seconds, 60))
            : fallback;
}

/// <summary>The first answer of a long-running operation: the operation to follow and, when the service sent one, the resource.</summary>
public sealed class ApplicationOperationStart
{
    public ApplicationOperationStart(IoTCentralApplicationOperation operation, IoTCentralApplication? application)
    {
        Operation = operation;
        Application = application;
    }

    public IoTCentralApplicationOperation Operation { get; }

    public IoTCentralApplication? Application { get; }
}
