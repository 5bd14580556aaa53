using SkillBridge.Core.Modules;

namespace SkillBridge.Tests.Modules;

public class SlugTests
{
    [Theory]
    [InlineData("Share one window in a video call", "share-one-window-in-a-video-call")]
    [InlineData("Café déjà vu", "cafe-deja-vu")]
    [InlineData("Don't panic", "dont-panic")]
    [InlineData("Don\u2019t panic", "dont-panic")]
    [InlineData("Teams: channels vs. chats!", "teams-channels-vs-chats")]
    [InlineData("  --Hello,   World--  ", "hello-world")]
    [InlineData("Straße & Øresund", "strasse-oresund")]
    [InlineData("Łódź in 2026", "lodz-in-2026")]
    [InlineData("C# for Excel users", "c-for-excel-users")]
    [InlineData("ÉCOLE", "ecole")]
    public void FromTitle_Title_ReturnsLowercaseAsciiWords(string title, string expected)
    {
        var slug = Slug.FromTitle(title);

        Assert.Equal(expected, slug);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!! ??? ---")]
    [InlineData("日本語")]
    [InlineData("'''")]
    public void FromTitle_NothingUsable_ReturnsModule(string title)
    {
        var slug = Slug.FromTitle(title);

        Assert.Equal("module", slug);
    }

    [Fact]
    public void FromTitle_LongTitle_IsCutAtLastHyphenWithin80Characters()
    {
        var title = string.Join(' ', Enumerable.Repeat("reverse mentoring", 10));

        var slug = Slug.FromTitle(title);

        Assert.Equal("reverse-mentoring-reverse-mentoring-reverse-mentoring-reverse-mentoring-reverse", slug);
    }

    [Fact]
    public void FromTitle_SingleWordLongerThan80_IsCutAt80()
    {
        var slug = Slug.FromTitle(new string('a', 100));

        Assert.Equal(new string('a', 80), slug);
    }

    [Theory]
    [InlineData("Café déjà vu")]
    [InlineData("Don't panic")]
    [InlineData("")]
    [InlineData("--a--b--")]
    [InlineData("Ünïcödé 😀 emoji — and dashes")]
    public void FromTitle_AnyTitle_ReturnsValidSlug(string title)
    {
        var slug = Slug.FromTitle(title);

        Assert.True(Slug.IsValid(slug), slug);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("share-your-screen")]
    [InlineData("teams-2026")]
    [InlineData("0")]
    public void IsValid_WellFormedSlug_ReturnsTrue(string slug)
    {
        Assert.True(Slug.IsValid(slug));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-a")]
    [InlineData("a-")]
    [InlineData("a--b")]
    [InlineData("Share")]
    [InlineData("café")]
    [InlineData("a_b")]
    [InlineData("a b")]
    [InlineData("a\n")]
    [InlineData("../a")]
    public void IsValid_MalformedSlug_ReturnsFalse(string slug)
    {
        Assert.False(Slug.IsValid(slug));
    }

    [Fact]
    public void IsValid_120Characters_ReturnsTrue()
    {
        Assert.True(Slug.IsValid(new string('a', 120)));
    }

    [Fact]
    public void IsValid_121Characters_ReturnsFalse()
    {
        Assert.False(Slug.IsValid(new string('a', 121)));
    }
}
