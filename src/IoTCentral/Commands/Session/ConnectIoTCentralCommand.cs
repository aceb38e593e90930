using System;
using System.Globalization;
using System.Management.Automation;
using System.Security;
using IoTCentral.Engine;
using IoTCentral.Infrastructure;
using IoTCentral.Models;

namespace IoTCentral.Commands.Session
{
    /// <summary>Signs in to one IoT Central application and makes it the runspace's default session.</summary>
    [Cmdlet(VerbsCommunications.Connect, "IoTCentral", DefaultParameterSetName = SubdomainApiTokenSet)]
    [OutputType(typeof(IoTCentralSession))]
    public sealed class ConnectIoTCentralCommand : PSCmdlet
    {
        public const string SubdomainApiTokenSet = "SubdomainApiToken";
        public const string SubdomainAccessTokenSet = "SubdomainAccessToken";
        public const string SubdomainTokenCredentialSet = "SubdomainTokenCredential";
        public const string UrlApiTokenSet = "UrlApiToken";
        public const string UrlAccessTokenSet = "UrlAccessToken";
        public const string UrlTokenCredentialSet = "UrlTokenCredential";
        public const string EmulatorSet = "Emulator";

        private static readonly TimeSpan ExpiryWarningWindow = TimeSpan.FromDays(7);
        private static readonly TimeSpan AccessTokenWarningWindow = TimeSpan.FromMinutes(10);

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = SubdomainApiTokenSet)]
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = SubdomainAccessTokenSet)]
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = SubdomainTokenCredentialSet)]
        [ValidateNotNullOrEmpty]
        public string Subdomain { get; set; } = string.Empty;

        [Parameter(ParameterSetName = SubdomainApiTokenSet)]
        [Parameter(ParameterSetName = SubdomainAccessTokenSet)]
        [Parameter(ParameterSetName = SubdomainTokenCredentialSet)]
        [ValidateNotNullOrEmpty]
        public string BaseDomain { get; set; } = "azureiotcentral.com";

        [Parameter(Mandatory = true, ParameterSetName = UrlApiTokenSet)]
        [Parameter(Mandatory = true, ParameterSetName = UrlAccessTokenSet)]
        [Parameter(Mandatory = true, ParameterSetName = UrlTokenCredentialSet)]
        [Parameter(ParameterSetName = EmulatorSet)]
        [ValidateNotNull]
        public Uri? ApplicationUrl { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = SubdomainApiTokenSet)]
        [Parameter(Mandatory = true, ParameterSetName = UrlApiTokenSet)]
        [ValidateNotNull]
        public SecureString? ApiToken { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = SubdomainAccessTokenSet)]
        [Parameter(Mandatory = true, ParameterSetName = UrlAccessTokenSet)]
        [ValidateNotNull]
        public SecureString? AccessToken { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = SubdomainTokenCredentialSet)]
        [Parameter(Mandatory = true, ParameterSetName = UrlTokenCredentialSet)]
        [ValidateNotNull]
        public object? TokenCredential { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = EmulatorSet)]
        public SwitchParameter Emulator { get; set; }

        protected override void ProcessRecord()
        {
            var options = new IoTCentralClientOptions { ApplicationUrl = ResolveApplicationUrl() };
            var (client, session) = SignIn(options);
            SessionStore.Add(session, client);
            SessionStore.SetDefault(session);
            WriteVerbose(string.Format(CultureInfo.InvariantCulture, "Connected to {0} as {1} ({2}).", session.ApplicationUrl, session.Identity, session.AuthKind));
            WriteObject(session);
        }

        private (IoTCentralClient Client, IoTCentralSession Session) SignIn(IoTCentralClientOptions options)
        {
            if (Emulator.IsPresent)
            {
                return SignInWithApiToken(options, SecureStrings.FromPlainText(EmulatorDefaults.DevelopmentAdminApiToken));
            }

            if (ApiToken != null)
            {
                return SignInWithApiToken(options, ApiToken);
            }

            if (AccessToken != null)
            {
                return SignInWithAccessToken(options, AccessToken);
            }

            return SignInWithTokenCredential(options, TokenCredential!);
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

            CheckExpiry(info.ExpiresOn, "API token '" + info.KeyName + "'", ErrorIds.ApiTokenExpired, ExpiryWarningWindow, "create a new one with New-IoTCentralApiToken");
            var client = Create(() => IoTCentralClient.CreateWithApiToken(options, token), ErrorIds.InvalidApiToken);
            return (client, NewSession(client, IoTCentralAuthKind.ApiToken, info.KeyName, info.ExpiresOn));
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
                CheckExpiry(info.ExpiresOn.Value, "access token", ErrorIds.AccessTokenExpired, AccessTokenWarningWindow, "sign in again to get a new one");
            }

            var client = Create(() => IoTCentralClient.CreateWithAccessToken(options, token), ErrorIds.InvalidAccessToken);
            return (client, NewSession(client, IoTCentralAuthKind.AccessToken, info.Identity, info.ExpiresOn));
        }

        private (IoTCentralClient, IoTCentralSession) SignInWithTokenCredential(IoTCentralClientOptions options, object credential)
        {
            var unwrapped = credential is PSObject wrapped ? wrapped.BaseObject : credential;
            var client = Create(() => IoTCentralClient.CreateWithTokenCredential(options, unwrapped), ErrorIds.InvalidTokenCredential);
            return (client, NewSession(client, IoTCentralAuthKind.TokenCredential, unwrapped.GetType().Name, null));
        }

        private static IoTCentralSession NewSession(IoTCentralClient client, IoTCentralAuthKind kind, string? identity, DateTimeOffset? expiresOn)
        {
            return new IoTCentralSession(client.ApplicationUrl, kind, identity, expiresOn);
        }

        private void CheckExpiry(DateTimeOffset expiresOn, string what, string expiredErrorId, TimeSpan warningWindow, string remedy)
        {
            var now = DateTimeOffset.UtcNow;
            if (expiresOn <= now)
            {
                var message = string.Format(CultureInfo.InvariantCulture, "The {0} expired on {1:u}; {2} and connect again.", what, expiresOn.UtcDateTime, remedy);
                throw Terminate(new InvalidOperationException(message), expiredErrorId, ErrorCategory.AuthenticationError);
            }

            if (expiresOn - now <= warningWindow)
            {
                WriteWarning(string.Format(CultureInfo.InvariantCulture, "The {0} expires on {1:u} (in {2:0.#} hours); {3} before then.", what, expiresOn.UtcDateTime, (expiresOn - now).TotalHours, remedy));
            }
        }

        private IoTCentralClient Create(Func<IoTCentralClient> create, string errorId)
        {
            try
            {
                return create();
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
                return ApplicationUrl ?? new Uri(EmulatorDefaults.ApplicationUrl);
            }

            if (ApplicationUrl == null)
            {
                try
                {
                    return ApplicationUrls.FromSubdomain(Subdomain, BaseDomain);
                }
                catch (ArgumentException exception)
                {
                    throw Terminate(exception, ErrorIds.InvalidApplicationUrl, ErrorCategory.InvalidArgument);
                }
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
