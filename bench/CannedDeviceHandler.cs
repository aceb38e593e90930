using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace IoTCentralBench
{
    /// <summary>
    /// Answers every request at once with a device, headers as the emulator sends them: the in-memory answer of the
    /// benchmarks that time each side's own work with no network (bench/IoTCentral.Benchmarks and
    /// bench/Measure-InMemoryCall.ps1).
    /// </summary>
    public sealed class CannedDeviceHandler : HttpMessageHandler
    {
        /// <summary>The etag of the canned device, so a caller can check that it read this answer.</summary>
        public const string ETag = "7a8b0757c9e54b05a1d18b4563c3e920";

        private static readonly byte[] Body = System.Text.Encoding.UTF8.GetBytes(
            "{\"id\":\"bench-one\",\"etag\":\"" + ETag + "\",\"displayName\":\"bench-one\",\"enabled\":true,\"provisioned\":false,\"simulated\":false}");

        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(Body);
            content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
            response.Headers.TryAddWithoutValidation("x-ms-request-id", "c27de49b-b6cd-4da9-8097-8d502ac10e07");
            if (request.Headers.TryGetValues("x-ms-client-request-id", out var ids))
            {
                response.Headers.TryAddWithoutValidation("x-ms-client-request-id", ids);
            }

            return response;
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(Send(request, cancellationToken));
    }
}
