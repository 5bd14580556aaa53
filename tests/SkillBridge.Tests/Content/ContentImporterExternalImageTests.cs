using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Content;

/// <summary>Import refuses images from hosts SkillBridge:Content:AllowedImageHosts does not list, naming file and line.</summary>
public sealed class ContentImporterExternalImageTests : IDisposable
{
    private readonly ContentBuilder _content = ContentBuilder.Valid();

    public void Dispose() => _content.Dispose();

    [Fact]
    public async Task ImportAsync_ImageFromAnotherSite_RefusesWithFileLineAndTheSetting()
    {
        await using var site = await TestSite.CreateAsync();
        _content.Write(ContentBuilder.ModulePath, ContentBuilder.ModuleText + "\n![Tracking pixel](https://tracker.example/p.gif)\n");
        var line = ContentBuilder.ModuleText.Split('\n').Length + 1;

        var result = await site.ImportAsync(_content.Root);

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Problems);
        Assert.StartsWith($"{ContentBuilder.ModulePath}:{line}: the image https://tracker.example/p.gif is on another site", problem.ToString(), StringComparison.Ordinal);
        Assert.Contains("SkillBridge:Content:AllowedImageHosts", problem.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await site.CountRowsAsync()).Modules);
    }

    [Fact]
    public async Task ImportAsync_ImageFromAnAllowedHost_Imports()
    {
        await using var site = await TestSite.CreateAsync(settings: new Dictionary<string, string?> { ["SkillBridge:Content:AllowedImageHosts:0"] = "images.example.com" });
        _content.Write(ContentBuilder.ModulePath, ContentBuilder.ModuleText + "\n![The menu](https://images.example.com/menu.png)\n");

        var result = await site.ImportAsync(_content.Root);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
    }
}
