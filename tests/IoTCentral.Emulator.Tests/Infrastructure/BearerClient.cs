using Azure.Core;

namespace IoTCentral.Emulator.Tests.Infrastructure;

/// <summary>Clients of the emulator authenticated with Microsoft Entra tokens.</summary>
public static class BearerClient
{
    /// <summary>An <see cref="ApiClient"/> that sends "Bearer {token}" on the admin client's connection.</summary>
    public static ApiClient WithBearer(this ApiClient client, string accessToken) => client.WithToken("Bearer " + accessToken);

    /// <summary>Gets an IoT Central token from <paramref name="credential"/>.</summary>
    public static async Task<string> GetIoTCentralTokenAsync(this TokenCredential credential) =>
        (await credential.GetTokenAsync(new TokenRequestContext([EntraIds.IoTCentralScope]), CancellationToken.None)).Token;
}
