using System;
using System.Security;
using Azure.Core;
using Azure.Core.Pipeline;
using IoTCentral.Engine.Internal;

namespace IoTCentral.Engine.Pipeline;

/// <summary>
/// Sends an IoT Central API token ("SharedAccessSignature sr=...") verbatim as the Authorization header. The token
/// stays a SecureString until each attempt is sent.
/// </summary>
internal sealed class ApiTokenAuthenticationPolicy : HttpPipelineSynchronousPolicy, IDisposable
{
    private readonly SecureString _token;

    public ApiTokenAuthenticationPolicy(SecureString token)
    {
        _token = SecureStrings.ReadOnlyCopy(token);
    }

    public override void OnSendingRequest(HttpMessage message)
    {
        message.Request.Headers.SetValue(HttpHeader.Names.Authorization, SecureStrings.ToPlainText(_token));
    }

    public void Dispose() => _token.Dispose();
}
