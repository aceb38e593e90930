using System;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Azure;
using IoTCentral.Engine.Json;
using IoTCentral.Models;

namespace IoTCentral.Engine.Internal;

/// <summary>Turns a failed response or transport error into the one exception type scripts catch.</summary>
internal static class ErrorMapper
{
    public const string ServiceUnreachable = "ServiceUnreachable";

    /// <summary>Reads the service's error shape { "error": { code, message, requestId } }, falling back to headers and the status.</summary>
    public static IoTCentralException FromResponse(Response response, string request)
    {
        string? code = null;
        string? message = null;
        string? requestId = null;
        string? target = null;
        var details = new System.Collections.Generic.List<string>();
        var content = response.ContentStream is System.IO.MemoryStream ? response.Content.ToMemory() : ReadOnlyMemory<byte>.Empty;
        var text = string.Empty;
        if (!content.IsEmpty)
        {
            try
            {
                using var document = JsonDocument.Parse(content);
                var error = document.RootElement.GetObject("error");
                code = error?.GetString("code");
                message = error?.GetString("message");
                requestId = error?.GetString("requestId");

                // Azure Resource Manager's CloudError also names a target and lists details.
                target = error?.GetString("target");
                if (error?.GetArray("details") is { } list)
                {
                    foreach (var detail in list.EnumerateArray())
                    {
                        var detailTarget = detail.GetString("target");
                        details.Add(detail.GetString("code") + ": " + Redactor.Text(detail.GetString("message") ?? string.Empty) + (detailTarget is null ? string.Empty : " (" + detailTarget + ")"));
                    }
                }
            }
            catch (JsonException)
            {
                text = Encoding.UTF8.GetString(content.ToArray());
            }
        }

        code ??= Header(response, "x-ms-error-code");
        requestId ??= Header(response, "x-ms-request-id") ?? Header(response, "request-id");
        message ??= StatusMessage(response, text);

        return new IoTCentralException(response.Status, code, Redactor.Text(message), requestId)
        {
            Request = request,
            Target = target,
            Details = details.ToArray(),
        };
    }

    public static IoTCentralException FromTransportFailure(Exception exception, Uri target, string request, TimeSpan networkTimeout)
    {
        var cause = LastAttempt(exception) is OperationCanceledException
            ? string.Format(CultureInfo.InvariantCulture, "no response within {0:0.#} s", networkTimeout.TotalSeconds)
            : Innermost(exception).Message;
        var hint = ConnectionFailures.Hint(exception);
        if (hint is not null)
        {
            cause = cause.TrimEnd('.') + "; " + hint;
        }

        var message = string.Format(
            CultureInfo.InvariantCulture,
            "Could not reach the IoT Central application at {0}: {1}",
            target.GetLeftPart(UriPartial.Authority),
            Redactor.Text(cause));
        return new IoTCentralException(0, ServiceUnreachable, message, null, exception)
        {
            Request = request,
        };
    }

    /// <summary>The failure of the final attempt; after retries Azure.Core wraps every attempt's failure in one AggregateException.</summary>
    public static Exception LastAttempt(Exception exception) =>
        exception is AggregateException { InnerExceptions.Count: > 0 } aggregate
            ? LastAttempt(aggregate.InnerExceptions[aggregate.InnerExceptions.Count - 1])
            : exception;

    /// <summary>The root cause; retries wrap each attempt's failure in an AggregateException and transports wrap the socket error.</summary>
    public static Exception Innermost(Exception exception)
    {
        var current = exception;
        while (true)
        {
            if (current is AggregateException aggregate && aggregate.InnerExceptions.Count > 0)
            {
                current = aggregate.InnerExceptions[aggregate.InnerExceptions.Count - 1];
            }
            else if (current.InnerException is not null)
            {
                current = current.InnerException;
            }
            else
            {
                return current;
            }
        }
    }

    private static string StatusMessage(Response response, string text)
    {
        var reason = string.IsNullOrEmpty(response.ReasonPhrase) ? ((HttpStatusCode)response.Status).ToString() : response.ReasonPhrase;
        var message = string.Format(CultureInfo.InvariantCulture, "The service returned {0} ({1}).", response.Status, reason);
        var snippet = OneLine(text, 200);
        return snippet.Length == 0 ? message : message + " " + snippet;
    }

    private static string OneLine(string text, int maxLength)
    {
        var collapsed = string.Join(" ", text.Split(new[] { ' ', '\r', '\n', '\t' }, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length <= maxLength ? collapsed : collapsed.Substring(0, maxLength) + "...";
    }

    private static string? Header(Response response, string name) =>
        response.Headers.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;
}
