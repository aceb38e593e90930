using System.Globalization;
using IoTCentral.Emulator.Load;

namespace IoTCentral.Emulator.Hosting;

/// <summary>The parsed command line of the emulator executable.</summary>
internal sealed record CommandLine(EmulatorOptions Options, string? ReadyFile, bool ShowHelp, string? ExportCertificate = null, int? ParentProcessId = null)
{
    public const string Usage = """
        IoT Central emulator: a local stand-in for the Azure IoT Central data-plane REST API.

        Usage: iotcentral-emulator [options]   (from a clone: dotnet run --project src/IoTCentral.Emulator -- [options])

          --urls URL[;URL]     where to listen (default http://127.0.0.1:5180; port 0 picks a free port)
          --page-size N        items per page of every list (default 100)
          --data-dir DIR       keep the state in DIR/state.db across restarts (default: in memory)
          --ready-file PATH    once listening, write {"applicationUrl": ..., "adminApiToken": ..., "authorityHost": ...} to PATH
          --https              serve the application over https with the emulator's self-signed certificate
          --export-cert PATH   write that certificate (public part) to PATH: PEM for .pem/.crt, DER otherwise (.cer)
          --authority-url URL  where the token service listens (default https://127.0.0.1:5181,
                               a free port when --urls is given)
          --managed-identity-url URL
                               where the managed-identity endpoint listens (default http://127.0.0.1:5182,
                               a free port when --urls is given)
          --management-url URL where the management endpoint (Azure Resource Manager stand-in) listens
                               (default https://127.0.0.1:5183, a free port when --urls is given)
          --management-operation-polls N
                               polls a create/update/delete answers InProgress before Succeeded (default 1)
          --identities FILE    register the identities FILE lists (default: DIR/identities.json with --data-dir)
          --token-lifetime MIN access token lifetime in minutes (default 60)
          --parent-process-id PID
                               exit when process PID ends (a test or script that starts the emulator)
          --rate-limit N       accept at most N API requests per second (all callers together); more get
                               429 with Retry-After (default: no limit)
          --faults SPEC        inject faults into API requests, e.g.
                               seed=42,429=0.05,500=0.02,503=0.02,reset=0.02,truncate=0.02,delay=0.05:200ms
          -h, --help           show this help
        """;

    /// <summary>Parses <c>--name value</c> and <c>--name=value</c>; throws <see cref="FormatException"/> on bad input.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var options = new EmulatorOptions { Urls = EmulatorDefaults.DefaultUrl };
        string? authorityUrls = null;
        string? managedIdentityUrls = null;
        string? managementUrls = null;
        string? readyFile = null;
        string? exportCertificate = null;
        int? parentProcessId = null;
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = Split(args[i]);
            string Value() => inlineValue ?? (++i < args.Count ? args[i] : throw new FormatException($"Option '{name}' needs a value."));
            switch (name)
            {
                case "-h" or "--help" or "-?":
                    return new CommandLine(options, readyFile, true, exportCertificate);
                case "--urls":
                    options.Urls = Value();
                    break;
                case "--page-size":
                    var text = Value();
                    options.PageSize = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size >= 1
                        ? size
                        : throw new FormatException($"--page-size must be a positive integer, not '{text}'.");
                    break;
                case "--data-dir":
                    options.DataDir = Value();
                    break;
                case "--ready-file":
                    readyFile = Value();
                    break;
                case "--https":
                    options.Https = true;
                    break;
                case "--export-cert":
                    exportCertificate = Value();
                    break;
                case "--authority-url":
                    authorityUrls = Value();
                    break;
                case "--managed-identity-url":
                    managedIdentityUrls = Value();
                    break;
                case "--management-url":
                    managementUrls = Value();
                    break;
                case "--management-operation-polls":
                    var polls = Value();
                    options.ManagementOperationPolls = int.TryParse(polls, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p <= 100
                        ? p
                        : throw new FormatException($"--management-operation-polls must be a number from 0 to 100, not '{polls}'.");
                    break;
                case "--identities":
                    options.IdentitiesFile = Value();
                    break;
                case "--token-lifetime":
                    var minutes = Value();
                    options.AccessTokenLifetime = int.TryParse(minutes, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 1440
                        ? TimeSpan.FromMinutes(m)
                        : throw new FormatException($"--token-lifetime must be a number of minutes from 1 to 1440, not '{minutes}'.");
                    break;
                case "--parent-process-id":
                    var pid = Value();
                    parentProcessId = int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
                        ? id
                        : throw new FormatException($"--parent-process-id must be a process id, not '{pid}'.");
                    break;
                case "--rate-limit":
                    var rate = Value();
                    options.RateLimit = double.TryParse(rate, NumberStyles.Float, CultureInfo.InvariantCulture, out var perSecond) && perSecond > 0 && !double.IsInfinity(perSecond)
                        ? perSecond
                        : throw new FormatException($"--rate-limit must be a positive number of requests per second, not '{rate}'.");
                    break;
                case "--faults":
                    var spec = Value();
                    FaultPlan.Parse(spec);
                    options.Faults = spec;
                    break;
                default:
                    throw new FormatException($"Unknown option '{args[i]}'.");
            }
        }

        // The well-known ports go with the well-known application URL; an emulator moved elsewhere (tests use port 0)
        // must not collide with another one on 5181/5182, so its token service and identity endpoint take free ports.
        var wellKnown = options.Urls == EmulatorDefaults.DefaultUrl;
        options.AuthorityUrls = authorityUrls ?? (wellKnown ? EmulatorDefaults.DefaultAuthorityUrl : "https://127.0.0.1:0");
        options.ManagedIdentityUrls = managedIdentityUrls ?? (wellKnown ? EmulatorDefaults.DefaultManagedIdentityUrl : "http://127.0.0.1:0");
        options.ManagementUrls = managementUrls ?? (wellKnown ? EmulatorDefaults.DefaultManagementUrl : "https://127.0.0.1:0");
        return new CommandLine(options, readyFile, false, exportCertificate, parentProcessId);
    }

    private static (string Name, string? Value) Split(string arg)
    {
        var equals = arg.IndexOf('=');
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }
}
