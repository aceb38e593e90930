using System.Text.Json.Nodes;

namespace IoTCentral.Emulator.Http;

/// <summary>JSON merge-patch (RFC 7386): objects merge member by member, null removes a member, anything else replaces.</summary>
internal static class JsonMergePatch
{
    /// <summary>The patched document; neither argument is changed.</summary>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject targetObject ? targetObject.DeepClone().AsObject() : new JsonObject();
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                result[name] = Apply(result[name], value);
            }
        }

        return result;
    }
}
