using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SkillBridge.Core;
using SkillBridge.Core.Accounts;

namespace SkillBridge.BrowserTests.Infrastructure;

/// <summary>
/// One running site, shared by every test in the collection, driven by the run's one headless Chromium (<see cref="RunBrowser"/>);
/// each test gets its own browser context.
/// </summary>
public sealed partial class BrowserFixture : IAsyncLifetime, IAsyncDisposable
{
    private readonly SkillBridgeServer _server;
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _sharedStates = new(StringComparer.Ordinal);
    private IBrowser? _browser;
    private bool _disposed;

    public BrowserFixture()
        : this(DatabaseProvider.Sqlite)
    {
    }

    /// <summary>xunit makes collection fixtures through their one public constructor; other engines come through a wrapper.</summary>
    internal BrowserFixture(DatabaseProvider engine) => _server = new SkillBridgeServer(engine);

    /// <summary>The password of every account the tests create.</summary>
    public const string Password = "correct horse battery";

    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>The running site's services, for arranging data the way the site itself would store it.</summary>
    public IServiceProvider Services => _server.Services;

    public async Task InitializeAsync()
    {
        // The browser first: without Chromium the run fails at once with what to install, before a site starts.
        _browser = await RunBrowser.AcquireAsync();
        _server.Start();
    }

    /// <summary>A fresh context (no cookies, no localStorage) with one page; dispose it at the end of the test.</summary>
    public async Task<BrowserSession> OpenAsync(BrowserNewContextOptions? options = null, params Cookie[] cookies)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL = BaseAddress.ToString();
        var context = await (_browser ?? throw new InvalidOperationException("The browser has not started.")).NewContextAsync(options);
        // Generous limits for waits on conditions (not sleeps): CI runs both test projects at once on two cores.
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(30_000);
        Assertions.SetDefaultExpectTimeout(15_000);
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

    /// <summary>Creates an account through the site's own <see cref="AccountService"/>, with <see cref="Password"/> and these roles (<see cref="Roles"/>).</summary>
    public async Task<string> CreateAccountAsync(string username, params string[] roles)
    {
        await using var scope = Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var result = await accounts.CreateAsync(new NewAccount(username, username + "@test.example", Password), ProfileClaim.Allowed, "test", roles);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        return username;
    }

    /// <summary>
    /// A new account with these roles, and a fresh context signed in as it by posting the sign-in form (<see cref="PostSignInAsync"/>);
    /// the page has not loaded anything yet.
    /// </summary>
    public async Task<BrowserSession> OpenSignedInAsync(string username, string[] roles, BrowserNewContextOptions? options = null, params Cookie[] cookies)
    {
        await CreateAccountAsync(username, roles);
        var session = await OpenAsync(options, cookies);
        await PostSignInAsync(session.Context, username);
        return session;
    }

    /// <summary>
    /// A fresh context signed in as this site's one shared account with exactly <paramref name="roles"/>. The first call for
    /// those roles makes the account and signs it in (<see cref="OpenSignedInAsync(string, string[], BrowserNewContextOptions?, Cookie[])"/>);
    /// later contexts start with that sign-in's cookies, which saves making an account and signing it in per test.
    /// </summary>
    /// <remarks>
    /// Only for tests that look at pages as "someone with these roles" and leave that account as it was: no progress through
    /// modules, no settings, no signing out (that would end the shared session). Site data (groups, synonyms, other accounts)
    /// is fine. A test that changes its own account, or is about signing in, takes a new account through <c>OpenSignedInAsync</c>.
    /// </remarks>
    public Task<BrowserSession> OpenSignedInSharedAsync(string[] roles, BrowserNewContextOptions? options = null, params Cookie[] cookies) =>
        OpenSharedAsync(
            "roles: " + string.Join(' ', roles.Order(StringComparer.Ordinal)),
            () => OpenSignedInAsync(UniqueName("shared." + (roles.Length == 0 ? "learner" : string.Join('.', roles)).ToLowerInvariant()), roles),
            options,
            cookies);

    /// <summary>
    /// A fresh context that starts with the cookies and local storage <paramref name="arrange"/> left in its own context. The
    /// arrangement runs once per <paramref name="key"/> on this site, the first time the key is asked for; later calls reuse
    /// what it left. For a signed-in person in a state many tests look at (a module taken, a report with a completion),
    /// when those tests only look: anything a test changes in that account, the tests after it would see.
    /// </summary>
    public async Task<BrowserSession> OpenSharedAsync(string key, Func<Task<BrowserSession>> arrange, BrowserNewContextOptions? options = null, params Cookie[] cookies)
    {
        var storageState = await _sharedStates.GetOrAdd(key, _ => new Lazy<Task<string>>(async () =>
        {
            await using var arranged = await arrange();
            return await arranged.Context.StorageStateAsync();
        })).Value;
        options ??= new BrowserNewContextOptions();
        options.StorageState = storageState;
        return await OpenAsync(options, cookies);
    }

    /// <summary>Signs the page's context in through /account/signin and waits until the site shows the account in the header.</summary>
    public static async Task SignInAsync(IPage page, string username, string password = Password)
    {
        await page.GotoAsync("/account/signin");
        var form = page.Locator("form.account-form");
        await form.Locator("input[name='Input.Username']").FillAsync(username);
        await form.Locator("input[name='Input.Password']").FillAsync(password);
        await form.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Attached rather than visible: on a phone-sized viewport the account links sit behind the header's Menu button.
        await Assertions.Expect(page.Locator(".account-nav button", new() { HasText = "Sign out" })).ToBeAttachedAsync();
    }

    /// <summary>
    /// Signs the context in by sending what the sign-in form sends (its anti-forgery token, the name and the password) to
    /// /account/signin from the context's own request client, which shares the context's cookies: the same handler and the
    /// same session cookie as <see cref="SignInAsync"/>, without drawing the form and the page after it. For tests about
    /// something else; tests of signing in, and the journeys, use the form itself through <see cref="SignInAsync"/>.
    /// </summary>
    public static async Task PostSignInAsync(IBrowserContext context, string username, string password = Password)
    {
        var request = context.APIRequest;
        var form = await request.GetAsync("/account/signin");
        Assert.True(form.Ok, $"GET /account/signin answered {form.Status}");
        var token = AntiforgeryField().Match(await form.TextAsync());
        Assert.True(token.Success, "The sign-in form has no anti-forgery token.");
        var answer = await request.PostAsync("/account/signin", new()
        {
            Form = request.CreateFormData()
                .Set("Input.Username", username)
                .Set("Input.Password", password)
                .Set("__RequestVerificationToken", token.Groups[1].Value),
            MaxRedirects = 0,
        });

        // Signed in, the form redirects away from itself; refused, it shows itself again (200) with the error.
        Assert.True(answer.Status == 302 && answer.Headers.GetValueOrDefault("location") is { } to && !to.Contains("/account/signin", StringComparison.OrdinalIgnoreCase),
            $"Signing in as {username} answered {answer.Status}.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    /// <summary>A username no other test uses, e.g. author.1a2b3c4d.</summary>
    public static string UniqueName(string prefix) => $"{prefix}.{Guid.NewGuid().ToString("N")[..8]}";

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
            _browser = null;
            await RunBrowser.ReleaseAsync();
        }

        await _server.DisposeAsync();
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());
}

public sealed record BrowserSession(IBrowserContext Context, IPage Page) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => new(Context.CloseAsync());
}

/// <summary>
/// The site for the learner's side: catalogue, search, player, progress, paths, themes and accessibility. Its tests run one
/// at a time, while <see cref="SecondSiteInBrowser"/>'s run beside them.
/// </summary>
/// <remarks>
/// A browser test spends most of its time waiting on the browser and the site, so two at once keep both cores busy (xunit
/// runs collections in parallel, as many as there are cores). Each collection has a site of its own, so tests that run at
/// the same time never see each other's data. The features are split by folder, about half of the time on each.
/// </remarks>
[CollectionDefinition(Name)]
public sealed class SiteInBrowser : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Site in a browser";
}

/// <summary>A second site (<see cref="SiteInBrowser"/> says why) for authoring, mentoring, groups, accounts, assignments and reports.</summary>
[CollectionDefinition(Name)]
public sealed class SecondSiteInBrowser : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Second site in a browser";
}

/// <summary>The same site on PostgreSQL, for the end-to-end journey that proves the browser path on that engine.</summary>
public sealed class PostgreSqlBrowserFixture : IAsyncLifetime
{
    public BrowserFixture Site { get; } = new(DatabaseProvider.PostgreSql);

    public Task InitializeAsync() => Site.InitializeAsync();

    public Task DisposeAsync() => Site.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class SiteInBrowserOnPostgreSql : ICollectionFixture<PostgreSqlBrowserFixture>
{
    public const string Name = "Site in a browser on PostgreSQL";
}
