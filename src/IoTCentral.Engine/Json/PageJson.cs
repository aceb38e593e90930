using System;
using System.Collections.Generic;
using System.Text.Json;

namespace IoTCentral.Engine.Json;

internal static class PageJson
{
    /// <summary>Reads a collection body: { "value": [...], "nextLink": "absolute URL" }.</summary>
    public static Page<T> Read<T>(JsonElement element, Func<JsonElement, T> readItem)
    {
        var items = new List<T>();
        if (element.GetArray("value") is { } array)
        {
            foreach (var item in array.EnumerateArray())
            {
                items.Add(readItem(item));
            }
        }

        return new Page<T>(items, element.GetString("nextLink"));
    }
}
