namespace IoTCentral.Emulator.Http;

/// <summary>A page of a list: the spec's <c>{"value":[...],"nextLink":"..."}</c>; nextLink only when more remain.</summary>
internal sealed record CollectionResponse<T>(IReadOnlyList<T> Value, string? NextLink);
