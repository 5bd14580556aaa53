using Microsoft.Playwright;

namespace SkillBridge.BrowserTests.Infrastructure;

/// <summary>One running site and one headless Chromium, shared by every test in the collection; each test gets its own browser context.</summary>
public sealed class BrowserFixture : IAsyncLifetime, IAsyncDisposable
{
    private readonly SkillBridgeServer _server = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private bool _disposed;

    public Uri BaseAddress => _server.BaseAddress;

    public async Task InitializeAsync()
    {
        var executable = Chromium.FindExecutable();
        _server.Start();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = Chromium.Args,
        });
    }

    /// <summary>A fresh context (no cookies, no localStorage) with one page; dispose it at the end of the test.</summary>
    public async Task<BrowserSession> OpenAsync(BrowserNewContextOptions? options = null, params Cookie[] cookies)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL = BaseAddress.ToString();
        var context = await (_browser ?? throw new InvalidOperationException("The browser has not started.")).NewContextAsync(options);
        context.SetDefaultTimeout(10_000);
        if (cookies.Length > 0)
        {
            await context.AddCookiesAsync(cookies.Select(cookie =>
            {
                cookie.Url ??= BaseAddress.ToString();
                return cookie;
            }));
        }

        return new BrowserSession(context, await context.NewPageAsync());
    }

    /// <summary>The display cookie the site writes from /display, e.g. "normal.high".</summary>
    public static Cookie DisplayCookie(string value) => new() { Name = "skillbridge-display", Value = value };

    public async Task DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _server.DisposeAsync();
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());
}

public sealed record BrowserSession(IBrowserContext Context, IPage Page) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => new(Context.CloseAsync());
}

[CollectionDefinition(Name)]
public sealed class SiteInBrowser : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Site in a browser";
}
