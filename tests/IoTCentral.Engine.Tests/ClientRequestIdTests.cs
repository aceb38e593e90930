using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using IoTCentral.Engine.Internal;
using IoTCentral.Engine.Tests.Support;
using Xunit;

namespace IoTCentral.Engine.Tests;

/// <summary>x-ms-client-request-id: one per logical request, the same on each of its retries, unique in the process.</summary>
public class ClientRequestIdTests
{
    [Fact]
    public async Task Each_request_gets_its_own_id_and_a_retry_keeps_it()
    {
        var handler = FakeHandler.Sequence(
            () => FakeHandler.Json(HttpStatusCode.ServiceUnavailable, "{\"error\":{\"code\":\"ServiceUnavailable\",\"message\":\"busy\"}}"),
            () => FakeHandler.Json(HttpStatusCode.OK, "{\"value\":[]}"),
            () => FakeHandler.Json(HttpStatusCode.OK, "{\"value\":[]}"));
        using var client = TestClients.WithApiToken(handler);

        await client.Roles.ListAsync(null, CancellationToken.None);
        await client.Roles.ListAsync(null, CancellationToken.None);

        var ids = handler.Requests.Select(r => r.Headers["x-ms-client-request-id"]).ToArray();
        Assert.Equal(3, ids.Length);
        Assert.Equal(ids[0], ids[1]);
        Assert.NotEqual(ids[1], ids[2]);
    }

    [Fact]
    public void Ids_are_version_8_uuids_unique_across_threads()
    {
        var ids = Enumerable.Range(0, 8)
            .AsParallel()
            .SelectMany(_ => Enumerable.Range(0, 5000).Select(_ => ClientRequestIds.Next()).ToArray())
            .ToArray();

        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
        foreach (var id in ids.Take(100))
        {
            var text = Guid.Parse(id).ToString();
            Assert.Equal('8', text[14]);
            Assert.Contains(text[19], "89ab");
        }
    }
}
