using System.Net;
using IoTCentral.Emulator.Hosting;
using IoTCentral.Emulator.Tests.Infrastructure;

namespace IoTCentral.Emulator.Tests;

/// <summary>The emulator under load: the rate limit (--rate-limit) and injected faults (--faults).</summary>
public sealed class LoadTests
{
    [Fact]
    public async Task Requests_over_the_rate_limit_get_429_with_Retry_After_in_the_service_error_shape()
    {
        // One request per 10 s: the bucket holds one, so the second request is over the limit however slow the machine.
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { RateLimit = 0.1 });

        var first = await emulator.Admin.GetAsync(ApiClient.Api("/roles"));
        var second = await emulator.Admin.GetAsync(ApiClient.Api("/roles"));

        Assert.Equal(HttpStatusCode.OK, first.Status);
        await ErrorAssert.IsErrorAsync(second, HttpStatusCode.TooManyRequests);
        Assert.Equal("TooManyRequests", second.Json.GetProperty("error").GetProperty("code").GetString());
        Assert.InRange(int.Parse(second.Header("Retry-After")!, System.Globalization.CultureInfo.InvariantCulture), 1, 10);
        Assert.Equal(2, emulator.Server.Load.Requests);
        Assert.Equal(1, emulator.Server.Load.RateLimited);
    }

    [Fact]
    public async Task The_device_feed_is_outside_the_rate_limit()
    {
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { RateLimit = 1 });

        await emulator.Admin.GetAsync(ApiClient.Api("/roles"));
        var feed = await emulator.Admin.SendAsync(HttpMethod.Post, "/device-api/devices/nobody/telemetry", new { values = new { } });

        Assert.NotEqual(HttpStatusCode.TooManyRequests, feed.Status);
        Assert.Equal(1, emulator.Server.Load.Requests);
    }

    [Fact]
    public async Task Every_request_fails_as_the_plan_says_when_a_rate_is_1()
    {
        await using var throttled = await TestEmulator.StartAsync(new EmulatorOptions { Faults = "429=1" });
        await using var failing = await TestEmulator.StartAsync(new EmulatorOptions { Faults = "500=1" });
        await using var unavailable = await TestEmulator.StartAsync(new EmulatorOptions { Faults = "503=1" });

        var throttledAnswer = await throttled.Admin.GetAsync(ApiClient.Api("/roles"));
        await ErrorAssert.IsErrorAsync(throttledAnswer, HttpStatusCode.TooManyRequests);
        Assert.Equal("1", throttledAnswer.Header("Retry-After"));
        await ErrorAssert.IsErrorAsync(await failing.Admin.GetAsync(ApiClient.Api("/roles")), HttpStatusCode.InternalServerError);
        await ErrorAssert.IsErrorAsync(await unavailable.Admin.GetAsync(ApiClient.Api("/roles")), HttpStatusCode.ServiceUnavailable);
        Assert.Equal(1, throttled.Server.Load.Throttled);
        Assert.Equal(1, failing.Server.Load.ServerErrors);
        Assert.Equal(1, unavailable.Server.Load.Unavailable);
    }

    [Fact]
    public async Task A_refused_request_leaves_nothing_done()
    {
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { Faults = "seed=3,503=0.5" });

        var id = await FirstFaultedPutAsync(emulator, () => emulator.Server.Load.Unavailable);

        var read = await AnsweredAsync(() => emulator.Admin.GetAsync(ApiClient.Api($"/devices/{id}")));
        Assert.Equal(HttpStatusCode.NotFound, read.Status);
    }

    [Theory]
    [InlineData("seed=3,reset=0.5")]
    [InlineData("seed=3,truncate=0.5")]
    public async Task A_lost_answer_leaves_the_work_done(string faults)
    {
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { Faults = faults });

        var id = await FirstFaultedPutAsync(emulator, () => emulator.Server.Load.Resets + emulator.Server.Load.Truncations);

        var read = await AnsweredAsync(() => emulator.Admin.GetAsync(ApiClient.Api($"/devices/{id}")));
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal(id, read.Json.GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task The_same_seed_meets_the_same_faults()
    {
        const string plan = "seed=7,429=0.2,500=0.2,503=0.2,delay=0.1:1ms";
        var first = await FaultStatusesAsync(plan);
        var second = await FaultStatusesAsync(plan);

        Assert.Equal(first, second);
        Assert.Contains(HttpStatusCode.OK, first);
        Assert.Contains(first, s => s != HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("--rate-limit", "0")]
    [InlineData("--rate-limit", "many")]
    [InlineData("--faults", "429=2")]
    [InlineData("--faults", "404=0.1")]
    [InlineData("--faults", "429=0.6,500=0.6")]
    [InlineData("--faults", "delay=0.1")]
    [InlineData("--faults", "seed=x")]
    public void Bad_load_options_are_format_errors(string option, string value)
    {
        Assert.Throws<FormatException>(() => CommandLine.Parse([option, value]));
    }

    [Fact]
    public void Load_options_are_parsed()
    {
        var options = CommandLine.Parse(["--rate-limit", "20", "--faults=seed=42,429=0.05,500=0.02,503=0.02,reset=0.02,truncate=0.02,delay=0.05:200ms"]).Options;

        Assert.Equal(20, options.RateLimit);
        Assert.Equal("seed=42,429=0.05,500=0.02,503=0.02,reset=0.02,truncate=0.02,delay=0.05:200ms", options.Faults);
    }

    [Fact]
    public async Task A_bad_fault_plan_in_the_options_stops_the_start()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => EmulatorServer.StartAsync(new EmulatorOptions { Faults = "explode=1" }));

        Assert.Contains("explode", error.Message);
    }

    private static async Task<List<HttpStatusCode>> FaultStatusesAsync(string plan)
    {
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { Faults = plan });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            statuses.Add((await emulator.Admin.GetAsync(ApiClient.Api("/roles"))).Status);
        }

        return statuses;
    }

    /// <summary>PUTs new devices until one meets the fault that <paramref name="faultCount"/> counts, and returns its id.</summary>
    private static async Task<string> FirstFaultedPutAsync(TestEmulator emulator, Func<long> faultCount)
    {
        for (var i = 0; i < 50; i++)
        {
            var id = "faulted-" + i;
            var before = faultCount();
            await TryAsync(() => emulator.Admin.PutAsync(ApiClient.Api($"/devices/{id}"), new { displayName = id }));
            if (faultCount() > before)
            {
                return id;
            }
        }

        throw new InvalidOperationException("No request met the fault in 50 tries.");
    }

    /// <summary>Repeats a request until it gets an answer that no fault made (the plans here inject 503 and lost answers only).</summary>
    private static async Task<ApiResponse> AnsweredAsync(Func<Task<ApiResponse>> send)
    {
        for (var i = 0; i < 50; i++)
        {
            var response = await TryAsync(send);
            if (response is not null && response.Status != HttpStatusCode.ServiceUnavailable)
            {
                return response;
            }
        }

        throw new InvalidOperationException("No answer in 50 tries.");
    }

    private static async Task<ApiResponse?> TryAsync(Func<Task<ApiResponse>> send)
    {
        try
        {
            return await send();
        }
        catch (HttpRequestException)
        {
            // The connection was aborted or the body cut off: the fault under test.
            return null;
        }
    }
}
