using System.Text.Json;

namespace IoTCentral.Emulator.Hosting;

/// <summary>The file <c>--ready-file</c> names: written (atomically) once the emulator listens.</summary>
internal static class ReadyFile
{
    private sealed record Content(
        string ApplicationUrl, string AdminApiToken, string AuthorityHost, string ManagedIdentityEndpoint, string ManagedIdentityHeader, string TlsCertificateThumbprint,
        string ManagementUrl, string SubscriptionId);

    public static void Write(string path, string applicationUrl, EmulatorServer server)
    {
        var fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var temporary = fullPath + ".tmp";
        var content = new Content(applicationUrl, server.AdminApiToken, server.AuthorityHost.ToString(), server.ManagedIdentityEndpoint.ToString(),
            server.ManagedIdentityHeader, server.TlsCertificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256),
            server.ManagementUrl.ToString(), server.SubscriptionId);
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(content, Http.EmulatorJson.Options));
        File.Move(temporary, fullPath, overwrite: true);
    }
}
