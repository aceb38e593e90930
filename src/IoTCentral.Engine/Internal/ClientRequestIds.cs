using System;
using System.Threading;

namespace IoTCentral.Engine.Internal;

/// <summary>
/// Values for x-ms-client-request-id, which lets a failed call be matched with the service's own logs. The id only
/// has to be unique, not unguessable: Guid.NewGuid asks the OS for cryptographic randomness on every request, a
/// system call that costs microseconds in a VM, so this draws 8 random bytes once per process and counts from there.
/// The result is an RFC 9562 version 8 (custom) UUID, so it never poses as a random version 4 one.
/// </summary>
internal static class ClientRequestIds
{
    private static readonly byte[] ProcessPrefix = Guid.NewGuid().ToByteArray();
    private static long _counter;

    public static string Next()
    {
        var count = Interlocked.Increment(ref _counter);
        var bytes = new byte[16];
        Buffer.BlockCopy(ProcessPrefix, 0, bytes, 0, 8);
        for (var i = 15; i >= 8; i--)
        {
            bytes[i] = (byte)count;
            count >>= 8;
        }

        // Guid stores its third group little-endian: byte 7 holds the version nibble, byte 8 the variant bits.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString();
    }
}
