using SkillBridge.Core.Content.Markdown;

namespace SkillBridge.Tests.Content.Markdown;

public class UrlPolicyTests
{
    [Theory]
    [MemberData(nameof(HostileUrls.All), MemberType = typeof(HostileUrls))]
    public void IsAllowed_HostileSpelling_ReturnsFalse(string url)
    {
        // The policy sees URLs after Markdig has decoded them, so decode what Markdig would (the entities).
        var decoded = System.Net.WebUtility.HtmlDecode(url);

        Assert.False(UrlPolicy.IsAllowed(url));
        Assert.False(UrlPolicy.IsAllowed(decoded));
    }

    [Theory]
    [InlineData("https://example.com/a?b=c#d")]
    [InlineData("HTTP://example.com")]
    [InlineData("mailto:priya.shah@example.com")]
    [InlineData("images/share-dialog.png")]
    [InlineData("/modules/share-your-screen")]
    [InlineData("#step-2")]
    [InlineData("../tools/x")]
    [InlineData("?q=a:b")]
    [InlineData("images/a:b.png")]
    [InlineData("")]
    public void IsAllowed_AllowedSchemeOrRelative_ReturnsTrue(string url)
    {
        Assert.True(UrlPolicy.IsAllowed(url));
    }

    [Fact]
    public void IsAllowed_Null_ReturnsFalse()
    {
        Assert.False(UrlPolicy.IsAllowed(null));
    }

    [Theory]
    [InlineData("https://example.com", true)]
    [InlineData("http://skillbridge.example/modules/x", true)]
    [InlineData("//evil.example", true)]
    [InlineData("/modules/x", false)]
    [InlineData("#step-2", false)]
    [InlineData("mailto:a@example.com", false)]
    public void IsExternal_Url_TellsWhetherItLeavesTheSite(string url, bool expected)
    {
        Assert.Equal(expected, UrlPolicy.IsExternal(url));
    }
}
