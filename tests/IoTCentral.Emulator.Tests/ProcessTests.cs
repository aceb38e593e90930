using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Emulator.Tests;

/// <summary>The emulator executable, started as a child process (always killed at the end).</summary>
public sealed class ProcessTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly string _workDir = Path.Combine(Path.GetTempPath(), "iotc-emulator-tests", Guid.NewGuid().ToString("N"));

    public ProcessTests() => Directory.CreateDirectory(_workDir);

    public void Dispose() => Directory.Delete(_workDir, recursive: true);

    [Fact]
    public async Task ReadyFile_NamesTheUrlAndToken_AndTheProcessServesTheApi()
    {
        var readyFile = Path.Combine(_workDir, "ready.json");
        using var emulator = EmulatorProcess.Start("--urls", "http://127.0.0.1:0", "--ready-file", readyFile, "--page-size", "1");
        try
        {
            var ready = await WaitForFileAsync(readyFile, emulator);
            var applicationUrl = ready.GetProperty("applicationUrl").GetString()!;
            var token = ready.GetProperty("adminApiToken").GetString()!;
            Assert.Equal(EmulatorDefaults.DevelopmentAdminApiToken, token);
            Assert.Matches(@"^http://127\.0\.0\.1:\d+$", applicationUrl);

            using var http = new HttpClient { BaseAddress = new Uri(applicationUrl), Timeout = TimeSpan.FromSeconds(30) };
            var client = new ApiClient(http, token);
            var roles = await client.GetAsync(ApiClient.Api("/roles"));
            Assert.Equal(HttpStatusCode.OK, roles.Status);
            Assert.Equal(1, roles.Json.GetProperty("value").GetArrayLength());
            Assert.StartsWith(applicationUrl + "/api/roles?", roles.Json.GetProperty("nextLink").GetString());

            var output = emulator.Output;
            Assert.Contains(applicationUrl, output);
            Assert.Contains(EmulatorDefaults.DevelopmentAdminApiToken, output);
        }
        finally
        {
            emulator.Kill();
        }

        Assert.True(emulator.HasExited);
    }

    [Fact]
    public async Task Https_ServesTheApiWithTheExportedCertificate_AndTheReadyFileNamesTheEntraEndpoints()
    {
        var readyFile = Path.Combine(_workDir, "ready.json");
        var certificateFile = Path.Combine(_workDir, "emulator.cer");
        using var emulator = EmulatorProcess.Start("--urls", "http://127.0.0.1:0", "--https", "--export-cert", certificateFile,
            "--authority-url", "https://127.0.0.1:0", "--managed-identity-url", "http://127.0.0.1:0", "--ready-file", readyFile);
        try
        {
            var ready = await WaitForFileAsync(readyFile, emulator);
            var applicationUrl = ready.GetProperty("applicationUrl").GetString()!;
            Assert.Matches(@"^https://127\.0\.0\.1:\d+$", applicationUrl);
            Assert.Matches(@"^https://127\.0\.0\.1:\d+/$", ready.GetProperty("authorityHost").GetString()!);
            Assert.Matches(@"^http://127\.0\.0\.1:\d+/msi/token$", ready.GetProperty("managedIdentityEndpoint").GetString()!);
            Assert.False(string.IsNullOrEmpty(ready.GetProperty("managedIdentityHeader").GetString()));

            using var exported = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificateFromFile(certificateFile);
            using var handler = new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == exported.Thumbprint,
            };
            using var http = new HttpClient(handler) { BaseAddress = new Uri(applicationUrl), Timeout = TimeSpan.FromSeconds(30) };
            var roles = await new ApiClient(http, ready.GetProperty("adminApiToken").GetString()).GetAsync(ApiClient.Api("/roles"));
            Assert.Equal(HttpStatusCode.OK, roles.Status);
            Assert.Contains(ready.GetProperty("authorityHost").GetString()!, emulator.Output);
        }
        finally
        {
            emulator.Kill();
        }
    }

    [Fact]
    public async Task KilledDuringAWriteBurst_KeepsEveryAcknowledgedWrite()
    {
        var dataDir = Path.Combine(_workDir, "data");
        var readyFile = Path.Combine(_workDir, "ready.json");
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
        using (var emulator = EmulatorProcess.Start("--urls", "http://127.0.0.1:0", "--ready-file", readyFile, "--data-dir", dataDir))
        {
            try
            {
                var ready = await WaitForFileAsync(readyFile, emulator);
                using var http = new HttpClient { BaseAddress = new Uri(ready.GetProperty("applicationUrl").GetString()!), Timeout = TimeSpan.FromSeconds(30) };
                var client = new ApiClient(http, ready.GetProperty("adminApiToken").GetString());
                using var killed = new CancellationTokenSource();
                var writers = Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
                {
                    for (var n = 0; !killed.IsCancellationRequested; n++)
                    {
                        var id = $"burst-{writer}-{n}";
                        try
                        {
                            if ((await client.PutAsync(ApiClient.Api($"/devices/{id}"), new { displayName = id })).Status == HttpStatusCode.OK)
                            {
                                acknowledged.Add(id);
                            }
                        }
                        catch (HttpRequestException)
                        {
                            return; // the process is gone
                        }
                    }
                })).ToList();

                // Kill while the writers are still sending, once enough writes have been answered.
                while (acknowledged.Count < 300 && writers.All(w => !w.IsCompleted))
                {
                    await Task.Delay(10);
                }

                emulator.Kill();
                await killed.CancelAsync();
                await Task.WhenAll(writers);
            }
            finally
            {
                emulator.Kill();
            }
        }

        Assert.True(acknowledged.Count >= 300, $"only {acknowledged.Count} writes were answered before the kill");
        await using var restarted = await TestEmulator.StartAsync(new EmulatorOptions { DataDir = dataDir });
        var stored = (await restarted.Admin.GetAllPagesAsync(ApiClient.Api("/devices"), maxPages: 1000))
            .SelectMany(page => page.Json.GetProperty("value").EnumerateArray().Select(device => device.GetProperty("id").GetString()!))
            .ToHashSet(StringComparer.Ordinal);
        Assert.All(acknowledged, id => Assert.Contains(id, stored));
    }

    [Fact]
    public void UnknownOption_ExitsWithUsage()
    {
        using var emulator = EmulatorProcess.Start("--no-such-option");
        try
        {
            Assert.True(emulator.WaitForExit(StartTimeout), "the emulator should exit on a bad option");
            Assert.Equal(2, emulator.ExitCode);
            Assert.Contains("--no-such-option", emulator.Errors);
            Assert.Contains("--ready-file", emulator.Errors);
        }
        finally
        {
            emulator.Kill();
        }
    }

    [Fact]
    public async Task ParentProcessId_TheEmulatorExitsWhenThatProcessEnds()
    {
        // Another emulator stands in for the test or script that owns this one: any process we can kill will do.
        using var owner = EmulatorProcess.Start("--urls", "http://127.0.0.1:0");
        var readyFile = Path.Combine(_workDir, "ready.json");
        using var emulator = EmulatorProcess.Start("--urls", "http://127.0.0.1:0", "--ready-file", readyFile, "--parent-process-id", owner.Id.ToString(CultureInfo.InvariantCulture));
        try
        {
            await WaitForFileAsync(readyFile, emulator);
            Assert.False(emulator.HasExited);

            owner.Kill();

            Assert.True(emulator.WaitForExit(TimeSpan.FromSeconds(30)), "the emulator should stop when its parent process ends");
            Assert.Equal(0, emulator.ExitCode);
            Assert.Contains($"Process {owner.Id} (--parent-process-id) ended", emulator.Output);
        }
        finally
        {
            emulator.Kill();
        }
    }

    [Fact]
    public void ParentProcessId_OfAProcessThatIsNotRunning_DoesNotStart()
    {
        using var gone = EmulatorProcess.Start("--no-such-option");
        Assert.True(gone.WaitForExit(StartTimeout));
        using var emulator = EmulatorProcess.Start("--urls", "http://127.0.0.1:0", "--parent-process-id", gone.Id.ToString(CultureInfo.InvariantCulture));
        try
        {
            Assert.True(emulator.WaitForExit(StartTimeout), "the emulator should not start for a parent that has ended");
            Assert.Equal(3, emulator.ExitCode);
            Assert.Contains("is not running", emulator.Errors);
        }
        finally
        {
            emulator.Kill();
        }
    }

    private static async Task<JsonElement> WaitForFileAsync(string path, EmulatorProcess emulator)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (!File.Exists(path))
        {
            Assert.False(emulator.HasExited, $"the emulator exited early: {emulator.Errors}");
            Assert.True(DateTime.UtcNow < deadline, "the ready file did not appear");
            await Task.Delay(100);
        }

        return JsonDocument.Parse(await File.ReadAllTextAsync(path)).RootElement.Clone();
    }

    /// <summary>The built emulator assembly run with the same dotnet host as the tests; output is drained as it comes.</summary>
    private sealed class EmulatorProcess : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();
        private readonly StringBuilder _errors = new();

        private EmulatorProcess(Process process) => _process = process;

        public bool HasExited => _process.HasExited;

        public int ExitCode => _process.ExitCode;

        public int Id => _process.Id;

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public string Errors
        {
            get
            {
                lock (_errors)
                {
                    return _errors.ToString();
                }
            }
        }

        public static EmulatorProcess Start(params string[] args)
        {
            var assembly = Path.Combine(AppContext.BaseDirectory, "IoTCentral.Emulator.dll");
            Assert.True(File.Exists(assembly), $"{assembly} is missing");
            var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h ? h : Environment.ProcessPath!;
            var info = new ProcessStartInfo(host)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.ArgumentList.Add(assembly);
            foreach (var arg in args)
            {
                info.ArgumentList.Add(arg);
            }

            var emulator = new EmulatorProcess(new Process { StartInfo = info });
            emulator._process.OutputDataReceived += (_, e) => Append(emulator._output, e.Data);
            emulator._process.ErrorDataReceived += (_, e) => Append(emulator._errors, e.Data);
            emulator._process.Start();
            emulator._process.BeginOutputReadLine();
            emulator._process.BeginErrorReadLine();
            return emulator;
        }

        public bool WaitForExit(TimeSpan timeout)
        {
            if (!_process.WaitForExit(timeout))
            {
                return false;
            }

            _process.WaitForExit(); // flush redirected output
            return true;
        }

        public void Kill()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.WaitForExit();
        }

        public void Dispose()
        {
            Kill();
            _process.Dispose();
        }

        private static void Append(StringBuilder builder, string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (builder)
            {
                builder.AppendLine(line);
            }
        }
    }
}
