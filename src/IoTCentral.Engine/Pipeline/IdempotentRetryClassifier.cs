using System;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using Azure;
using Azure.Core;

namespace IoTCentral.Engine.Pipeline;

/// <summary>Azure.Core's transient-failure rules, restricted to requests that <see cref="RetryPermission"/> allows to repeat.</summary>
internal sealed class IdempotentRetryClassifier : ResponseClassifier
{
    public static readonly IdempotentRetryClassifier Instance = new();

    public override bool IsRetriableResponse(HttpMessage message) =>
        IsTransientStatus(message.Response.Status) && RetryPermission.IsAllowed(message);

    public override bool IsRetriable(HttpMessage message, Exception exception) =>
        RetryPermission.IsAllowed(message) && base.IsRetriable(message, exception);

    public override bool IsRetriableException(Exception exception) =>
        base.IsRetriableException(exception)
        || exception is IOException or HttpRequestException or SocketException
        || (exception is RequestFailedException { Status: 0 });

    internal static bool IsTransientStatus(int status) =>
        status is 408 or 429 or 500 or 502 or 503 or 504;
}
