using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using IoTCentral.Engine.Internal;

namespace IoTCentral.Engine.Pipeline;

/// <summary>
/// Reports each attempt to the <see cref="RequestLog"/> sink: one verbose line per attempt, headers and bodies at
/// debug. Everything passes through <see cref="Redactor"/> first, and only what the caller will show is composed:
/// without debug output no header is listed and no body is parsed for redaction.
/// </summary>
internal sealed class RequestLoggingPolicy : HttpPipelinePolicy
{
    private const string RequestBodyProperty = "IoTCentral.RequestBody";

    public static void SetRequestBody(HttpMessage message, byte[] utf8) => message.SetProperty(RequestBodyProperty, utf8);

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (!RequestLog.IsEnabled)
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
            return;
        }

        WriteRequest(message);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            WriteFailure(message, e, started);
            throw;
        }

        WriteResponse(message, started);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (!RequestLog.IsEnabled)
        {
            ProcessNext(message, pipeline);
            return;
        }

        WriteRequest(message);
        var started = Stopwatch.GetTimestamp();
        try
        {
            ProcessNext(message, pipeline);
        }
        catch (Exception e)
        {
            WriteFailure(message, e, started);
            throw;
        }

        WriteResponse(message, started);
    }

    private static void WriteRequest(HttpMessage message)
    {
        if (!RequestLog.IsDebugEnabled)
        {
            return;
        }

        var text = new StringBuilder();
        text.Append("Request ").Append(Describe(message)).AppendLine();
        AppendHeaders(text, message.Request.Headers);
        if (message.TryGetProperty(RequestBodyProperty, out var body) && body is byte[] utf8)
        {
            text.Append(Redactor.Body(utf8));
        }

        RequestLog.Debug(text.ToString().TrimEnd());
    }

    private static void WriteResponse(HttpMessage message, long started)
    {
        var response = message.Response;
        RequestLog.Verbose(string.Format(CultureInfo.InvariantCulture, "{0} -> {1} ({2} ms)", Describe(message), response.Status, ElapsedMilliseconds(started)));
        if (!RequestLog.IsDebugEnabled)
        {
            return;
        }

        var text = new StringBuilder();
        text.Append("Response ").Append(response.Status).Append(' ').Append(response.ReasonPhrase).Append(" for ").Append(Describe(message)).AppendLine();
        AppendHeaders(text, response.Headers);
        text.Append(Redactor.Body(BufferedContent(response)));
        RequestLog.Debug(text.ToString().TrimEnd());
    }

    private static void WriteFailure(HttpMessage message, Exception e, long started)
    {
        RequestLog.Verbose(string.Format(
            CultureInfo.InvariantCulture,
            "{0} -> failed after {1} ms: {2}",
            Describe(message),
            ElapsedMilliseconds(started),
            Redactor.Text(ErrorMapper.Innermost(e).Message)));
    }

    internal static string Describe(HttpMessage message) =>
        message.Request.Method.Method + " " + Redactor.Url(message.Request.Uri.ToUri());

    private static void AppendHeaders(StringBuilder text, IEnumerable<HttpHeader> headers)
    {
        foreach (var header in headers)
        {
            text.Append("  ").Append(header.Name).Append(": ").Append(Redactor.Header(header.Name, header.Value)).AppendLine();
        }
    }

    private static ReadOnlyMemory<byte> BufferedContent(Response response)
    {
        // Only a buffered body can be read here without consuming the stream the caller is about to read.
        return response.ContentStream is System.IO.MemoryStream ? response.Content.ToMemory() : ReadOnlyMemory<byte>.Empty;
    }

    private static long ElapsedMilliseconds(long started) =>
        (long)((Stopwatch.GetTimestamp() - started) * 1000.0 / Stopwatch.Frequency);
}
