using System;
using Azure.Core;

namespace IoTCentral.Engine.Pipeline;

internal static class TokenCredentials
{
    /// <summary>Accepts our Azure.Core TokenCredential, or one from another Azure.Core copy via <see cref="ForeignTokenCredential"/>.</summary>
    public static TokenCredential From(object tokenCredential)
    {
        if (tokenCredential is null)
        {
            throw new ArgumentNullException(nameof(tokenCredential));
        }

        if (tokenCredential is TokenCredential own)
        {
            return own;
        }

        return ForeignTokenCredential.TryCreate(tokenCredential)
            ?? throw new ArgumentException(
                $"The object of type {tokenCredential.GetType().FullName} is not an Azure.Core TokenCredential; pass a credential from Azure.Identity, such as a ManagedIdentityCredential.",
                nameof(tokenCredential));
    }
}
