using System.Text.RegularExpressions;

namespace IoTCentral.Emulator.Features.DeviceTemplates;

/// <summary>
/// DTDL v2's identifier rules: Digital Twin Model Identifiers (<c>dtmi:contoso:thermostat;1</c>) and element names.
/// </summary>
internal static partial class Dtmi
{
    public const int MaxLength = 2048;
    public const int MaxNameLength = 64;

    public const string Rule = "a DTMI such as 'dtmi:contoso:thermostat;1' (segments of letters, digits and '_' that start with a letter and do not end with '_', then ';' and a version from 1 to 999999999)";

    public const string NameRule = "1 to 64 letters, digits or '_', starting with a letter and not ending with '_'";

    public static bool IsValid(string? id) => id is { Length: <= MaxLength } && IdPattern().IsMatch(id);

    public static bool IsValidName(string? name) => name is { Length: >= 1 and <= MaxNameLength } && NamePattern().IsMatch(name);

    [GeneratedRegex(@"^dtmi:[A-Za-z](?:[A-Za-z0-9_]*[A-Za-z0-9])?(?::[A-Za-z](?:[A-Za-z0-9_]*[A-Za-z0-9])?)*;[1-9][0-9]{0,8}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[A-Za-z](?:[A-Za-z0-9_]*[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
