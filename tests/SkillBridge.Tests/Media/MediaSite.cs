using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SkillBridge.Core;
using SkillBridge.Core.Data;
using SkillBridge.Core.Media;
using SkillBridge.Tests.Infrastructure.Databases;

namespace SkillBridge.Tests.Media;

/// <summary>The core services on a migrated database (the run's engine) and media folder in a temp folder, with settings of the test's choosing.</summary>
public sealed class MediaSite : IAsyncDisposable
{
    private readonly IHost _host;

    private MediaSite(string root, IHost host)
    {
        Root = root;
        _host = host;
    }

    public string Root { get; }

    public string MediaPath => Path.Combine(Root, "data", "media");

    public static async Task<MediaSite> CreateAsync(bool useLibvips = true, Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "skillbridge-tests", "media-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(root);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = root, DisableDefaults = true, EnvironmentName = "Test" });
        var database = await TestDatabases.ProvisionAsync(Path.Combine(root, "data"), TestDatabaseContent.Migrated);
        builder.Configuration.AddInMemoryCollection(database);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SkillBridge:ImportStarterContent"] = "false",
            ["SkillBridge:UseLibvips"] = useLibvips ? "true" : "false",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        builder.AddSkillBridgeCore();
        services?.Invoke(builder.Services);
        var site = new MediaSite(root, builder.Build());
        await using var scope = site._host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        return site;
    }

    /// <summary>Uploads through a fresh scope, as one request would.</summary>
    public async Task<MediaUploadResult> UploadAsync(byte[] bytes, string fileName, string? claimedContentType = null)
    {
        using var stream = new MemoryStream(bytes);
        return await UploadAsync(stream, fileName, claimedContentType);
    }

    public async Task<MediaUploadResult> UploadAsync(Stream stream, string fileName, string? claimedContentType = null)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var sut = scope.ServiceProvider.GetRequiredService<MediaUploadService>();
        return await sut.UploadAsync(stream, fileName, claimedContentType, CancellationToken.None);
    }

    public async Task<T> WithDbAsync<T>(Func<SkillBridgeDbContext, Task<T>> work)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>());
    }

    public Task<List<MediaFile>> MediaRowsAsync() => WithDbAsync(db => db.MediaFiles.Include(m => m.Variants).AsNoTracking().ToListAsync());

    /// <summary>Every file under the media folder, nested ones included; empty when the folder was never made.</summary>
    public IReadOnlyList<string> MediaFiles() =>
        System.IO.Directory.Exists(MediaPath)
            ? [.. System.IO.Directory.EnumerateFiles(MediaPath, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Order(StringComparer.Ordinal)!]
            : [];

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await TestDatabases.DropAsync(Path.Combine(Root, "data"));
        try
        {
            System.IO.Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind must not fail the test that used it.
        }
    }
}
