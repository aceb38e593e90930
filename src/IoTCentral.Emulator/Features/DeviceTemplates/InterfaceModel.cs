namespace IoTCentral.Emulator.Features.DeviceTemplates;

/// <summary>
/// The capabilities of one DTDL interface after <c>extends</c> is flattened, and its components (only the
/// device's and a module's root interfaces have components).
/// </summary>
internal sealed record InterfaceModel(
    IReadOnlyDictionary<string, Capability> Capabilities,
    IReadOnlyDictionary<string, ComponentModel> Components)
{
    public IEnumerable<T> All<T>()
        where T : Capability => Capabilities.Values.OfType<T>();

    public T? Find<T>(string name)
        where T : Capability => Capabilities.GetValueOrDefault(name) as T;
}
