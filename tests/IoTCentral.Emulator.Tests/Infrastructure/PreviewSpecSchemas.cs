namespace IoTCentral.Emulator.Tests.Infrastructure;

/// <summary>The strict schemas of the preview spec (iotcentral-2022-10-31-preview.json), for preview-only operations.</summary>
public static class PreviewSpecSchemas
{
    public const string SpecFileName = "iotcentral-2022-10-31-preview.json";

    private static readonly Lazy<Task<NJsonSchema.JsonSchema>> Root = new(() =>
        SpecSchemas.LoadStrictAsync(Path.Combine(Path.GetDirectoryName(SpecSchemas.SpecPath)!, SpecFileName), null));

    public static async Task AssertValidAsync(string definition, string json)
    {
        var root = await Root.Value;
        var schema = root.Definitions.TryGetValue(definition, out var found)
            ? found
            : throw new ArgumentException($"The preview spec has no definition '{definition}'.", nameof(definition));
        var errors = schema.Validate(json).Select(e => e.ToString()).ToList();
        Assert.True(errors.Count == 0, $"Response does not match the preview's #/definitions/{definition}:\n{string.Join("\n", errors)}\nBody: {json}");
    }
}
