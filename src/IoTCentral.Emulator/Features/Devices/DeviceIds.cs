namespace IoTCentral.Emulator.Features.Devices;

/// <summary>IoT Hub's device id rule: 1 to 128 of <c>A-Z a-z 0-9 - . + % _ # * ? ! ( ) , : = @ $ '</c>.</summary>
internal static class DeviceIds
{
    public const int MaxLength = 128;
    private const string Punctuation = "-.+%_#*?!(),:=@$'";

    public static bool IsValid(string id) =>
        id.Length is >= 1 and <= MaxLength && id.All(c => char.IsAsciiLetterOrDigit(c) || Punctuation.Contains(c));

    public static string Rule => $"1 to {MaxLength} ASCII letters, digits or any of {Punctuation}";
}
