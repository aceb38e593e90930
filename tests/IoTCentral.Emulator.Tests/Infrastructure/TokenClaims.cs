using System.Buffers.Text;
using System.Text.Json;

namespace IoTCentral.Emulator.Tests.Infrastructure;

/// <summary>Reads (without verifying) the payload and header of a JWT, to assert on the claims the emulator issues.</summary>
public static class TokenClaims
{
    public static JsonElement Read(string jwt) => Decode(jwt.Split('.')[1]);

    public static JsonElement Header(string jwt) => Decode(jwt.Split('.')[0]);

    private static JsonElement Decode(string part) => JsonDocument.Parse(Base64Url.DecodeFromChars(part)).RootElement.Clone();
}
