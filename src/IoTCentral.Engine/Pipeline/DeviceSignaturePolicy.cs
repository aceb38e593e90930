using Azure.Core;
using Azure.Core.Pipeline;

namespace IoTCentral.Engine.Pipeline;

/// <summary>
/// The authentication step of the emulator's device-feed pipeline: each request goes as one device, signed with that
/// device's key, so the signature travels with the message rather than living in the policy. The application's own
/// credential is never sent to the feed.
/// </summary>
internal sealed class DeviceSignaturePolicy : HttpPipelineSynchronousPolicy
{
    public const string PropertyName = "IoTCentral.DeviceSignature";

    public static DeviceSignaturePolicy Instance { get; } = new();

    private DeviceSignaturePolicy()
    {
    }

    public override void OnSendingRequest(HttpMessage message)
    {
        if (message.TryGetProperty(PropertyName, out var value) && value is string signature)
        {
            message.Request.Headers.SetValue(HttpHeader.Names.Authorization, signature);
        }
    }
}
