using System.Text.Json.Nodes;

namespace IoTCentral.Emulator.Auth.Identity;

/// <summary>A compact JWS split into its parts; nothing is verified yet.</summary>
internal sealed record JwtParts(JsonObject Header, JsonObject Payload, byte[] SigningInput, byte[] Signature)
{
    public string? Algorithm => Header.GetString("alg");
}
