using IoTCentral.Emulator.Features.DeviceTemplates;

namespace IoTCentral.Emulator.Features.DeviceData;

/// <summary>A property (or command) of a device: its level and name.</summary>
internal readonly record struct PropertyKey(DeviceLevel Level, string Name);
