using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace IoTCentral.Emulator.Auth.Identity;

/// <summary>
/// The RSA key the emulator's token service signs access and ID tokens with (published in its JWKS under
/// <see cref="KeyId"/>). Kept in the data directory when there is one, so tokens survive a restart.
/// </summary>
/// <remarks>
/// A new key is generated on first use, not at start: RSA key generation takes about a second, and most emulator runs
/// (and most tests) never see a bearer token. A persisted key is read at start, so a bad file stops the start.
/// </remarks>
internal sealed class TokenSigningKey : IDisposable
{
    public const string FileName = "token-signing-key.pem";

    private readonly Lazy<(RSA Key, string KeyId)> _key;

    private TokenSigningKey(Func<RSA> create) =>
        _key = new Lazy<(RSA, string)>(() => WithId(create()), LazyThreadSafetyMode.ExecutionAndPublication);

    public RSA Key => _key.Value.Key;

    public string KeyId => _key.Value.KeyId;

    public static TokenSigningKey LoadOrCreate(string? dataDir)
    {
        var path = dataDir is null ? null : Path.Combine(dataDir, FileName);
        if (path is null || !File.Exists(path))
        {
            return new TokenSigningKey(() => Create(path));
        }

        var key = RSA.Create();
        try
        {
            key.ImportFromPem(File.ReadAllText(path));
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new InvalidOperationException($"The emulator's token signing key '{path}' cannot be read: {e.Message}; delete it to get a new one.", e);
        }

        var loaded = new TokenSigningKey(() => key);
        _ = loaded.Key;
        return loaded;
    }

    /// <summary>The public key as a JWK, as Microsoft Entra's <c>discovery/v2.0/keys</c> lists its keys.</summary>
    public JsonObject ToJwk()
    {
        var parameters = Key.ExportParameters(false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = Jwt.Rs256,
            ["kid"] = KeyId,
            ["n"] = Base64Url.EncodeToString(parameters.Modulus),
            ["e"] = Base64Url.EncodeToString(parameters.Exponent),
        };
    }

    public void Dispose()
    {
        if (_key.IsValueCreated)
        {
            _key.Value.Key.Dispose();
        }
    }

    private static RSA Create(string? path)
    {
        var key = RSA.Create(2048);
        if (path is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, key.ExportPkcs8PrivateKeyPem());
        }

        return key;
    }

    // The id is derived from the public key, so a persisted key keeps its id.
    private static (RSA, string) WithId(RSA key) => (key, Base64Url.EncodeToString(SHA256.HashData(key.ExportSubjectPublicKeyInfo())[..20]));
}
