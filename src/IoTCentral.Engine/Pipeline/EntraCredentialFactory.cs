using System;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using IoTCentral.Engine.Internal;

namespace IoTCentral.Engine.Pipeline;

/// <summary>Builds the Azure.Identity credential an <see cref="EntraSignIn"/> describes.</summary>
internal sealed class EntraCredentialFactory
{
    private readonly EntraSignIn _signIn;
    private readonly HttpPipelineTransport? _transport;

    private EntraCredentialFactory(EntraSignIn signIn, HttpPipelineTransport? transport)
    {
        _signIn = signIn;
        _transport = transport;
    }

    // Instance discovery asks login.microsoftonline.com about the authority, which a sovereign-cloud mirror or
    // a local token service cannot answer; the public cloud keeps it.
    private bool DisableDiscovery => _signIn.AuthorityHost is not null
        && !string.Equals(_signIn.AuthorityHost.Host, AzureAuthorityHosts.AzurePublicCloud.Host, StringComparison.OrdinalIgnoreCase);

    public static TokenCredential Create(EntraSignIn signIn, HttpPipelineTransport? transport) =>
        new EntraCredentialFactory(signIn, transport).Create();

    private TokenCredential Create()
    {
        switch (_signIn.Kind)
        {
            case EntraSignInKind.ManagedIdentity:
                return new ManagedIdentityCredential(Apply(new ManagedIdentityCredentialOptions(ManagedIdentityIdOf(_signIn))));
            case EntraSignInKind.ClientSecret:
                return new ClientSecretCredential(
                    _signIn.TenantId,
                    _signIn.ClientId,
                    SecureStrings.ToPlainText(_signIn.ClientSecret!),
                    Apply(new ClientSecretCredentialOptions { DisableInstanceDiscovery = DisableDiscovery }));
            case EntraSignInKind.ClientCertificate:
                return new ClientCertificateCredential(
                    _signIn.TenantId,
                    _signIn.ClientId,
                    _signIn.Certificate,
                    Apply(new ClientCertificateCredentialOptions { DisableInstanceDiscovery = DisableDiscovery }));
            case EntraSignInKind.DeviceCode:
                var deviceCode = new DeviceCodeCredentialOptions
                {
                    TenantId = _signIn.TenantId,
                    DisableInstanceDiscovery = DisableDiscovery,
                    DeviceCodeCallback = (info, _) =>
                    {
                        ShowDeviceCode(info.Message);
                        return System.Threading.Tasks.Task.CompletedTask;
                    },
                };
                deviceCode.ClientId = _signIn.ClientId ?? deviceCode.ClientId;
                return new DeviceCodeCredential(Apply(deviceCode));
            case EntraSignInKind.Interactive:
                var browser = new InteractiveBrowserCredentialOptions { TenantId = _signIn.TenantId, DisableInstanceDiscovery = DisableDiscovery };
                browser.ClientId = _signIn.ClientId ?? browser.ClientId;
                return new InteractiveBrowserCredential(Apply(browser));
            default:
                // Non-interactive on purpose: a runbook or CI job must fail fast with the list of what was tried,
                // never wait for a browser. ChainedTokenCredential's error names each credential and why it failed.
                return new ChainedTokenCredential(
                    new EnvironmentCredential(Apply(new EnvironmentCredentialOptions { DisableInstanceDiscovery = DisableDiscovery })),
                    new WorkloadIdentityCredential(Apply(new WorkloadIdentityCredentialOptions { TenantId = _signIn.TenantId, DisableInstanceDiscovery = DisableDiscovery })),
                    new ManagedIdentityCredential(Apply(new ManagedIdentityCredentialOptions(ManagedIdentityId.SystemAssigned))),
                    new AzureCliCredential(Apply(new AzureCliCredentialOptions { TenantId = _signIn.TenantId })),
                    new AzurePowerShellCredential(Apply(new AzurePowerShellCredentialOptions { TenantId = _signIn.TenantId })));
        }
    }

    /// <summary>
    /// Shows the code through the log of whichever call needs the token now, never through a captured command: the
    /// command that connected has long finished when a later token can only be had by signing in again.
    /// </summary>
    private static void ShowDeviceCode(string message)
    {
        var log = RequestLog.Current
            ?? throw new InvalidOperationException(
                "Microsoft Entra asks for a new device-code sign-in, but no command is running that could show the code. Sign in again with Connect-IoTCentral -UseDeviceAuthentication.");
        log.WriteWarning(message);
    }

    private T Apply<T>(T options)
        where T : TokenCredentialOptions
    {
        if (_signIn.AuthorityHost is not null)
        {
            options.AuthorityHost = _signIn.AuthorityHost;
        }

        if (_transport is not null)
        {
            options.Transport = _transport;
        }

        return options;
    }

    private static ManagedIdentityId ManagedIdentityIdOf(EntraSignIn signIn) =>
        signIn.ClientId is not null ? ManagedIdentityId.FromUserAssignedClientId(signIn.ClientId)
        : signIn.ResourceId is not null ? ManagedIdentityId.FromUserAssignedResourceId(new ResourceIdentifier(signIn.ResourceId))
        : signIn.ObjectId is not null ? ManagedIdentityId.FromUserAssignedObjectId(signIn.ObjectId)
        : ManagedIdentityId.SystemAssigned;
}
