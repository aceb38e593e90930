using System;
using System.Collections.Generic;

namespace IoTCentral.Engine;

/// <summary>One page of a list; pass <see cref="NextLink"/> back to the list operation for the next one.</summary>
public sealed class Page<T>
{
    public Page(IReadOnlyList<T> items, string? nextLink)
    {
        Items = items ?? throw new ArgumentNullException(nameof(items));
        NextLink = string.IsNullOrEmpty(nextLink) ? null : nextLink;
    }

    public IReadOnlyList<T> Items { get; }

    public string? NextLink { get; }
}
