using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace IoTCentral.Engine.Tests.Support;

/// <summary>
/// A real HTTP/1.1 server on 127.0.0.1 for failures a fake handler cannot produce, such as a connection reset
/// mid-request. <c>respond</c> gets the connection number and returns a JSON body, or null to drop the connection.
/// It stops on Dispose, and on its own after a minute.
/// </summary>
public sealed class LoopbackServer : LoopbackListener
{
    private readonly Func<int, string?> _respond;
    private int _connections;

    public LoopbackServer(Func<int, string?> respond)
    {
        _respond = respond;
        StartAccepting();
    }

    public Uri Url => new($"http://127.0.0.1:{Port}");

    public int Connections => Volatile.Read(ref _connections);

    protected override Task HandleAsync(TcpClient client) => ServeAsync(client);

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var index = Interlocked.Increment(ref _connections) - 1;
            var stream = client.GetStream();
            await ReadHeadersAsync(stream);
            var body = _respond(index);
            if (body is null)
            {
                // Linger 0 makes Close send a TCP reset: the client sees the connection torn down mid-request.
                client.LingerState = new LingerOption(true, 0);
                return;
            }

            var payload = Encoding.UTF8.GetBytes(body);
            var head = $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {payload.Length}\r\nConnection: close\r\n\r\n";
            // One write, as a web server sends a small answer: the body arrives with the headers.
            var answer = new byte[Encoding.ASCII.GetByteCount(head) + payload.Length];
            Encoding.ASCII.GetBytes(head, 0, head.Length, answer, 0);
            payload.CopyTo(answer, answer.Length - payload.Length);
            await stream.WriteAsync(answer);
        }
    }

    private static async Task ReadHeadersAsync(NetworkStream stream)
    {
        var buffer = new byte[8192];
        var seen = new StringBuilder();
        while (!seen.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                return;
            }

            seen.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
    }
}
