using IoTCentral.Emulator.Auth.Scope;
using System.Buffers.Text;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;

namespace IoTCentral.Emulator.Http;

/// <summary>
/// Pages every list the same way: items ordered by id (ordinal), <see cref="EmulatorSettings.PageSize"/> per page,
/// and an absolute <c>nextLink</c> that carries api-version and a continuation token (the last id returned, so
/// paging returns each item once even while items are added or removed).
/// </summary>
internal sealed class Paging(EmulatorSettings settings)
{
    public const string ContinuationTokenQueryName = "continuationToken";
    public const string MaxPageSizeQueryName = "maxpagesize";

    private static readonly string[] CarriedQueryNames = ["filter", "orderby"];

    private static readonly IComparer<string> DescendingOrdinal = Comparer<string>.Create((a, b) => string.CompareOrdinal(b, a));

    /// <summary>
    /// A page of a stored collection: <paramref name="fetch"/> returns up to the given number of items whose ids
    /// follow the given id (ordinal order), the way <see cref="State.RecordIndex{T}.After"/> does, so a page costs
    /// the same however many items there are.
    /// </summary>
    public CollectionResponse<TOut> Page<TItem, TOut>(HttpContext context, Func<string?, int, IReadOnlyList<TItem>> fetch, Func<TItem, string> id, Func<TItem, TOut> map)
    {
        // Every list shows only what the caller's organizations cover; records no organization owns pass.
        var scope = OrganizationScope.Current;
        if (!scope.IsApplicationWide)
        {
            fetch = Admitted(fetch, id, scope);
        }

        var query = context.Request.Query;
        var after = DecodeContinuationToken(query[ContinuationTokenQueryName]);
        var (pageSize, maxPageSize) = EffectivePageSize(query[MaxPageSizeQueryName]);

        // One more than a page tells whether there is a next page.
        var items = fetch(after, pageSize + 1);
        var count = Math.Min(items.Count, pageSize);
        var page = new List<TOut>(count);
        for (var i = 0; i < count; i++)
        {
            page.Add(map(items[i]));
        }

        var nextLink = items.Count > pageSize ? BuildNextLink(context, id(items[count - 1]), maxPageSize) : null;
        return new CollectionResponse<TOut>(page, nextLink);
    }

    /// <summary>
    /// A page of a list that takes the preview's <c>filter</c> and <c>orderby</c> (see <see cref="ListOptions{T}"/>).
    /// With neither, the plain page: from <paramref name="fetch"/> (a stored collection's id index) when given, else
    /// from <paramref name="all"/>. With either, every item is read, filtered and ordered before paging.
    /// </summary>
    public CollectionResponse<TOut> Page<TItem, TOut>(HttpContext context, ListFields<TItem> fields, Func<IEnumerable<TItem>> all,
        Func<string?, int, IReadOnlyList<TItem>>? fetch, Func<TItem, TOut> map)
        where TItem : class
    {
        if (ListOptions<TItem>.From(context, fields) is { } options)
        {
            return Page(context, all().Where(options.Filter), options.Key, options.Descending ? DescendingOrdinal : StringComparer.Ordinal, map);
        }

        return fetch is null ? Page(context, all(), fields.Id, map) : Page(context, fetch, fields.Id, map);
    }

    /// <summary>A page of a small collection that is not stored in order (built-in roles, a device's command runs).</summary>
    public CollectionResponse<TOut> Page<TItem, TOut>(HttpContext context, IEnumerable<TItem> items, Func<TItem, string> id, Func<TItem, TOut> map) =>
        Page(context, items, id, StringComparer.Ordinal, map);

    /// <summary>
    /// A page in another order (a list's orderby): <paramref name="position"/> is an item's unique key in the order that
    /// <paramref name="order"/> defines, and the continuation token is the last position returned.
    /// </summary>
    public CollectionResponse<TOut> Page<TItem, TOut>(HttpContext context, IEnumerable<TItem> items, Func<TItem, string> position, IComparer<string> order, Func<TItem, TOut> map) =>
        Page(context, (after, take) => items
            .Where(item => after is null || order.Compare(position(item), after) > 0)
            .OrderBy(position, order)
            .Take(take)
            .ToList(), position, map);

    /// <summary>Fetches past the items the scope hides, so a page is as full as it would be without them.</summary>
    private static Func<string?, int, IReadOnlyList<TItem>> Admitted<TItem>(Func<string?, int, IReadOnlyList<TItem>> fetch, Func<TItem, string> id, OrganizationScope scope) =>
        (after, take) =>
        {
            var admitted = new List<TItem>(take);
            while (true)
            {
                var batch = fetch(after, take);
                foreach (var item in batch)
                {
                    if (scope.Admits(item))
                    {
                        admitted.Add(item);
                        if (admitted.Count == take)
                        {
                            return admitted;
                        }
                    }
                }

                if (batch.Count < take)
                {
                    return admitted;
                }

                after = id(batch[^1]);
            }
        };

    private (int PageSize, string? MaxPageSize) EffectivePageSize(Microsoft.Extensions.Primitives.StringValues values)
    {
        if (values.Count == 0)
        {
            return (settings.PageSize, null);
        }

        if (values.Count > 1 || !int.TryParse(values[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var max)
            || max is < 1 or > 100)
        {
            throw ApiException.BadRequest($"The '{MaxPageSizeQueryName}' query parameter must be an integer from 1 to 100.");
        }

        return (Math.Min(max, settings.PageSize), values[0]);
    }

    private static string? DecodeContinuationToken(Microsoft.Extensions.Primitives.StringValues values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        try
        {
            if (values.Count == 1 && !string.IsNullOrEmpty(values[0]))
            {
                return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(values[0]));
            }
        }
        catch (FormatException)
        {
        }

        throw ApiException.BadRequest($"The '{ContinuationTokenQueryName}' query parameter is not valid; follow nextLink as given.",
            ErrorCodes.InvalidContinuationToken);
    }

    private static string BuildNextLink(HttpContext context, string lastId, string? maxPageSize)
    {
        var request = context.Request;
        var query = new QueryBuilder
        {
            { ApiVersionMiddleware.QueryName, RequestContext.Of(context).ApiVersion ?? ApiVersions.Ga },
        };
        if (maxPageSize is not null)
        {
            query.Add(MaxPageSizeQueryName, maxPageSize);
        }

        // A list's own options (the preview's filter and orderby) hold for every page of it.
        foreach (var name in CarriedQueryNames)
        {
            if (request.Query.TryGetValue(name, out var value) && value.Count == 1)
            {
                query.Add(name, value[0]!);
            }
        }

        query.Add(ContinuationTokenQueryName, Base64Url.EncodeToString(Encoding.UTF8.GetBytes(lastId)));
        // The address this connection reached, not the Host header: a client must not be able to point the next
        // page (and the credential that follows it) at another host.
        var local = context.Connection.LocalIpAddress ?? System.Net.IPAddress.Loopback;
        var host = local.IsIPv4MappedToIPv6 ? local.MapToIPv4() : local;
        var authority = new HostString(host.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{host}]" : host.ToString(),
            context.Connection.LocalPort);
        return UriHelper.BuildAbsolute(request.Scheme, authority, request.PathBase, request.Path, query.ToQueryString());
    }
}
