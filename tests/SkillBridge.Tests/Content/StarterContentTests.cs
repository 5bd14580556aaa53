using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Content;
using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Content;

/// <summary>The repository's own content/ folder. Until the starter content is merged it may be empty or absent.</summary>
public sealed class StarterContentTests
{
    private static readonly string RepositoryContent = StarterContentImporter.FindBesideSolution(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("SkillBridge.sln not found above " + AppContext.BaseDirectory);

    [Fact]
    public async Task ImportAsync_RepositoryContent_NoProblems()
    {
        await using var site = await TestSite.CreateAsync();
        var folder = Directory.Exists(RepositoryContent) ? RepositoryContent : Directory.CreateTempSubdirectory("skillbridge-empty-").FullName;

        var result = await site.ImportAsync(folder);

        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
        Assert.Equal(ModuleFileCount(), result.Counts.ModulesCreated);
    }

    [Fact]
    public async Task ExportAsync_RepositoryContentReimported_NothingChanged()
    {
        await using var site = await TestSite.CreateAsync();
        if (Directory.Exists(RepositoryContent))
        {
            Assert.True((await site.ImportAsync(RepositoryContent)).Succeeded);
        }

        var export = Path.Combine(site.Root, "export");
        await site.ExportAsync(export);
        var result = await site.ImportAsync(export);

        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
        Assert.Equal(new ImportCounts(0, 0, ModuleFileCount(), 0, 0, 0, 0), result.Counts);
    }

    [Fact]
    public async Task ImportIfEmptyAsync_DatabaseHasModules_DoesNothing()
    {
        await using var site = await TestSite.CreateAsync();
        using var content = ContentBuilder.Valid();
        await site.ImportAsync(content.Root);
        await using var scope = site.Services.CreateAsyncScope();
        var sut = scope.ServiceProvider.GetRequiredService<StarterContentImporter>();

        Assert.Null(await sut.ImportIfEmptyAsync());
    }

    private static int ModuleFileCount()
    {
        var modules = Path.Combine(RepositoryContent, "modules");
        return Directory.Exists(modules) ? Directory.GetFiles(modules, "*.md", SearchOption.AllDirectories).Length : 0;
    }
}
