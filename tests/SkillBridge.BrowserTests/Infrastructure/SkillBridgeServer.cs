using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core;

namespace SkillBridge.BrowserTests.Infrastructure;

/// <summary>The real site on Kestrel (127.0.0.1, a free port), on a fresh SQLite database in a temporary folder, with the starter content imported at start-up.</summary>
public sealed class SkillBridgeServer : WebApplicationFactory<Program>
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "skillbridge-tests", "browser-" + Guid.NewGuid().ToString("N"));

    public SkillBridgeServer() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

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
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SkillBridge:DataPath"] = _dataPath,
            ["SkillBridge:StarterContentPath"] = SolutionFolders.Find("content", AppContext.BaseDirectory),
        }));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
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
