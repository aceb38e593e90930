using System.Text.Json;

namespace IoTCentral.Emulator.Hosting;

/// <summary>The file <c>--ready-file</c> names: written (atomically) once the emulator listens.</summary>
internal static class ReadyFile
{
    private sealed record Content(string ApplicationUrl, string AdminApiToken);

    public static void Write(string path, string applicationUrl, string adminApiToken)
    {
        var fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var temporary = fullPath + ".tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(new Content(applicationUrl, adminApiToken), Http.EmulatorJson.Options));
        File.Move(temporary, fullPath, overwrite: true);
    }
}
