using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core;
using SkillBridge.Tests.Infrastructure.Databases;

namespace SkillBridge.BrowserTests.Infrastructure;

/// <summary>
/// The real site on Kestrel (127.0.0.1, a free port), on its own copy of the run's starter database (SQLite unless a
/// test asks for PostgreSQL) in a temporary folder.
/// </summary>
public sealed class SkillBridgeServer : WebApplicationFactory<Program>
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "skillbridge-tests", "browser-" + Guid.NewGuid().ToString("N"));

    public SkillBridgeServer(DatabaseProvider engine = DatabaseProvider.Sqlite)
    {
        Engine = engine;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public DatabaseProvider Engine { get; }

    /// <summary>The address Kestrel bound, e.g. http://127.0.0.1:41234, without a trailing slash.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseAddress = new Uri(addresses.First());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, config) =>
        {
            var settings = TestDatabases.Provision(_dataPath, TestDatabaseContent.Starter, Engine);
            settings["SkillBridge:StarterContentPath"] = SolutionFolders.Find("content", AppContext.BaseDirectory);
            config.AddInMemoryCollection(settings);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
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
