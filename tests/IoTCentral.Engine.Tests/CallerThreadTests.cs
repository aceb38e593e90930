using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IoTCentral.Engine.Pipeline;
using IoTCentral.Engine.Tests.Support;
using IoTCentral.Models;
using Xunit;

// These tests are about callers that block on the engine's task, as a cmdlet does; blocking is the point here.
#pragma warning disable xUnit1031

namespace IoTCentral.Engine.Tests;

/// <summary>
/// A caller that blocks on its call (a cmdlet) gets the request sent on its own thread; everything a caller sees
/// (results, errors, retries, cancellation) is the same as on the asynchronous path.
/// </summary>
public class CallerThreadTests
{
    private const string RolesPage = "{\"value\":[{\"id\":\"r1\",\"displayName\":\"Operator\"}]}";

    [Fact]
    public void A_blocking_caller_gets_its_answer_before_the_call_returns()
    {
        using var server = new LoopbackServer(_ => RolesPage);
        using var client = RealTransportClient(server.Url);

        var call = StartAsBlockingCaller(client);

        // Sent, answered and read on this thread: the task is finished the moment the engine hands it back. (The test
        // server sends headers and body in one write; a body that came later would be read asynchronously.)
        Assert.True(call.IsCompleted);
        Assert.Equal("Operator", Assert.Single(call.Result.Items).DisplayName);
    }

    [Fact]
    public async Task Without_the_scope_the_same_call_still_works_asynchronously()
    {
        using var server = new LoopbackServer(_ => RolesPage);
        using var client = RealTransportClient(server.Url);

        var page = await client.Roles.ListAsync(null, CancellationToken.None);

        Assert.Equal("r1", Assert.Single(page.Items).Id);
    }

    [Fact]
    public void The_scope_ends_with_dispose_and_nests()
    {
        Assert.False(CallerThread.Blocks);
        using (CallerThread.BeginBlockingScope())
        {
            using (CallerThread.BeginBlockingScope())
            {
                Assert.True(CallerThread.Blocks);
            }

            Assert.True(CallerThread.Blocks);
            // Another thread (a real one: a pool task waited on here could run inline on this thread) is not in the scope.
            var elsewhere = true;
            var other = new Thread(() => elsewhere = CallerThread.Blocks);
            other.Start();
            other.Join();
            Assert.False(elsewhere);
        }

        Assert.False(CallerThread.Blocks);
    }

    [Fact]
    public void A_refused_connection_fails_the_same_way_on_the_callers_thread()
    {
        var url = new Uri($"http://127.0.0.1:{TestClients.ClosedPort()}");
        using var client = RealTransportClient(url);

        IoTCentralException error;
        using (CallerThread.BeginBlockingScope())
        {
            error = Assert.Throws<IoTCentralException>(() => client.Roles.ListAsync(null, CancellationToken.None).GetAwaiter().GetResult());
        }

        Assert.Equal("ServiceUnreachable", error.ErrorCode);
        Assert.Contains("nothing accepts connections there", error.Message);
    }

    [Fact]
    public void Dropped_connections_are_retried_for_a_blocking_caller_until_an_answer_comes()
    {
        // The first two connections are reset mid-request; a GET may be retried, so the third answers.
        using var server = new LoopbackServer(index => index < 2 ? null : RolesPage);
        using var client = RealTransportClient(server.Url, retries: 3);

        Page<Role> page;
        using (CallerThread.BeginBlockingScope())
        {
            page = client.Roles.ListAsync(null, CancellationToken.None).GetAwaiter().GetResult();
        }

        Assert.Equal("r1", Assert.Single(page.Items).Id);
        Assert.Equal(3, server.Connections);
    }

    [Fact]
    public void Cancelling_from_another_thread_stops_a_request_waiting_on_the_callers_thread()
    {
        using var answer = new ManualResetEventSlim();
        using var server = new LoopbackServer(_ =>
        {
            answer.Wait(TimeSpan.FromSeconds(30));
            return RolesPage;
        });
        using var client = RealTransportClient(server.Url);
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var started = DateTime.UtcNow;

        using (CallerThread.BeginBlockingScope())
        {
            Assert.ThrowsAny<OperationCanceledException>(() => client.Roles.ListAsync(null, stop.Token).GetAwaiter().GetResult());
        }

        answer.Set();
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20), "the cancelled request kept waiting for the server");
    }

    [Fact]
    public void A_body_that_arrives_after_its_headers_is_read_on_the_callers_thread_too()
    {
        using var server = new SplitAnswerServer(RolesPage, TimeSpan.FromMilliseconds(150));
        using var client = RealTransportClient(server.Url);

        var call = StartAsBlockingCaller(client);

        Assert.True(call.IsCompleted);
        Assert.Equal("r1", Assert.Single(call.Result.Items).Id);
    }

    [Fact]
    public void Cancelling_while_the_body_is_awaited_stops_the_read_on_the_callers_thread()
    {
        // Headers come at once; the body would come only after a minute.
        using var server = new SplitAnswerServer(RolesPage, TimeSpan.FromMinutes(1));
        using var client = RealTransportClient(server.Url);
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var started = DateTime.UtcNow;

        using (CallerThread.BeginBlockingScope())
        {
            Assert.ThrowsAny<OperationCanceledException>(() => client.Roles.ListAsync(null, stop.Token).GetAwaiter().GetResult());
        }

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20), "the cancelled read kept waiting for the body");
    }

    [Fact]
    public void A_request_with_a_body_still_goes_and_answers_for_a_blocking_caller()
    {
        using var server = new LoopbackServer(_ => "{\"id\":\"d1\",\"displayName\":\"One\",\"enabled\":true}");
        using var client = RealTransportClient(server.Url);

        Models.Device device;
        using (CallerThread.BeginBlockingScope())
        {
            device = client.Devices.CreateAsync(new Models.Device { Id = "d1", DisplayName = "One" }, CancellationToken.None).GetAwaiter().GetResult();
        }

        Assert.Equal("One", device.DisplayName);
        Assert.Equal(1, server.Connections);
    }

    [Fact]
    public async Task A_handler_without_a_synchronous_send_is_used_asynchronously()
    {
        // Only SendAsync is overridden, as in a handler written for netstandard2.0: its base Send throws NotSupportedException.
        using var handler = new CallerThreadHandler(new AsyncOnlyHandler());
        using var http = new HttpClient(handler);

        Task<HttpResponseMessage> call;
        using (CallerThread.BeginBlockingScope())
        {
            call = http.GetAsync("http://127.0.0.1:1/anything");
        }

        using var response = await call;
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static Task<Page<Role>> StartAsBlockingCaller(IoTCentralClient client)
    {
        using (CallerThread.BeginBlockingScope())
        {
            return client.Roles.ListAsync(null, CancellationToken.None);
        }
    }

    private static IoTCentralClient RealTransportClient(Uri url, int retries = 0) =>
        IoTCentralClient.CreateWithApiToken(
            new IoTCentralClientOptions
            {
                ApplicationUrl = url,
                RequestsPerSecond = 0,
                MaxRetries = retries,
                RetryDelay = TimeSpan.FromMilliseconds(5),
                MaxRetryDelay = TimeSpan.FromMilliseconds(20),
            },
            TestClients.Secure(TestClients.ApiToken));

    /// <summary>Sends the headers of a 200 answer at once and its body after <c>delay</c>.</summary>
    private sealed class SplitAnswerServer : LoopbackListener
    {
        private readonly byte[] _body;
        private readonly TimeSpan _delay;

        public SplitAnswerServer(string body, TimeSpan delay)
        {
            _body = System.Text.Encoding.UTF8.GetBytes(body);
            _delay = delay;
            StartAccepting();
        }

        public Uri Url => new($"http://127.0.0.1:{Port}");

        protected override async Task HandleAsync(System.Net.Sockets.TcpClient client)
        {
            using (client)
            {
                var stream = client.GetStream();
                var buffer = new byte[8192];
                var seen = string.Empty;
                while (!seen.Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await stream.ReadAsync(buffer);
                    if (read == 0)
                    {
                        return;
                    }

                    seen += System.Text.Encoding.ASCII.GetString(buffer, 0, read);
                }

                var head = $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {_body.Length}\r\nConnection: close\r\n\r\n";
                await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(head));
                await stream.FlushAsync();
                try
                {
                    await Task.Delay(_delay, new CancellationTokenSource(TimeSpan.FromMinutes(1)).Token);
                    await stream.WriteAsync(_body);
                }
                catch (Exception)
                {
                    // The client gave up first: nothing to answer.
                }
            }
        }
    }

    private sealed class AsyncOnlyHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Yield();
            return new HttpResponseMessage(HttpStatusCode.Accepted);
        }
    }
}
