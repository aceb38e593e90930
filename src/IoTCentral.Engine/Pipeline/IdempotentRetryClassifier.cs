using System;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using Azure;
using Azure.Core;
using IoTCentral.Engine.Internal;

namespace IoTCentral.Engine.Pipeline;

/// <summary>
/// Which failed attempts Azure.Core's retry policy repeats: a 429 always (the service did not process the request);
/// other transient statuses, time-outs and broken connections when <see cref="RetryPermission"/> allows the request to
/// be repeated; never a connection that cannot succeed on a second try (refused, unknown host, TLS failure).
/// </summary>
internal sealed class IdempotentRetryClassifier : ResponseClassifier
{
    public static readonly IdempotentRetryClassifier Instance = new();

    public override bool IsRetriableResponse(HttpMessage message) =>
        message.Response.Status == 429 || (IsTransientStatus(message.Response.Status) && RetryPermission.IsAllowed(message));

    public override bool IsRetriable(HttpMessage message, Exception exception) =>
        !ConnectionFailures.IsPermanent(exception) && RetryPermission.IsAllowed(message) && base.IsRetriable(message, exception);

    public override bool IsRetriableException(Exception exception) =>
        base.IsRetriableException(exception)
        || exception is IOException or HttpRequestException or SocketException
        || (exception is RequestFailedException { Status: 0 });

    internal static bool IsTransientStatus(int status) =>
        status is 408 or 429 or 500 or 502 or 503 or 504;
}
