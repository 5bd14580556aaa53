using AngleSharp.Html.Parser;
using SkillBridge.Core.Content.Markdown;

namespace SkillBridge.Tests.Content.Markdown;

/// <summary>Images from other sites: shown only from allowed hosts; any other (stored before the editor refused them) is a link.</summary>
public sealed class ExternalImageTests
{
    [Theory]
    [InlineData("https://tracker.example/pixel.gif")]
    [InlineData("http://TRACKER.example/pixel.gif")]
    public void Render_ImageFromAHostNotAllowed_BecomesALinkAndNoImage(string url)
    {
        var sut = new MarkdownRenderer();

        var body = Parse(sut.Render($"Look: ![The new menu]({url})"));

        Assert.Empty(body.QuerySelectorAll("img"));
        var link = Assert.Single(body.QuerySelectorAll("a"));
        Assert.Equal(url, link.GetAttribute("href"));
        Assert.Equal("The new menu", link.TextContent);
        Assert.Equal("noopener noreferrer", link.GetAttribute("rel"));
    }

    [Fact]
    public void Render_ImageWithoutAltTextFromAHostNotAllowed_LinksWithTheAddressAsText()
    {
        var sut = new MarkdownRenderer();

        var body = Parse(sut.Render("![](https://tracker.example/pixel.gif)"));

        Assert.Empty(body.QuerySelectorAll("img"));
        Assert.Equal("https://tracker.example/pixel.gif", Assert.Single(body.QuerySelectorAll("a")).TextContent);
    }

    [Fact]
    public void Render_ImageFromAnAllowedHost_IsShown()
    {
        var sut = new MarkdownRenderer(["images.example.com"]);

        var body = Parse(sut.Render("![The new menu](https://images.example.com/menu.png)"));

        Assert.Equal("https://images.example.com/menu.png", Assert.Single(body.QuerySelectorAll("img")).GetAttribute("src"));
    }

    [Fact]
    public void Render_ImageOnTheSite_IsShown()
    {
        var sut = new MarkdownRenderer();

        var body = Parse(sut.Render("![The new menu](/media/menu.png)"));

        Assert.Single(body.QuerySelectorAll("img"));
    }

    [Fact]
    public void FindRefused_ImagesOnSeveralLines_NamesEachRefusedOneWithItsLine()
    {
        var refused = ExternalImages.FindRefused("Intro.\n\n![a](images/a.png)\n\n![b](https://tracker.example/b.gif)\n![c](https://images.example.com/c.png)\n", 10, ["images.example.com"]);

        Assert.Equal([("https://tracker.example/b.gif", 14)], refused);
    }

    private static AngleSharp.Dom.IElement Parse(string html) => new HtmlParser().ParseDocument("<body>" + html + "</body>").Body!;
}
