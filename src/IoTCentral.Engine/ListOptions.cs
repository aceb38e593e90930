using System;
using System.Collections.Generic;
using System.Globalization;

namespace IoTCentral.Engine;

/// <summary>
/// The server-side options that api-version 2022-10-31-preview adds to some lists (query parameters filter, orderby
/// and maxpagesize). A list given none of them is sent exactly as the GA list is; a list given any of them is sent
/// with the preview api-version, which is the only one that defines them.
/// </summary>
public sealed class ListOptions
{
    public const int MinPageSize = 1;

    /// <summary>The preview spec's maximum for maxpagesize.</summary>
    public const int MaxPageSizeLimit = 100;

    public ListOptions(string? filter, string? orderBy, int? maxPageSize)
    {
        if (maxPageSize is < MinPageSize or > MaxPageSizeLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPageSize), maxPageSize, $"The preview spec allows a page size from {MinPageSize} to {MaxPageSizeLimit}.");
        }

        Filter = filter;
        OrderBy = orderBy;
        MaxPageSize = maxPageSize;
    }

    /// <summary>Only a page size: the lists whose preview form takes maxpagesize and nothing else.</summary>
    public static ListOptions? PageSize(int? maxPageSize) => maxPageSize is null ? null : new ListOptions(null, null, maxPageSize);

    public string? Filter { get; }

    public string? OrderBy { get; }

    public int? MaxPageSize { get; }

    internal static bool IsEmpty(ListOptions? options) =>
        options is null || (options.Filter is null && options.OrderBy is null && options.MaxPageSize is null);

    /// <summary>The first page's path with the options as query parameters (a nextLink already carries them).</summary>
    internal string AppendTo(string path)
    {
        var query = new List<string>(3);
        if (Filter is not null)
        {
            query.Add("filter=" + Uri.EscapeDataString(Filter));
        }

        if (OrderBy is not null)
        {
            query.Add("orderby=" + Uri.EscapeDataString(OrderBy));
        }

        if (MaxPageSize is not null)
        {
            query.Add("maxpagesize=" + MaxPageSize.Value.ToString(CultureInfo.InvariantCulture));
        }

        return path + (path.IndexOf('?') < 0 ? "?" : "&") + string.Join("&", query);
    }
}
