using System.Collections.Generic;
using System.Collections.Specialized;
using System.Text.Json;

namespace IoTCentral.Engine.Json;

internal static class QueryJson
{
    public static byte[] Write(string query) => JsonTreeWriter.ToUtf8(new Dictionary<string, object?> { ["query"] = query });

    /// <summary>Reads QueryResponse { "results": [ {...}, ... ] }: each row an ordered dictionary of CLR values.</summary>
    public static IReadOnlyList<OrderedDictionary> Read(JsonElement element)
    {
        var rows = new List<OrderedDictionary>();
        if (element.GetArray("results") is { } results)
        {
            foreach (var item in results.EnumerateArray())
            {
                if (JsonTreeReader.ToClr(item) is OrderedDictionary row)
                {
                    rows.Add(row);
                }
            }
        }

        return rows;
    }
}
