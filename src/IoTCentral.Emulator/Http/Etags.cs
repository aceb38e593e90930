using Microsoft.Extensions.Primitives;

namespace IoTCentral.Emulator.Http;

/// <summary>
/// Optimistic concurrency shared by every resource with an <c>etag</c>: a new opaque value on every write, and an
/// <c>etag</c> in the body or an <c>If-Match</c> header (<c>*</c> or a list) that must match the current one (412).
/// </summary>
internal static class Etags
{
    public static string New() => Guid.NewGuid().ToString("N");

    /// <summary>412 unless <paramref name="bodyEtag"/> and <paramref name="ifMatch"/> (each when given) match <paramref name="current"/>;
    /// <paramref name="what"/> names the resource in messages ("device", "device template").</summary>
    public static void Check(string current, string? bodyEtag, StringValues ifMatch, string what)
    {
        if (bodyEtag is not null && bodyEtag != current)
        {
            throw ApiException.PreconditionFailed($"The etag '{bodyEtag}' does not match the {what}'s current etag '{current}'.");
        }

        var headerEtags = ifMatch.SelectMany(v => (v ?? string.Empty).Split(',')).Select(e => e.Trim().Trim('"')).Where(e => e.Length > 0).ToList();
        if (headerEtags.Count > 0 && !headerEtags.Any(e => e == "*" || e == current))
        {
            throw ApiException.PreconditionFailed($"If-Match does not match the {what}'s current etag '{current}'.");
        }
    }
}
