using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using IoTCentral.Engine.Internal;
using IoTCentral.Engine.Json;

namespace IoTCentral.Engine;

/// <summary>The device query language (POST /query), which exists only in the preview API.</summary>
public sealed class QueryOperations
{
    /// <summary>The api-version that has /query (spec: iotcentral-2022-10-31-preview.json, Query_Run).</summary>
    public const string ApiVersion = "2022-10-31-preview";

    private readonly RestClient _rest;

    internal QueryOperations(RestClient rest) => _rest = rest;

    /// <summary>
    /// Runs a query and returns its rows, each an ordered dictionary of CLR values (objects as OrderedDictionary,
    /// arrays as object?[], numbers as long or double). The API has no paging: one answer holds every row.
    /// </summary>
    public Task<IReadOnlyList<OrderedDictionary>> RunAsync(string query, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            throw new ArgumentException("A query is required.", nameof(query));
        }

        // A query only reads, so repeating it after a transient failure is safe even though it is a POST.
        return _rest.SendJsonAsync(RequestMethod.Post, "query", QueryJson.Write(query), RestClient.JsonContentType, ApiVersion, true, QueryJson.Read, ct);
    }
}
