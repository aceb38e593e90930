using System;
using System.Text;

namespace IoTCentral.Engine;

/// <summary>Percent-encodes one URL path segment.</summary>
public static class PathSegment
{
    /// <summary>
    /// Escapes everything except RFC 3986 unreserved characters, so ids such as the DTMI
    /// dtmi:contoso:x;1 travel as one segment (dtmi%3Acontoso%3Ax%3B1) and never change the path.
    /// </summary>
    public static string Escape(string value)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException("An id cannot be empty.", nameof(value));
        }

        // Dot segments would be collapsed by URL normalization and address a different resource.
        if (value == "." || value == "..")
        {
            throw new ArgumentException($"'{value}' is not a valid id.", nameof(value));
        }

        var builder = new StringBuilder(value.Length * 2);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (IsUnreserved(c))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2"));
            }
        }

        return builder.ToString();
    }

    private static bool IsUnreserved(char c) =>
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
}
