using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace IoTCentralBench
{
    /// <summary>Raw HttpClient work for the benchmark: the baseline per call, and loading the emulator fast.</summary>
    public static class BenchHttp
    {
        public static HttpClient Create(string applicationUrl, string token)
        {
            var http = new HttpClient { BaseAddress = new Uri(applicationUrl), Timeout = TimeSpan.FromSeconds(60) };
            http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", token);
            return http;
        }

        /// <summary>One GET, read to the end, as a script would call it.</summary>
        public static string Get(HttpClient http, string pathAndQuery)
        {
            using (var response = http.GetAsync(pathAndQuery).GetAwaiter().GetResult())
            {
                response.EnsureSuccessStatusCode();
                return response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            }
        }

        /// <summary>One GET sent synchronously (HttpClient.Send, .NET 5 and later), read to the end.</summary>
        public static string Send(HttpClient http, string pathAndQuery)
        {
            using (var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery))
            using (var response = http.Send(request))
            {
                response.EnsureSuccessStatusCode();
                using (var reader = new System.IO.StreamReader(response.Content.ReadAsStream()))
                {
                    return reader.ReadToEnd();
                }
            }
        }

        /// <summary>PUTs devices prefix-0 .. prefix-(count-1) with <paramref name="concurrency"/> requests at once; returns PUTs per second.</summary>
        public static double PutDevices(HttpClient http, string prefix, int start, int count, int concurrency)
        {
            var next = start - 1;
            var end = start + count;
            var failures = 0;
            var watch = Stopwatch.StartNew();
            var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < end)
                {
                    using (var body = new StringContent("{\"displayName\":\"bench\"}", Encoding.UTF8, "application/json"))
                    using (var response = await http.PutAsync("/api/devices/" + prefix + i.ToString("D7") + "?api-version=2022-07-31", body).ConfigureAwait(false))
                    {
                        if (!response.IsSuccessStatusCode)
                        {
                            Interlocked.Increment(ref failures);
                        }
                    }
                }
            })).ToArray();
            Task.WaitAll(workers);
            if (failures > 0)
            {
                throw new InvalidOperationException(failures + " PUTs failed");
            }

            return count / watch.Elapsed.TotalSeconds;
        }
    }
}
