using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using IoTCentral.Engine.Internal;
using IoTCentral.Engine.Tests.Support;
using IoTCentral.Models;
using Xunit;

namespace IoTCentral.Engine.Tests;

public class RedactionTests
{
    private const string NewTokenValue = "SharedAccessSignature sr=app&sig=NEW-TOKEN-SIG-123&skn=t1&se=4102444800000";
    private const string PrimaryKey = "cHJpbWFyeS1rZXktdmFsdWUtMTIz";

    [Fact]
    public async Task Verbose_line_names_method_url_status_and_time()
    {
        var app = TestClients.UniqueAppUrl();
        var handler = FakeHandler.Sequence(() => FakeHandler.Json(HttpStatusCode.OK, """{"value":[]}"""));
        using var client = TestClients.WithApiToken(handler, url: app);
        var sink = new RecordingSink();

        using (RequestLog.BeginScope(sink))
        {
            await client.Devices.ListAsync(null, CancellationToken.None);
        }

        var line = Assert.Single(sink.Verbose);
        Assert.Matches($@"^GET {System.Text.RegularExpressions.Regex.Escape(app + "api/devices?api-version=2022-07-31")} -> 200 \(\d+ ms\)$", line);
    }

    [Theory]
    [InlineData(false, false, 0, 0)]
    [InlineData(true, false, 1, 0)]
    [InlineData(true, true, 1, 2)]
    public async Task Only_the_levels_the_caller_shows_are_composed(bool verbose, bool debug, int verboseLines, int debugLines)
    {
        var handler = FakeHandler.Sequence(() => FakeHandler.Json(HttpStatusCode.OK, """{"value":[]}"""));
        using var client = TestClients.WithApiToken(handler);
        var sink = new RecordingSink();

        using (RequestLog.BeginScope(sink, verbose, debug))
        {
            await client.Devices.ListAsync(null, CancellationToken.None);
        }

        Assert.Equal(verboseLines, sink.Verbose.Count);
        Assert.Equal(debugLines, sink.Debug.Count); // the request, and the response with its redacted body
    }

    [Fact]
    public async Task Secrets_never_appear_in_log_messages()
    {
        var handler = new FakeHandler((request, _) => request.Uri.AbsolutePath.EndsWith("/credentials", StringComparison.Ordinal)
            ? FakeHandler.Json(HttpStatusCode.OK, $$$"""{"idScope":"0ne00000001","symmetricKey":{"primaryKey":"{{{PrimaryKey}}}","secondaryKey":"{{{PrimaryKey}}}2"}}""")
            : FakeHandler.Json(HttpStatusCode.OK, $$"""{"id":"t1","roles":[{"role":"r"}],"token":"{{NewTokenValue}}"}"""));
        using var client = TestClients.WithApiToken(handler);
        var sink = new RecordingSink();

        using (RequestLog.BeginScope(sink))
        {
            await client.ApiTokens.CreateAsync("t1", new[] { new RoleAssignment("r") }, null, CancellationToken.None);
            await client.Devices.GetCredentialsAsync("d1", CancellationToken.None);
        }

        Assert.NotEmpty(sink.Debug);
        Assert.Contains(sink.Debug, m => m.Contains("Authorization: REDACTED", StringComparison.Ordinal));
        Assert.Contains(sink.Debug, m => m.Contains("\"primaryKey\":\"REDACTED\"", StringComparison.Ordinal));
        Assert.Contains(sink.Debug, m => m.Contains("\"idScope\":\"0ne00000001\"", StringComparison.Ordinal));
        Assert.DoesNotContain("SECRET-SIGNATURE-VALUE", sink.All);
        Assert.DoesNotContain("NEW-TOKEN-SIG-123", sink.All);
        Assert.DoesNotContain(PrimaryKey, sink.All);
    }

    [Fact]
    public async Task Query_values_other_than_api_version_are_redacted_in_logs_and_errors()
    {
        var handler = FakeHandler.Sequence(() => FakeHandler.Status(HttpStatusCode.BadRequest));
        using var client = TestClients.WithApiToken(handler);
        var sink = new RecordingSink();

        IoTCentralException error;
        using (RequestLog.BeginScope(sink))
        {
            error = await Assert.ThrowsAsync<IoTCentralException>(
                () => client.SendAsync("GET", "fileUploads?sig=QUERY-SIG-777&se=1", null, null, null, CancellationToken.None));
        }

        Assert.DoesNotContain("QUERY-SIG-777", sink.All);
        Assert.DoesNotContain("QUERY-SIG-777", error.Request);
        Assert.Contains("sig=REDACTED", error.Request);
        Assert.Contains("api-version=2022-07-31", error.Request);
    }

    [Fact]
    public async Task Error_messages_that_echo_a_token_are_redacted()
    {
        var handler = FakeHandler.Sequence(() => FakeHandler.Json(
            HttpStatusCode.Unauthorized,
            """{"error":{"code":"401.000","message":"Token SharedAccessSignature sr=x&sig=ECHOED-SIG&skn=a&se=1 is invalid"}}"""));
        using var client = TestClients.WithApiToken(handler);

        var error = await Assert.ThrowsAsync<IoTCentralException>(() => client.Roles.ListAsync(null, CancellationToken.None));

        Assert.DoesNotContain("ECHOED-SIG", error.Message);
        Assert.Contains("REDACTED", error.Message);
    }

    [Fact]
    public void Body_redaction_masks_secret_properties_case_insensitively_and_truncates()
    {
        var body = System.Text.Encoding.UTF8.GetBytes(
            """{"Token":"a","nested":{"ClientSecret":"b","connectionString":"c","ok":"visible"},"list":[{"KEY":"d"}],"filler":"""
            + "\"" + new string('x', 10_000) + "\"}");

        var shown = Redactor.Body(body);

        Assert.DoesNotContain("\"a\"", shown);
        Assert.DoesNotContain("\"b\"", shown);
        Assert.DoesNotContain("\"c\"", shown);
        Assert.DoesNotContain("\"d\"", shown);
        Assert.Contains("visible", shown);
        Assert.True(shown.Length < 4300, $"length {shown.Length}");
        Assert.Contains("more characters not shown", shown);
    }

    [Fact]
    public void Url_redaction_keeps_api_version_and_masks_the_rest()
    {
        var shown = Redactor.Url(new Uri("https://x.azureiotcentral.com/api/a?api-version=2022-07-31&sig=abc&continuationToken=zz"));

        Assert.Equal("https://x.azureiotcentral.com/api/a?api-version=2022-07-31&sig=REDACTED&continuationToken=REDACTED", shown);
    }
}
