namespace IoTCentral.Emulator.Features.DeviceData.Simulation;

/// <summary>
/// Stateless, deterministic pseudo-randomness: a value depends only on a seed (from a stable hash of text such as a
/// device id and a capability path) and a slot number. So simulated data needs no storage and no background thread,
/// is the same on every run and in every process, and a test with a fake clock sees fixed values.
/// (<see cref="string.GetHashCode()"/> is randomized per process, hence the own hash.)
/// </summary>
internal static class SeededRandom
{
    /// <summary>FNV-1a over the UTF-16 code units.</summary>
    public static ulong Seed(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    public static ulong Seed(ulong seed, string salt) => Mix(seed ^ Seed(salt));

    /// <summary>A value in [0, 1) for the slot.</summary>
    public static double Unit(ulong seed, long slot) => (Mix(seed + (ulong)slot * 0x9E3779B97F4A7C15UL) >> 11) * (1.0 / (1UL << 53));

    /// <summary>A whole number in [0, count) for the slot.</summary>
    public static int Index(ulong seed, long slot, int count) => (int)(Unit(seed, slot) * count);

    /// <summary>SplitMix64's finalizer.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
