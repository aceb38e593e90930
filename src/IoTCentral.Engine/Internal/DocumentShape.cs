using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
using System.Text.Json.Nodes;
using IoTCentral.Engine.Json;
using IoTCentral.Shared;

namespace IoTCentral.Engine.Internal;

/// <summary>
/// Checks a dashboard or deployment manifest body against the preview spec's definition before it is sent, by the
/// same rules the emulator applies on arrival (<see cref="SpecShape"/>).
/// </summary>
internal static class DocumentShape
{
    /// <summary>
    /// The problems of <paramref name="body"/>. A merge patch (<paramref name="patch"/>) need not repeat the required
    /// members it leaves alone, so they are stood in for before the check; removing one (null) is a problem.
    /// Arrays replace whole under a merge patch, so what a patch gives is checked in full.
    /// </summary>
    public static IReadOnlyList<string> Problems(string definition, IDictionary body, IReadOnlyDictionary<string, object> required, bool patch)
    {
        var problems = new List<string>();
        var checkedBody = new OrderedDictionary(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in body)
        {
            var name = entry.Key as string ?? Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
            if (entry.Value is null && patch)
            {
                if (required.ContainsKey(name))
                {
                    problems.Add($"Property '{name}' is required and cannot be removed.");
                }

                continue;
            }

            checkedBody[name] = entry.Value;
        }

        if (patch)
        {
            foreach (var pair in required.Where(p => !checkedBody.Contains(p.Key)))
            {
                checkedBody[pair.Key] = pair.Value;
            }
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(JsonTreeWriter.ToUtf8(checkedBody));
        }
        catch (ArgumentException e)
        {
            problems.Add(e.Message);
            return problems;
        }

        problems.AddRange(SpecShape.Preview.Check(definition, node, out _));
        return problems;
    }
}
