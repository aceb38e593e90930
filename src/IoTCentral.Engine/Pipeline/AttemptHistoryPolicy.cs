using System;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Core.Pipeline;
using IoTCentral.Engine.Internal;

namespace IoTCentral.Engine.Pipeline;

/// <summary>
/// Records each attempt's outcome in the request's <see cref="AttemptHistory"/>, if it has one. First of the per-attempt
/// policies, so that a body cut off while being buffered or a network time-out counts as a lost answer.
/// </summary>
internal sealed class AttemptHistoryPolicy : HttpPipelinePolicy
{
    public static readonly AttemptHistoryPolicy Instance = new();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var history = AttemptHistory.Of(message);
        try
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        }
        catch (Exception) when (history is not null)
        {
            history.RecordLostAnswer();
            throw;
        }

        history?.RecordStatus(message.Response.Status);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var history = AttemptHistory.Of(message);
        try
        {
            ProcessNext(message, pipeline);
        }
        catch (Exception) when (history is not null)
        {
            history.RecordLostAnswer();
            throw;
        }

        history?.RecordStatus(message.Response.Status);
    }
}
