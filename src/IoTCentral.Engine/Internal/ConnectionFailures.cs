using System;
using System.Net.Sockets;
using System.Security.Authentication;

namespace IoTCentral.Engine.Internal;

/// <summary>
/// Connection failures that a retry cannot cure: nothing listens on the port, the host name does not exist, or the
/// server's certificate is not trusted. Waiting through four back-offs for them only hides the cause for half a minute.
/// </summary>
internal static class ConnectionFailures
{
    public static bool IsPermanent(Exception exception) => Kind(exception) != FailureKind.Other;

    /// <summary>What the user can do about a permanent failure; null for any other.</summary>
    public static string? Hint(Exception exception) => Kind(exception) switch
    {
        FailureKind.Refused => "nothing accepts connections there; check the application URL (is the emulator running?)",
        FailureKind.UnknownHost => "the host name does not exist; check the subdomain or application URL",
        FailureKind.Tls => "the TLS connection failed, usually because the server's certificate is not trusted; for the emulator's https, pass its certificate with Connect-IoTCentral -TrustedServerCertificate",
        _ => null,
    };

    private static FailureKind Kind(Exception exception)
    {
        for (var current = exception; current is not null; current = Next(current))
        {
            switch (current)
            {
                case AuthenticationException:
                    return FailureKind.Tls;
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                    return FailureKind.Refused;
                case SocketException { SocketErrorCode: SocketError.HostNotFound }:
                    return FailureKind.UnknownHost;
            }
        }

        return FailureKind.Other;
    }

    // Retries wrap each attempt's failure in an AggregateException; the last attempt is the one that counts.
    private static Exception? Next(Exception exception) =>
        exception is AggregateException { InnerExceptions.Count: > 0 } aggregate
            ? aggregate.InnerExceptions[aggregate.InnerExceptions.Count - 1]
            : exception.InnerException;

    private enum FailureKind
    {
        Other,
        Refused,
        UnknownHost,
        Tls,
    }
}
