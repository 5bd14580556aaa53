using SkillBridge.Core.Content;
using SkillBridge.Core.Modules;
using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Content;

public sealed class ModuleFileParserTests
{
    private const string File = ContentBuilder.ModulePath;

    [Fact]
    public void Parse_StandardModule_ReadsEveryKey()
    {
        var sut = ModuleFileParser.Parse(File, ContentBuilder.ModuleText).Value!;

        Assert.Equal(("share-your-screen", "tools", ModuleLevel.Beginner, 5), (sut.Slug, sut.Category, sut.Level, sut.Minutes));
        Assert.Equal(["video calls", "teams"], sut.Tags);
        Assert.Equal(["priya.shah"], sut.Authors);
        Assert.Equal(new DateOnly(2026, 3, 2), sut.Updated);
        Assert.Equal(12, sut.BodyFirstLine);
        Assert.Equal(2, sut.Document.Steps.Count);
        Assert.Equal([new ImageReference("images/share-dialog.png", 27)], sut.Images);
    }

    [Theory]
    [InlineData(7, "level: expert", "7: 'level' must be beginner, intermediate or advanced, not 'expert'")]
    [InlineData(8, "minutes: 0", "8: 'minutes' must be a whole number from 1 to 240, not '0'")]
    [InlineData(8, "minutes: five", "8: 'minutes' must be a whole number from 1 to 240, not 'five'")]
    [InlineData(10, "updated: 02/03/2026", "10: 'updated' must be a date written YYYY-MM-DD, not '02/03/2026'")]
    [InlineData(6, "tags: video calls", "6: 'tags' must be a list, like [a, b]")]
    [InlineData(9, "authors: []", "9: 'authors' must name at least one username")]
    [InlineData(3, "slug: Share_Screen", "3: slug 'Share_Screen' must be lowercase letters, digits and single hyphens (at most 120 characters)")]
    [InlineData(10, "cover: ../../secret.png", "10: cover must stay inside the module's folder (no '..')")]
    public void Parse_BadValue_ReportsLine(int line, string replacement, string expected)
    {
        var result = ModuleFileParser.Parse(File, ContentBuilder.ModuleWithLine(line, replacement));

        Assert.Null(result.Value);
        Assert.Equal([$"{File}:{expected}"], result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Parse_NoFrontMatter_ReportsLineOne()
    {
        var result = ModuleFileParser.Parse(File, "## Step\nText");

        Assert.Equal([$"{File}:1: the file must start with front matter: a '---' line, the keys, and another '---' line"], result.Problems.Select(p => p.ToString()));
    }

    [Theory]
    [InlineData("Share one window in a video call", "share-one-window-in-a-video-call")]
    [InlineData("Café & Crème: 10 tips!", "cafe-creme-10-tips")]
    [InlineData("  --Hello   World--  ", "hello-world")]
    public void SlugFromTitle_Title_LowercaseAsciiWithHyphens(string title, string expected) =>
        Assert.Equal(expected, ModuleFileParser.SlugFromTitle(title));

    [Fact]
    public void ToCanonical_ValuesNeedingQuotes_ReadBackUnchanged()
    {
        var text = ContentBuilder.ModuleWithLine(2, "title: \"Teams: the \\\"basics\\\" # 1\"")
            .Replace("tags: [video calls, teams]", "tags: [\"a, b\", \"[x]\", plain]", StringComparison.Ordinal);
        var parsed = ModuleFileParser.Parse(File, text).Value!;

        var sut = ModuleFileParser.Parse(File, parsed.ToCanonical(parsed.Updated!.Value).ToText()).Value!;

        Assert.Equal("Teams: the \"basics\" # 1", sut.Title);
        Assert.Equal(["a, b", "plain", "[x]"], sut.Tags);
        Assert.Equal(parsed.Body, sut.Body);
    }
}
