using SkillBridge.Core.Content;
using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Content;

/// <summary>An import run --as one of a module's authors does not publish it unless the site allows self-publishing.</summary>
public sealed class ContentImporterSelfPublishTests : IDisposable
{
    private readonly ContentBuilder _content = ContentBuilder.Valid();

    public void Dispose() => _content.Dispose();

    [Fact]
    public async Task ImportAsync_ImporterIsAnAuthor_RefusesWithFileAndLineAndChangesNothing()
    {
        await using var site = await TestSite.CreateAsync();
        var before = await site.CountRowsAsync();

        var result = await site.ImportAsync(_content.Root, importedBy: "priya.shah");

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Problems);
        Assert.StartsWith($"{ContentBuilder.ModulePath}:9: priya.shah is an author of this module", problem.ToString(), StringComparison.Ordinal);
        Assert.Contains("SkillBridge:Publishing:AllowSelfPublish", problem.Message, StringComparison.Ordinal);
        var after = await site.CountRowsAsync();
        Assert.Equal(before, after with { MediaFiles = before.MediaFiles });
    }

    [Fact]
    public async Task ImportAsync_ImporterIsNotAnAuthor_Publishes()
    {
        await using var site = await TestSite.CreateAsync();

        var result = await site.ImportAsync(_content.Root, importedBy: "tom.okafor");

        Assert.True(result.Succeeded);
        Assert.Equal(1, result.Counts.ModulesCreated);
    }

    [Fact]
    public async Task ImportAsync_ImporterIsAnAuthorAndSelfPublishingAllowed_Publishes()
    {
        await using var site = await TestSite.CreateAsync(settings: new Dictionary<string, string?> { ["SkillBridge:Publishing:AllowSelfPublish"] = "true" });

        var result = await site.ImportAsync(_content.Root, importedBy: "priya.shah");

        Assert.True(result.Succeeded);
        Assert.Equal(1, result.Counts.ModulesCreated);
    }
}
