using SkillBridge.Core;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Content;
using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Content;

/// <summary>The repository's own content/ folder, which a fresh site imports on its first start.</summary>
public sealed class StarterContentTests
{
    private static readonly string RepositoryContent = SolutionFolders.Find("content", AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("No content folder found above " + AppContext.BaseDirectory);

    [Fact]
    public async Task ImportAsync_RepositoryContent_NoProblems()
    {
        await using var site = await TestSite.CreateAsync();
        var result = await site.ImportAsync(RepositoryContent);

        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
        Assert.Equal(ModuleFileCount(), result.Counts.ModulesCreated);
    }

    [Fact]
    public async Task ExportAsync_RepositoryContentReimported_NothingChanged()
    {
        await using var site = await TestSite.CreateAsync();
        Assert.True((await site.ImportAsync(RepositoryContent)).Succeeded);

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

    [Fact]
    public async Task RepositoryContent_MeetsTheStarterContentBrief()
    {
        var folder = await ContentFolder.ReadAsync(RepositoryContent, progress: null, CancellationToken.None);
        Assert.True(folder.Succeeded, string.Join('\n', folder.Problems));
        var content = folder.Value!;

        Assert.True(content.Modules.Count >= 24, $"{content.Modules.Count} modules");
        foreach (var category in new[] { "tools", "social-media", "work-hacks" })
        {
            Assert.True(content.Modules.Count(m => m.Category == category) >= 8, $"fewer than 8 modules in {category}");
        }

        Assert.All(content.Modules, m => Assert.InRange(m.Document.Steps.Count, 3, 7));
        Assert.All(content.Modules, m => Assert.Contains(m.Document.Steps, s => s.Quizzes.Count > 0));
        Assert.Contains(content.Modules, m => m.Document.Steps.SelectMany(s => s.Quizzes).Any(q => q.AllowsSeveral));
        var authors = content.Modules.SelectMany(m => m.Authors).Distinct().ToList();
        Assert.True(authors.Count >= 6, $"{authors.Count} authors");
        Assert.All(content.People.Where(p => authors.Contains(p.Username)), p => Assert.False(string.IsNullOrWhiteSpace(p.Bio)));
        Assert.True(content.Paths.Count >= 3, $"{content.Paths.Count} paths");
    }

    private static int ModuleFileCount()
    {
        var modules = Path.Combine(RepositoryContent, "modules");
        return Directory.Exists(modules) ? Directory.GetFiles(modules, "*.md", SearchOption.AllDirectories).Length : 0;
    }
}
