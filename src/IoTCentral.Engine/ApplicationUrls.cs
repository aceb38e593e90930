using System;
using System.Text.RegularExpressions;

namespace IoTCentral.Engine;

/// <summary>Builds application URLs from the parts users know (the subdomain they chose in the portal).</summary>
public static class ApplicationUrls
{
    private static readonly Regex DnsLabel = new("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static Uri FromSubdomain(string subdomain, string baseDomain = "azureiotcentral.com")
    {
        if (string.IsNullOrWhiteSpace(subdomain) || !DnsLabel.IsMatch(subdomain))
        {
            throw new ArgumentException(
                $"'{subdomain}' is not a valid application subdomain: use 1 to 63 letters, digits or hyphens, not starting or ending with a hyphen (for https://contoso.azureiotcentral.com the subdomain is 'contoso').",
                nameof(subdomain));
        }

        if (!IsHostName(baseDomain))
        {
            throw new ArgumentException(
                $"'{baseDomain}' is not a valid base domain: give a host name such as 'azureiotcentral.com', without scheme, port or path.",
                nameof(baseDomain));
        }

        return new Uri("https://" + subdomain.ToLowerInvariant() + "." + baseDomain.ToLowerInvariant() + "/");
    }

    /// <summary>
    /// Whether two URLs name one application: scheme, host and port compare as the web does (case-insensitive,
    /// default ports implied) and a trailing slash or the path of an API call does not matter.
    /// </summary>
    public static bool SameApplication(Uri first, Uri second)
    {
        if (!first.IsAbsoluteUri || !second.IsAbsoluteUri)
        {
            return false;
        }

        return Uri.Compare(first, second, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
    }

    private static bool IsHostName(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value!.Length > 253)
        {
            return false;
        }

        var labels = value.Split('.');
        if (labels.Length < 2)
        {
            return false;
        }

        foreach (var label in labels)
        {
            if (!DnsLabel.IsMatch(label))
            {
                return false;
            }
        }

        return true;
    }
}
