using IoTCentral.Emulator.Features.DeviceTemplates;

namespace IoTCentral.Emulator.Features.DeviceData.Simulation;

/// <summary>Seeds of a simulated device's values: one per device and capability path, stable across runs.</summary>
internal static class SimulatedDevice
{
    public static ulong Seed(string deviceId, DeviceLevel level, string name) => SeededRandom.Seed($"{deviceId}|{level.PathOf(name)}");

    /// <summary>The seed of a command's response: per device, command and invocation.</summary>
    public static ulong CommandSeed(string deviceId, DeviceLevel level, string name, string invocationId) =>
        SeededRandom.Seed(Seed(deviceId, level, name), invocationId);
}
