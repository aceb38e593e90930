using System.Globalization;

namespace IoTCentral.Emulator.Hosting;

/// <summary>The parsed command line of the emulator executable.</summary>
internal sealed record CommandLine(EmulatorOptions Options, string? ReadyFile, bool ShowHelp)
{
    public const string Usage = """
        IoT Central emulator: a local stand-in for the Azure IoT Central data-plane REST API.

        Usage: IoTCentral.Emulator [options]

          --urls URL[;URL]     where to listen (default http://127.0.0.1:5180; port 0 picks a free port)
          --page-size N        items per page of every list (default 100)
          --data-dir DIR       keep the state in DIR/state.json across restarts (default: in memory)
          --ready-file PATH    once listening, write {"applicationUrl": ..., "adminApiToken": ...} to PATH
          -h, --help           show this help
        """;

    /// <summary>Parses <c>--name value</c> and <c>--name=value</c>; throws <see cref="FormatException"/> on bad input.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var options = new EmulatorOptions { Urls = EmulatorDefaults.DefaultUrl };
        string? readyFile = null;
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = Split(args[i]);
            string Value() => inlineValue ?? (++i < args.Count ? args[i] : throw new FormatException($"Option '{name}' needs a value."));
            switch (name)
            {
                case "-h" or "--help" or "-?":
                    return new CommandLine(options, readyFile, true);
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
                default:
                    throw new FormatException($"Unknown option '{args[i]}'.");
            }
        }

        return new CommandLine(options, readyFile, false);
    }

    private static (string Name, string? Value) Split(string arg)
    {
        var equals = arg.IndexOf('=');
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }
}
