using System;
using System.Globalization;
using System.Management.Automation;
using System.Security;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using IoTCentral.Engine;
using IoTCentral.Infrastructure;
using IoTCentral.Models;

namespace IoTCentral.Commands.Session
{
    /// <summary>
    /// Signs in to one IoT Central application and makes it the runspace's default session. The application is
    /// named by -Subdomain or -ApplicationUrl in every parameter set; the sets differ only in how to sign in.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "IoTCentral", DefaultParameterSetName = DefaultChainSet)]
    [OutputType(typeof(IoTCentralSession), typeof(IoTCentralManagementSession))]
    public sealed class ConnectIoTCentralCommand : PSCmdlet, IDisposable
    {
        public const string DefaultChainSet = "DefaultChain";
        public const string ApiTokenSet = "ApiToken";
        public const string AccessTokenSet = "AccessToken";
        public const string TokenCredentialSet = "TokenCredential";
        public const string ManagedIdentitySet = "ManagedIdentity";
        public const string ServicePrincipalSecretSet = "ServicePrincipalSecret";
        public const string ServicePrincipalThumbprintSet = "ServicePrincipalCertificateThumbprint";
        public const string ServicePrincipalCertificateSet = "ServicePrincipalCertificate";
        public const string ServicePrincipalCertificateFileSet = "ServicePrincipalCertificateFile";
        public const string DeviceCodeSet = "DeviceCode";
        public const string InteractiveSet = "Interactive";
        public const string EmulatorSet = "Emulator";

        /// <summary>IoT Central's limit per application, for all callers together; the client keeps under it by default.</summary>
        public const double ServiceRequestsPerSecond = 20;
        public const int DefaultTimeoutSeconds = 30;
        public const int DefaultMaxRetries = 4;

        private static readonly TimeSpan ApiTokenWarningWindow = TimeSpan.FromDays(7);
        private static readonly TimeSpan AccessTokenWarningWindow = TimeSpan.FromMinutes(10);

        private readonly CancellationTokenSource stopping = new CancellationTokenSource();

        // By property name, so Get-AzIotCentralApp | Connect-IoTCentral -Identity signs in to each application.
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Subdomain { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string BaseDomain { get; set; } = "azureiotcentral.com";

        // By property name too, so New-IoTCentralApplication | Connect-IoTCentral reaches the application wherever it
        // listens (an emulator's applications are not at {subdomain}.azureiotcentral.com).
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public Uri? ApplicationUrl { get; set; }

        /// <summary>Sign in to Azure Resource Manager, for the application cmdlets, instead of to an application.</summary>
        [Parameter]
        public SwitchParameter Management { get; set; }

        /// <summary>Azure Resource Manager's endpoint (default https://management.azure.com/), or an emulator's management endpoint.</summary>
        [Parameter]
        [ValidateNotNull]
        public Uri? ManagementUrl { get; set; }

        /// <summary>The subscription the application cmdlets use by default (with -Management).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? SubscriptionId { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ApiTokenSet)]
        [ValidateNotNull]
        public SecureString? ApiToken { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = AccessTokenSet)]
        [ValidateNotNull]
        public SecureString? AccessToken { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = TokenCredentialSet)]
        [ValidateNotNull]
        public object? TokenCredential { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ManagedIdentitySet)]
        [Alias("ManagedIdentity")]
        public SwitchParameter Identity { get; set; }

        [Parameter(ParameterSetName = ManagedIdentitySet)]
        [Parameter(Mandatory = true, ParameterSetName = ServicePrincipalThumbprintSet)]
        [Parameter(Mandatory = true, ParameterSetName = ServicePrincipalCertificateSet)]
        [Parameter(Mandatory = true, ParameterSetName = ServicePrincipalCertificateFileSet)]
        [Parameter(ParameterSetName = DeviceCodeSet)]
        [Parameter(ParameterSetName = InteractiveSet)]
        [Alias("ApplicationId", "AppId")]
        [ValidateNotNullOrEmpty]
        public string? ClientId { get; set; }

        [Parameter(ParameterSetName = ManagedIdentitySet)]
        [ValidateNotNullOrEmpty]
        public string? ResourceId { get; set; }

        [Parameter(ParameterSetName = ManagedIdentitySet)]
        [ValidateNotNullOrEmpty]
        public string? ObjectId { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ServicePrincipalSecretSet)]
        [Parameter(Mandatory = true, ParameterSetName = ServicePrincipalThumbprintSet)]
        [Parameter(Mandatory = true, ParameterSetName = ServicePrincipalCertificateSet)]
        [Parameter(Mandatory = true, ParameterSetName = ServicePrincipalCertificateFileSet)]
        public SwitchParameter ServicePrincipal { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ServicePrincipalSecretSet)]
        [Parameter(Mandatory = true, ParameterSetName = ServicePrincipalThumbprintSet)]
        [Parameter(Mandatory = true, ParameterSetName = ServicePrincipalCertificateSet)]
        [Parameter(Mandatory = true, ParameterSetName = ServicePrincipalCertificateFileSet)]
        [Parameter(ParameterSetName = DeviceCodeSet)]
        [Parameter(ParameterSetName = InteractiveSet)]
        [Parameter(ParameterSetName = DefaultChainSet)]
        [Alias("Tenant")]
        [ValidateNotNullOrEmpty]
        public string? TenantId { get; set; }

        /// <summary>User name = the application (client) id, password = the client secret.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ServicePrincipalSecretSet)]
        [ValidateNotNull]
        [Credential]
        public PSCredential? Credential { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ServicePrincipalThumbprintSet)]
        [ValidateNotNullOrEmpty]
        public string? CertificateThumbprint { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ServicePrincipalCertificateSet)]
        [ValidateNotNull]
        public X509Certificate2? Certificate { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ServicePrincipalCertificateFileSet)]
        [ValidateNotNullOrEmpty]
        public string? CertificatePath { get; set; }

        [Parameter(ParameterSetName = ServicePrincipalCertificateFileSet)]
        [ValidateNotNull]
        public SecureString? CertificatePassword { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = DeviceCodeSet)]
        [Alias("DeviceCode")]
        public SwitchParameter UseDeviceAuthentication { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = InteractiveSet)]
        public SwitchParameter Interactive { get; set; }

        /// <summary>The Microsoft Entra authority for sovereign clouds or a test token service.</summary>
        [Parameter(ParameterSetName = ServicePrincipalSecretSet)]
        [Parameter(ParameterSetName = ServicePrincipalThumbprintSet)]
        [Parameter(ParameterSetName = ServicePrincipalCertificateSet)]
        [Parameter(ParameterSetName = ServicePrincipalCertificateFileSet)]
        [Parameter(ParameterSetName = DeviceCodeSet)]
        [Parameter(ParameterSetName = InteractiveSet)]
        [Parameter(ParameterSetName = DefaultChainSet)]
        [ValidateNotNull]
        public Uri? AuthorityHost { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = EmulatorSet)]
        public SwitchParameter Emulator { get; set; }

        /// <summary>A self-signed server certificate to trust exactly (the emulator's over https, a test server's).</summary>
        [Parameter]
        [ValidateNotNull]
        public X509Certificate2? TrustedServerCertificate { get; set; }

        /// <summary>Seconds one attempt of a request may wait for its answer before it is retried.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        [Alias("TimeoutSec")]
        public int Timeout { get; set; } = DefaultTimeoutSeconds;

        /// <summary>How many times a request that failed transiently (throttled, 5xx, time-out, broken connection) is retried.</summary>
        [Parameter]
        [ValidateRange(0, 20)]
        public int MaxRetries { get; set; } = DefaultMaxRetries;

        /// <summary>The client's pace for this application; 0 turns it off. Default 20 (the service's limit), off against the emulator.</summary>
        [Parameter]
        [ValidateRange(0.0, 100000.0)]
        public double MaxRequestsPerSecond { get; set; }

        /// <summary>Connect without the one request that checks the application answers and accepts an API token.</summary>
        [Parameter(ParameterSetName = ApiTokenSet)]
        [Parameter(ParameterSetName = EmulatorSet)]
        public SwitchParameter SkipValidation { get; set; }

        public void Dispose()
        {
            stopping.Dispose();
        }

        protected override void StopProcessing() => stopping.Cancel();

        private readonly System.Collections.Generic.HashSet<string> boundOnCommandLine = new System.Collections.Generic.HashSet<string>(StringComparer.OrdinalIgnoreCase);

        protected override void BeginProcessing()
        {
            // What is bound now came from the command line; what is bound later, per record, came from the pipeline.
            boundOnCommandLine.UnionWith(MyInvocation.BoundParameters.Keys);
        }

        protected override void ProcessRecord()
        {
            if (Management.IsPresent)
            {
                ConnectManagement();
                return;
            }

            if (ManagementUrl != null)
            {
                throw Terminate(new ArgumentException("-ManagementUrl goes with -Management."), ErrorIds.InvalidApplicationUrl, ErrorCategory.InvalidArgument);
            }

            PreferPipedApplicationUrl();
            var applicationUrl = ResolveApplicationUrl();
            var options = new IoTCentralClientOptions
            {
                ApplicationUrl = applicationUrl,
                TrustedCertificate = TrustedServerCertificate,
                NetworkTimeout = TimeSpan.FromSeconds(Timeout),
                MaxRetries = MaxRetries,
                RequestsPerSecond = ResolvePace(applicationUrl),
            };
            var (client, session) = SignInLikeManagement(options) ?? SignIn(options);
            session.Timeout = options.NetworkTimeout;
            session.MaxRetries = options.MaxRetries;
            session.MaxRequestsPerSecond = options.RequestsPerSecond;
            if ((ParameterSetName == ApiTokenSet || ParameterSetName == EmulatorSet) && !SkipValidation.IsPresent)
            {
                // An API token is checked only by the application, so without a request a wrong URL or a revoked token
                // would connect and fail at the first command instead.
                VerifyAccess(client);
            }

            SessionStore.Add(session, client);
            SessionStore.SetDefault(session);
            WriteVerbose(string.Format(CultureInfo.InvariantCulture, "Connected to {0} as {1} ({2}).", session.ApplicationUrl, session.Identity, session.AuthKind));
            WriteObject(session);
        }

        /// <summary>
        /// An application piped from the application cmdlets names both its subdomain and its URL; the URL is where it
        /// really listens, so it wins unless -Subdomain was typed on the command line.
        /// </summary>
        private void PreferPipedApplicationUrl()
        {
            if (Subdomain != null && ApplicationUrl != null && !boundOnCommandLine.Contains(nameof(ApplicationUrl)) && !boundOnCommandLine.Contains(nameof(Subdomain)))
            {
                Subdomain = null;
            }
            else if (Subdomain != null && ApplicationUrl != null && boundOnCommandLine.Contains(nameof(Subdomain)) && !boundOnCommandLine.Contains(nameof(ApplicationUrl)))
            {
                ApplicationUrl = null;
            }
        }

        /// <summary>
        /// For an application piped from the application cmdlets, with no other way to sign in given (or -Emulator), the
        /// identity of the management session that read it signs in to the application too: whoever created an
        /// application administers it, so creating and using it take one sign-in. Null when that does not apply.
        /// </summary>
        private (IoTCentralClient, IoTCentralSession)? SignInLikeManagement(IoTCentralClientOptions options)
        {
            if (!(PipelineInput.Current(this)?.BaseObject is IoTCentralApplication application)
                || application.Origin == null
                || !ManagementSessionStore.TryGetClient(application.Origin, out var management)
                || !(ParameterSetName == EmulatorSet || (ParameterSetName == DefaultChainSet && TenantId == null && AuthorityHost == null)))
            {
                return null;
            }

            var origin = application.Origin;
            return SignInWithBearer(() => management.CreateApplicationClient(options), origin.AuthKind, origin.Identity);
        }

        private void ConnectManagement()
        {
            if (ParameterSetName == ApiTokenSet)
            {
                throw Terminate(
                    new ArgumentException("An IoT Central API token cannot manage applications: Azure Resource Manager accepts only Microsoft Entra tokens. Sign in with -Identity, -ServicePrincipal, -UseDeviceAuthentication, -TokenCredential, -AccessToken (an Azure Resource Manager token) or, against the emulator, -Emulator."),
                    ErrorIds.ApiTokenCannotManage,
                    ErrorCategory.InvalidArgument);
            }

            if (Subdomain != null || ApplicationUrl != null)
            {
                throw Terminate(new ArgumentException("-Management signs in to Azure Resource Manager, not to an application: leave out -Subdomain and -ApplicationUrl (use -ManagementUrl for another endpoint)."), ErrorIds.InvalidApplicationUrl, ErrorCategory.InvalidArgument);
            }

            var managementUrl = ManagementUrl ?? new Uri(Emulator.IsPresent ? EmulatorDefaults.ManagementUrl : IoTCentralManagementSession.AzureManagementUrl);
            if (!managementUrl.IsAbsoluteUri || managementUrl.Scheme != Uri.UriSchemeHttps)
            {
                throw Terminate(new ArgumentException("-ManagementUrl must be an absolute https URL, such as https://management.azure.com/."), ErrorIds.InvalidApplicationUrl, ErrorCategory.InvalidArgument);
            }

            var options = new IoTCentralClientOptions
            {
                ApplicationUrl = managementUrl,
                TrustedCertificate = TrustedServerCertificate,
                NetworkTimeout = TimeSpan.FromSeconds(Timeout),
                MaxRetries = MaxRetries,
            };
            var subscription = SubscriptionId;
            ManagementClient client;
            IoTCentralAuthKind kind;
            string? fallbackIdentity;
            switch (ParameterSetName)
            {
                case EmulatorSet:
                    var discovery = Discover(managementUrl);
                    options.TrustedCertificate = discovery.Certificate;
                    var emulatorSignIn = EntraSignIn.ServicePrincipalSecret(EmulatorDefaults.TenantId, EmulatorDefaults.DevelopmentClientId, SecureStrings.FromPlainText(EmulatorDefaults.DevelopmentClientSecret));
                    emulatorSignIn.AuthorityHost = discovery.AuthorityHost;
                    client = Guard(() => ManagementClient.CreateWithEntra(options, emulatorSignIn), ErrorIds.InvalidCredential);
                    kind = IoTCentralAuthKind.ServicePrincipal;
                    fallbackIdentity = EmulatorDefaults.DevelopmentClientId;
                    subscription ??= EmulatorDefaults.SubscriptionId;
                    break;
                case AccessTokenSet:
                    client = Guard(() => ManagementClient.CreateWithAccessToken(options, AccessToken!), ErrorIds.InvalidAccessToken);
                    kind = IoTCentralAuthKind.AccessToken;
                    fallbackIdentity = null;
                    break;
                case TokenCredentialSet:
                    var credential = TokenCredential is PSObject wrapped ? wrapped.BaseObject : TokenCredential!;
                    client = Guard(() => ManagementClient.CreateWithTokenCredential(options, credential), ErrorIds.InvalidCredential);
                    kind = IoTCentralAuthKind.TokenCredential;
                    fallbackIdentity = credential.GetType().Name;
                    break;
                default:
                    var signIn = DescribeEntraSignIn(out kind);
                    signIn.AuthorityHost = AuthorityHost;
                    client = Guard(() => ManagementClient.CreateWithEntra(options, signIn), ErrorIds.InvalidCredential);
                    fallbackIdentity = ClientId;
                    break;
            }

            SignedInIdentity identity;
            try
            {
                // As for an application: a device-code message is a warning of this call's request log.
                identity = QueuedLogSink.Run(() => client.SignInAsync(stopping.Token), message => LogRelay.Write(this, message));
            }
            catch (IoTCentralException exception)
            {
                client.Dispose();
                throw Terminate(exception, ErrorIds.SignInFailed, ErrorCategory.AuthenticationError);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                client.Dispose();
                throw new PipelineStoppedException();
            }

            var session = new IoTCentralManagementSession(managementUrl, subscription, kind, identity.Identity ?? fallbackIdentity)
            {
                TenantId = identity.TenantId ?? TenantId,
                ExpiresOn = kind == IoTCentralAuthKind.AccessToken ? identity.ExpiresOn : (DateTimeOffset?)null,
                TrustedServerCertificate = options.TrustedCertificate,
            };
            ManagementSessionStore.Add(session, client);
            ManagementSessionStore.SetDefault(session);
            if (subscription == null)
            {
                WriteWarning("No -SubscriptionId: give -SubscriptionId to each application cmdlet, or connect again with -SubscriptionId.");
            }

            WriteVerbose(string.Format(CultureInfo.InvariantCulture, "Signed in to Azure Resource Manager at {0} as {1} ({2}).", managementUrl, session.Identity, kind));
            WriteObject(session);
        }

        private EmulatorDiscovery Discover(Uri managementUrl)
        {
            try
            {
                return QueuedLogSink.Run(() => EmulatorDiscovery.DiscoverAsync(managementUrl, TrustedServerCertificate, stopping.Token), message => LogRelay.Write(this, message));
            }
            catch (ArgumentException exception)
            {
                throw Terminate(exception, ErrorIds.InvalidApplicationUrl, ErrorCategory.InvalidArgument);
            }
            catch (IoTCentralException exception)
            {
                throw Terminate(exception, ErrorIds.EmulatorNotFound, ErrorCategory.ConnectionError);
            }
        }

        /// <summary>
        /// The service's own limit against the real service; off against the emulator (-Emulator, or an application on
        /// loopback, where the service never is), which throttles only when started with --rate-limit, and then says so with 429.
        /// </summary>
        private double ResolvePace(Uri applicationUrl)
        {
            if (MyInvocation.BoundParameters.ContainsKey(nameof(MaxRequestsPerSecond)))
            {
                return MaxRequestsPerSecond;
            }

            return Emulator.IsPresent || applicationUrl.IsLoopback ? 0 : ServiceRequestsPerSecond;
        }

        private void VerifyAccess(IoTCentralClient client)
        {
            try
            {
                QueuedLogSink.Run<object?>(
                    async () =>
                    {
                        await client.VerifyAccessAsync(stopping.Token).ConfigureAwait(false);
                        return null;
                    },
                    message => LogRelay.Write(this, message));
            }
            catch (IoTCentralException exception)
            {
                client.Dispose();
                ThrowTerminatingError(ServiceErrorMapper.ToErrorRecord(exception, "Application", client.ApplicationUrl.ToString()));
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                client.Dispose();
                throw new PipelineStoppedException();
            }
        }

        private (IoTCentralClient Client, IoTCentralSession Session) SignIn(IoTCentralClientOptions options)
        {
            switch (ParameterSetName)
            {
                case EmulatorSet:
                    return SignInWithApiToken(options, SecureStrings.FromPlainText(EmulatorDefaults.DevelopmentAdminApiToken));
                case ApiTokenSet:
                    return SignInWithApiToken(options, ApiToken!);
                case AccessTokenSet:
                    return SignInWithAccessToken(options, AccessToken!);
                case TokenCredentialSet:
                    var credential = TokenCredential is PSObject wrapped ? wrapped.BaseObject : TokenCredential!;
                    return SignInWithBearer(() => IoTCentralClient.CreateWithTokenCredential(options, credential), IoTCentralAuthKind.TokenCredential, credential.GetType().Name);
                default:
                    var signIn = DescribeEntraSignIn(out var kind);
                    signIn.AuthorityHost = AuthorityHost;
                    return SignInWithBearer(() => IoTCentralClient.CreateWithEntra(options, signIn), kind, ClientId);
            }
        }

        private EntraSignIn DescribeEntraSignIn(out IoTCentralAuthKind kind)
        {
            switch (ParameterSetName)
            {
                case ManagedIdentitySet:
                    kind = IoTCentralAuthKind.ManagedIdentity;
                    return Guard(() => EntraSignIn.ManagedIdentity(ClientId, ResourceId, ObjectId), ErrorIds.InvalidCredential);
                case ServicePrincipalSecretSet:
                    kind = IoTCentralAuthKind.ServicePrincipal;
                    ClientId = Credential!.UserName;
                    return Guard(() => EntraSignIn.ServicePrincipalSecret(TenantId!, Credential.UserName, Credential.Password), ErrorIds.InvalidCredential);
                case ServicePrincipalThumbprintSet:
                case ServicePrincipalCertificateSet:
                case ServicePrincipalCertificateFileSet:
                    kind = IoTCentralAuthKind.ServicePrincipal;
                    return Guard(() => EntraSignIn.ServicePrincipalCertificate(TenantId!, ClientId!, LoadCertificate()), ErrorIds.InvalidCredential);
                case DeviceCodeSet:
                    kind = IoTCentralAuthKind.DeviceCode;
                    RequireInteractiveHost("-UseDeviceAuthentication");
                    return EntraSignIn.DeviceCode(TenantId, ClientId);
                case InteractiveSet:
                    kind = IoTCentralAuthKind.Interactive;
                    RequireInteractiveHost("-Interactive");
                    return EntraSignIn.Interactive(TenantId, ClientId);
                default:
                    kind = IoTCentralAuthKind.DefaultChain;
                    return EntraSignIn.DefaultChain(TenantId);
            }
        }

        private (IoTCentralClient, IoTCentralSession) SignInWithBearer(Func<IoTCentralClient> create, IoTCentralAuthKind kind, string? fallbackIdentity)
        {
            var client = Guard(create, ErrorIds.InvalidCredential);
            SignedInIdentity identity;
            try
            {
                // The device-code message arrives as a warning of this call's request log, written on this thread.
                identity = QueuedLogSink.Run(() => client.SignInAsync(stopping.Token), message => LogRelay.Write(this, message));
            }
            catch (IoTCentralException exception)
            {
                client.Dispose();
                throw Terminate(exception, ErrorIds.SignInFailed, ErrorCategory.AuthenticationError);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                client.Dispose();
                throw new PipelineStoppedException();
            }

            var refreshed = kind != IoTCentralAuthKind.AccessToken;
            var session = new IoTCentralSession(client.ApplicationUrl, kind, identity.Identity ?? fallbackIdentity, refreshed ? null : identity.ExpiresOn)
            {
                TenantId = identity.TenantId ?? TenantId,
            };
            return (client, session);
        }

        private (IoTCentralClient, IoTCentralSession) SignInWithApiToken(IoTCentralClientOptions options, SecureString token)
        {
            ApiTokenInfo info;
            try
            {
                info = ApiTokenInfo.Parse(token);
            }
            catch (FormatException exception)
            {
                throw Terminate(exception, ErrorIds.InvalidApiToken, ErrorCategory.InvalidArgument);
            }

            CheckExpiry(info.ExpiresOn, "API token '" + info.KeyName + "'", ErrorIds.ApiTokenExpired, ApiTokenWarningWindow, "create a new one with New-IoTCentralApiToken");
            var client = Guard(() => IoTCentralClient.CreateWithApiToken(options, token), ErrorIds.InvalidApiToken);
            return (client, new IoTCentralSession(client.ApplicationUrl, IoTCentralAuthKind.ApiToken, info.KeyName, info.ExpiresOn));
        }

        private (IoTCentralClient, IoTCentralSession) SignInWithAccessToken(IoTCentralClientOptions options, SecureString token)
        {
            AccessTokenInfo info;
            try
            {
                info = AccessTokenInfo.Parse(token);
            }
            catch (FormatException exception)
            {
                throw Terminate(exception, ErrorIds.InvalidAccessToken, ErrorCategory.InvalidArgument);
            }

            if (info.ExpiresOn.HasValue)
            {
                CheckExpiry(info.ExpiresOn.Value, "access token", ErrorIds.AccessTokenExpired, AccessTokenWarningWindow, "get a new one");
            }

            var client = Guard(() => IoTCentralClient.CreateWithAccessToken(options, token), ErrorIds.InvalidAccessToken);
            var session = new IoTCentralSession(client.ApplicationUrl, IoTCentralAuthKind.AccessToken, info.Identity, info.ExpiresOn) { TenantId = info.TenantId };
            return (client, session);
        }

        private void CheckExpiry(DateTimeOffset expiresOn, string what, string expiredErrorId, TimeSpan warningWindow, string remedy)
        {
            var now = DateTimeOffset.UtcNow;
            if (expiresOn <= now)
            {
                var message = string.Format(CultureInfo.InvariantCulture, "The {0} expired on {1:u}; {2} and sign in again with Connect-IoTCentral.", what, expiresOn.UtcDateTime, remedy);
                throw Terminate(new InvalidOperationException(message), expiredErrorId, ErrorCategory.AuthenticationError);
            }

            if (expiresOn - now <= warningWindow)
            {
                WriteWarning(string.Format(CultureInfo.InvariantCulture, "The {0} expires on {1:u} (in {2:0.#} hours); {3} before then.", what, expiresOn.UtcDateTime, (expiresOn - now).TotalHours, remedy));
            }
        }

        private X509Certificate2 LoadCertificate()
        {
            switch (ParameterSetName)
            {
                case ServicePrincipalThumbprintSet:
                    return CertificateLoader.FromThumbprint(CertificateThumbprint!);
                case ServicePrincipalCertificateFileSet:
                    return CertificateLoader.FromFile(GetUnresolvedProviderPathFromPSPath(CertificatePath), CertificatePassword);
                default:
                    return Certificate!;
            }
        }

        private void RequireInteractiveHost(string parameter)
        {
            var reason = HostInteractivity.WhyNot(Host);
            if (reason != null)
            {
                throw Terminate(
                    new InvalidOperationException(parameter + " needs a person at the console, but " + reason + ". Use -Identity, -ServicePrincipal or -ApiToken for unattended sign-in."),
                    ErrorIds.NonInteractiveHost,
                    ErrorCategory.InvalidOperation);
            }
        }

        private T Guard<T>(Func<T> action, string errorId)
        {
            try
            {
                return action();
            }
            catch (ArgumentException exception)
            {
                throw Terminate(exception, errorId, ErrorCategory.InvalidArgument);
            }
            catch (InvalidOperationException exception)
            {
                throw Terminate(exception, errorId, ErrorCategory.InvalidOperation);
            }
        }

        private Uri ResolveApplicationUrl()
        {
            if (Emulator.IsPresent)
            {
                if (Subdomain != null)
                {
                    throw Terminate(new ArgumentException("-Emulator takes -ApplicationUrl (default " + EmulatorDefaults.ApplicationUrl + "), not -Subdomain."), ErrorIds.InvalidApplicationUrl, ErrorCategory.InvalidArgument);
                }

                return ApplicationUrl ?? new Uri(EmulatorDefaults.ApplicationUrl);
            }

            if ((Subdomain == null) == (ApplicationUrl == null))
            {
                throw Terminate(
                    new ArgumentException("Name the application with either -Subdomain (for example contoso) or -ApplicationUrl (for example https://contoso.azureiotcentral.com), not both and not neither."),
                    ErrorIds.InvalidApplicationUrl,
                    ErrorCategory.InvalidArgument);
            }

            if (ApplicationUrl == null)
            {
                return Guard(() => ApplicationUrls.FromSubdomain(Subdomain!, BaseDomain), ErrorIds.InvalidApplicationUrl);
            }

            if (!ApplicationUrl.IsAbsoluteUri || (ApplicationUrl.Scheme != Uri.UriSchemeHttps && ApplicationUrl.Scheme != Uri.UriSchemeHttp))
            {
                throw Terminate(
                    new ArgumentException("-ApplicationUrl must be an absolute http or https URL, such as https://contoso.azureiotcentral.com."),
                    ErrorIds.InvalidApplicationUrl,
                    ErrorCategory.InvalidArgument);
            }

            return ApplicationUrl;
        }

        private PipelineStoppedException Terminate(Exception exception, string errorId, ErrorCategory category)
        {
            ThrowTerminatingError(new ErrorRecord(exception, errorId, category, ApplicationUrl?.ToString() ?? Subdomain));
            return new PipelineStoppedException();
        }
    }
}
