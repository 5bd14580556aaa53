using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using SkillBridge.Core;
using SkillBridge.Core.Data;
using SkillBridge.Core.Outbox;
using SkillBridge.Tests.Infrastructure.Databases;

namespace SkillBridge.Tests.Infrastructure;

/// <summary>
/// The whole site on its own database on the run's engine (<see cref="TestEngine"/>), in a temporary folder: a copy of the
/// run's migrated starter database, or of the migrated empty one when a test brings its own starter content.
/// </summary>
public sealed class SkillBridgeWebFactory : WebApplicationFactory<Program>
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "skillbridge-tests", "web-" + Guid.NewGuid().ToString("N"));

    /// <summary>The data folder: the test's SkillBridge:DataPath when it sets one (two sites sharing a database), else a new one.</summary>
    public string DataPath => Settings.TryGetValue("SkillBridge:DataPath", out var shared) && shared is not null ? shared : _dataPath;

    /// <summary>Extra settings a test class needs, e.g. SkillBridge:StarterContentPath.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>A clock to run the site on instead of the system's, for tests about time.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>Services a test adds or replaces, e.g. an extra personal data section.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>The host environment; "Testing" unless a test needs Development.</summary>
    public string EnvironmentName { get; set; } = "Testing";

    /// <summary>A request with this header comes from that client address (TestServer gives every request none).</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, TestClientAddress>());
        if (Clock is { } clock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }

        if (TestServices is { } testServices)
        {
            builder.ConfigureTestServices(testServices);
        }

        builder.ConfigureAppConfiguration((_, config) =>
        {
            var ownStarterContent = Settings.ContainsKey("SkillBridge:StarterContentPath") || Settings.ContainsKey("SkillBridge:ImportStarterContent");
            var settings = TestDatabases.Provision(DataPath, ownStarterContent ? TestDatabaseContent.Migrated : TestDatabaseContent.Starter);
            settings["SkillBridge:StarterContentPath"] = SolutionFolders.Find("content", AppContext.BaseDirectory);
            foreach (var (key, value) in Settings)
            {
                settings[key] = value;
            }

            config.AddInMemoryCollection(settings);
        });
    }

    /// <summary>Points SkillBridge:Smtp at a test SMTP server, with the site address mail needs (SkillBridge:SiteUrl).</summary>
    public void UseSmtp(SmtpServer server, string siteUrl = TestSiteUrl)
    {
        foreach (var (key, value) in server.Settings)
        {
            Settings[key] = value;
        }

        Settings["SkillBridge:Smtp:From"] = "skills@example.com";
        Settings["SkillBridge:SiteUrl"] = siteUrl;
    }

    public const string TestSiteUrl = "https://skills.example.com";

    /// <summary>
    /// Sends the outbox's due mail now and returns how many were delivered. Waits for a pass the background sender
    /// has under way, so every mail committed before the call has been tried when it returns.
    /// </summary>
    public Task<int> DeliverMailAsync() => Services.GetRequiredService<OutboxSender>().SendDueAsync();

    /// <summary>A PostgreSQL run that quietly fell back to SQLite would prove nothing: every site checks its provider first.</summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        using var scope = host.Services.CreateScope();
        var provider = scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().Database.ProviderName;
        if (provider != TestEngine.ExpectedProviderName)
        {
            throw new InvalidOperationException($"This test run is on {TestEngine.Current}, but the site's database provider is {provider}.");
        }

        return host;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (DataPath != _dataPath)
        {
            // A data folder the test chose may be used again by a later site in the same test; the test owns it.
            return;
        }

        TestDatabases.Drop(_dataPath);
        try
        {
            Directory.Delete(_dataPath, recursive: true);
        }
        catch (IOException)
        {
            // Best effort (the folder may be gone or still in use): a temp folder left behind must not fail a test run.
        }
    }
}

/// <summary>Sets the connection's remote address from <see cref="SkillBridgeWebFactory.ClientAddressHeader"/>, before anything else runs.</summary>
internal sealed class TestClientAddress : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(SkillBridgeWebFactory.ClientAddressHeader, out var value) && System.Net.IPAddress.TryParse(value, out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}

[CollectionDefinition(Name)]
public sealed class StarterSite : ICollectionFixture<SkillBridgeWebFactory>
{
    public const string Name = "Starter site";
}
