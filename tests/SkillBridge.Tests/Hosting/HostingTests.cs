using System.Net;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Hosting;

/// <summary>A site configured as for production behind a TLS proxy: its address, one extra host name and one known proxy.</summary>
public sealed class ProxiedSite : IDisposable
{
    public const string SiteHost = "skills.example.com";
    public const string ExtraHost = "skills.intranet.example";
    public const string Proxy = "10.0.0.5";

    public SkillBridgeWebFactory Factory { get; } = new()
    {
        Settings =
        {
            ["SkillBridge:SiteUrl"] = $"https://{SiteHost}",
            ["SkillBridge:AllowedHosts:0"] = ExtraHost,
            ["SkillBridge:ForwardedHeaders:KnownProxies:0"] = Proxy,
        },
        TestServices = TestRemoteAddress.AddTo,
    };

    public void Dispose() => Factory.Dispose();
}

public sealed class HostingTests(ProxiedSite site) : IClassFixture<ProxiedSite>
{
    private readonly HttpClient _client = site.Factory.CreateBrowser();

    [Fact]
    public async Task Get_ForgedHost_Returns400WithAPlainBody()
    {
        using var response = await SendAsync(HttpMethod.Get, "/account/forgotpassword", "attacker.example");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.True((await response.Content.ReadAsStringAsync()).Length < 100);
    }

    [Theory]
    [InlineData(ProxiedSite.SiteHost)]
    [InlineData(ProxiedSite.ExtraHost)]
    [InlineData("localhost")]
    [InlineData("127.0.0.1:5080")]
    [InlineData("[::1]")]
    public async Task Get_AllowedHost_Returns200(string host)
    {
        using var response = await SendAsync(HttpMethod.Get, "/", host);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task GetHealthz_ForgedHost_ReturnsOnlyTheStatusAsJson()
    {
        using var response = await SendAsync(HttpMethod.Get, "/healthz", "10.1.2.3");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"status":"Healthy"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_HttpsForwardedByAKnownProxy_SendsSecureCookiesAndHsts()
    {
        using var response = await SendAsync(HttpMethod.Get, "/account/signin", ProxiedSite.SiteHost, fromAddress: ProxiedSite.Proxy, forwardedProto: "https");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All(response.Headers.GetValues("Set-Cookie"), cookie => Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase));
        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Get_HttpsForwardedByAnUnknownAddress_IsIgnored()
    {
        using var response = await SendAsync(HttpMethod.Get, "/account/signin", ProxiedSite.SiteHost, fromAddress: "203.0.113.9", forwardedProto: "https");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All(response.Headers.GetValues("Set-Cookie"), cookie => Assert.DoesNotContain("; secure", cookie, StringComparison.OrdinalIgnoreCase));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string host, string? fromAddress = null, string? forwardedProto = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Host = host;
        if (fromAddress is not null)
        {
            request.Headers.Add(TestRemoteAddress.Header, fromAddress);
            request.Headers.Add("X-Forwarded-For", "198.51.100.7");
        }

        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        }

        return await _client.SendAsync(request);
    }
}

/// <summary>Development with no site address: the loopback names only.</summary>
public sealed class HostingWithoutSiteUrlTests
{
    [Fact]
    public async Task Get_AnyHostButLoopback_Returns400()
    {
        using var factory = new SkillBridgeWebFactory();
        using var client = factory.CreateBrowser();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { Host = "skills.example.com" } };

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

public sealed class HostingSettingsTests
{
    [Theory]
    [InlineData("KnownProxies", "proxy.example.com", "must list IP addresses")]
    [InlineData("KnownNetworks", "10.0.0.0/99", "must list networks in CIDR form")]
    public void Start_ForwardedHeadersSettingThatDoesNotParse_StopsWithAMessageNamingTheSetting(string setting, string value, string message)
    {
        using var factory = new SkillBridgeWebFactory { Settings = { [$"SkillBridge:ForwardedHeaders:{setting}:0"] = value } };

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var validation = Assert.IsType<Microsoft.Extensions.Options.OptionsValidationException>(failure.GetBaseException());
        Assert.Contains($"SkillBridge:ForwardedHeaders:{setting} {message}", validation.Message, StringComparison.Ordinal);
    }
}
