using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using SkillBridge.Core.Content.Markdown;

namespace SkillBridge.Tests.Content.Markdown;

public class MarkdownRendererTests
{
    private static readonly Url SitePage = new("https://skillbridge.example/modules/share-your-screen");
    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    [Theory]
    [MemberData(nameof(HostileUrls.All), MemberType = typeof(HostileUrls))]
    public void Render_InlineLinkWithHostileUrl_KeepsTextWithoutLink(string url)
    {
        var sut = new MarkdownRenderer();
        var html = sut.Render($"Read [the guide](<{url}>) first.");

        var body = Parse(html);
        AssertInert(body);
        Assert.Empty(body.QuerySelectorAll("[href]"));
        Assert.Contains("the guide", body.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(HostileUrls.All), MemberType = typeof(HostileUrls))]
    public void Render_ReferenceLinkWithHostileUrl_KeepsTextWithoutLink(string url)
    {
        var sut = new MarkdownRenderer();
        var html = sut.Render($"Read [the guide][guide] first.\n\n[guide]: <{url}> \"Guide\"\n");

        var body = Parse(html);
        AssertInert(body);
        Assert.Empty(body.QuerySelectorAll("[href]"));
        Assert.Contains("the guide", body.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(HostileUrls.All), MemberType = typeof(HostileUrls))]
    public void Render_AutolinkWithHostileUrl_HasNoLink(string url)
    {
        var sut = new MarkdownRenderer();
        var html = sut.Render($"See <{url}> now.");

        var body = Parse(html);
        AssertInert(body);
        Assert.Empty(body.QuerySelectorAll("[href]"));
    }

    [Theory]
    [MemberData(nameof(HostileUrls.All), MemberType = typeof(HostileUrls))]
    public void Render_ImageWithHostileUrl_ShowsAltTextInstead(string url)
    {
        var sut = new MarkdownRenderer();
        var html = sut.Render($"![The share *dialog*](<{url}>)");

        var body = Parse(html);
        AssertInert(body);
        Assert.Empty(body.QuerySelectorAll("img, [src]"));
        Assert.Contains("The share dialog", body.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(HostileUrls.All), MemberType = typeof(HostileUrls))]
    public void Render_ReferenceImageWithHostileUrl_ShowsAltTextInstead(string url)
    {
        var sut = new MarkdownRenderer();
        var html = sut.Render($"![The share dialog][shot]\n\n[shot]: <{url}>\n");

        var body = Parse(html);
        AssertInert(body);
        Assert.Empty(body.QuerySelectorAll("img, [src]"));
        Assert.Contains("The share dialog", body.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("[x](&#106;avascript:alert(1))")]
    [InlineData("[x](javascript&colon;alert(1))")]
    [InlineData("[x](%6Aavascript:alert(1))")]
    [InlineData("[x](//evil.example)")]
    [InlineData("![x](data:image/png;base64,AAAA)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[![pic](i.png)](javascript:alert(1))")]
    [InlineData("![[x](javascript:alert(1))](i.png)")]
    public void Render_HostileUrlWithoutPointyBrackets_IsInert(string markdown)
    {
        var sut = new MarkdownRenderer();
        var html = sut.Render(markdown);

        AssertInert(Parse(html));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "script")]
    [InlineData("<img src=x onerror=alert(1)>", "img")]
    [InlineData("<iframe src=\"javascript:alert(1)\"></iframe>", "iframe")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "a")]
    [InlineData("Text <span onclick=\"alert(1)\">inline</span> here", "span")]
    [InlineData("<svg onload=alert(1)>", "svg")]
    public void Render_RawHtml_IsEscapedAsText(string markdown, string element)
    {
        var sut = new MarkdownRenderer();
        var html = sut.Render(markdown);

        var body = Parse(html);
        Assert.Empty(body.QuerySelectorAll(element));
        Assert.Contains(markdown, body.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_GenericAttributeSyntax_StaysText()
    {
        var sut = new MarkdownRenderer();
        var html = sut.Render("### Title {#x .y onclick=alert(1)}\n\n[link](/a){onmouseover=alert(1)}");

        var body = Parse(html);
        AssertInert(body);
        Assert.Contains("{#x .y onclick=alert(1)}", body.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://example.com/a?b=c")]
    [InlineData("http://example.com/")]
    [InlineData("mailto:priya.shah@example.com")]
    [InlineData("/modules/share-your-screen")]
    [InlineData("#step-2")]
    [InlineData("../tools/x")]
    [InlineData("images/guide.pdf")]
    public void Render_AllowedLink_KeepsHref(string url)
    {
        var sut = new MarkdownRenderer();
        var html = sut.Render($"[the guide]({url})");

        var link = Assert.Single(Parse(html).QuerySelectorAll("a"));
        Assert.Equal(url, link.GetAttribute("href"));
    }

    [Theory]
    [InlineData("[the guide](https://example.com/guide)")]
    [InlineData("[the guide](HTTP://example.com/guide)")]
    [InlineData("<https://example.com/guide>")]
    [InlineData("Go to https://example.com/guide now")]
    [InlineData("Go to www.example.com now")]
    [InlineData("[the guide][g]\n\n[g]: https://example.com/guide")]
    public void Render_ExternalLink_HasNoopenerNoreferrer(string markdown)
    {
        var sut = new MarkdownRenderer();
        var html = sut.Render(markdown);

        var link = Assert.Single(Parse(html).QuerySelectorAll("a"));
        Assert.Equal("noopener noreferrer", link.GetAttribute("rel"));
    }

    [Fact]
    public void Render_ExternalLink_StaysInSameTab()
    {
        var sut = new MarkdownRenderer();
        var html = sut.Render("[the guide](https://example.com/guide)");

        var link = Assert.Single(Parse(html).QuerySelectorAll("a"));
        Assert.False(link.HasAttribute("target"));
    }

    [Theory]
    [InlineData("[next step](#step-2)")]
    [InlineData("[another module](/modules/teams-channels-vs-chats)")]
    [InlineData("[write to Priya](mailto:priya.shah@example.com)")]
    [InlineData("<priya.shah@example.com>")]
    public void Render_InternalOrMailLink_HasNoRel(string markdown)
    {
        var sut = new MarkdownRenderer();
        var html = sut.Render(markdown);

        var link = Assert.Single(Parse(html).QuerySelectorAll("a"));
        Assert.False(link.HasAttribute("rel"));
    }

    [Fact]
    public void Render_Image_LoadsLazilyAndDecodesAsync()
    {
        var sut = new MarkdownRenderer();
        var html = sut.Render("![The share dialog](images/share-dialog.png)");

        var image = Assert.Single(Parse(html).QuerySelectorAll("img"));
        Assert.Equal("lazy", image.GetAttribute("loading"));
        Assert.Equal("async", image.GetAttribute("decoding"));
    }

    [Fact]
    public void Render_ImageKnownToResolver_UsesResolvedUrlAndSize()
    {
        var sut = new MarkdownRenderer();
        var html = sut.Render(
            "![The share dialog](images/share-dialog.png)",
            url => url == "images/share-dialog.png" ? new ImageSource("/media/42/share-dialog.png", 1280, 720) : null);

        var image = Assert.Single(Parse(html).QuerySelectorAll("img"));
        Assert.Equal("/media/42/share-dialog.png", image.GetAttribute("src"));
        Assert.Equal("1280", image.GetAttribute("width"));
        Assert.Equal("720", image.GetAttribute("height"));
    }

    [Fact]
    public void Render_ImageUnknownToResolver_KeepsWrittenUrlWithoutSize()
    {
        var sut = new MarkdownRenderer();
        var html = sut.Render("![The share dialog](images/share-dialog.png)", _ => null);

        var image = Assert.Single(Parse(html).QuerySelectorAll("img"));
        Assert.Equal("images/share-dialog.png", image.GetAttribute("src"));
        Assert.False(image.HasAttribute("width"));
        Assert.False(image.HasAttribute("height"));
    }

    [Fact]
    public void Render_ResolverReturnsDisallowedUrl_ShowsAltTextInstead()
    {
        var sut = new MarkdownRenderer();
        var html = sut.Render("![The share dialog](images/share-dialog.png)", _ => new ImageSource("javascript:alert(1)", 10, 10));

        var body = Parse(html);
        Assert.Empty(body.QuerySelectorAll("img"));
        Assert.Contains("The share dialog", body.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ImageWithEmptyAlt_HasEmptyAltAttribute()
    {
        var sut = new MarkdownRenderer();
        var html = sut.Render("![](images/divider.png)");

        var image = Assert.Single(Parse(html).QuerySelectorAll("img"));
        Assert.Equal(string.Empty, image.GetAttribute("alt"));
    }

    [Fact]
    public void Render_Image_IsALinkToItselfInItsParagraph()
    {
        var sut = new MarkdownRenderer();
        var html = sut.Render("![The share dialog](images/share-dialog.png)", url => new ImageSource("/media/42/share-dialog.png", 1280, 720));

        var image = Assert.Single(Parse(html).QuerySelectorAll("img"));
        var link = image.ParentElement!;
        Assert.Equal("A", link.TagName);
        Assert.Equal("/media/42/share-dialog.png", link.GetAttribute("href"));
        Assert.Equal("P", link.ParentElement?.TagName);
    }

    [Fact]
    public void Render_DecorativeImage_IsNotALink()
    {
        var sut = new MarkdownRenderer();
        var html = sut.Render("![](images/divider.png)");

        var image = Assert.Single(Parse(html).QuerySelectorAll("img"));
        Assert.Equal("P", image.ParentElement?.TagName);
    }

    [Fact]
    public void Render_ImageInsideALink_KeepsThatLinkOnly()
    {
        var sut = new MarkdownRenderer();
        var html = sut.Render("[![The share dialog](images/share-dialog.png)](https://example.com/guide)");

        var link = Assert.Single(Parse(html).QuerySelectorAll("a"));
        Assert.Equal("https://example.com/guide", link.GetAttribute("href"));
    }

    [Theory]
    [InlineData("quiz")]
    [InlineData("quiz single")]
    public void Render_QuizFence_RendersNothing(string info)
    {
        var sut = new MarkdownRenderer();
        var markdown = $"Before.\n\n```{info}\nquestion: What do colleagues see?\noptions:\n  - text: Only that window\n    correct: true\n```\n\nAfter.";

        var html = sut.Render(markdown);

        var body = Parse(html);
        Assert.Empty(body.QuerySelectorAll("pre, code"));
        Assert.DoesNotContain("question", body.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, body.QuerySelectorAll("p").Length);
    }

    [Fact]
    public void Render_OtherFence_RendersCode()
    {
        var sut = new MarkdownRenderer();
        var html = sut.Render("```powershell\nGet-Process <x>\n```");

        var code = Assert.Single(Parse(html).QuerySelectorAll("pre > code"));
        Assert.Equal("Get-Process <x>\n", code.TextContent);
    }

    [Theory]
    [InlineData("NOTE", "Note")]
    [InlineData("TIP", "Tip")]
    [InlineData("IMPORTANT", "Important")]
    [InlineData("WARNING", "Warning")]
    [InlineData("CAUTION", "Caution")]
    public void Render_AlertBlock_ShowsTitleAsVisibleText(string kind, string title)
    {
        var sut = new MarkdownRenderer();
        var html = sut.Render($"> [!{kind}]\n> Close your inbox before sharing.");

        var alert = Assert.Single(Parse(html).QuerySelectorAll(".markdown-alert"));
        var heading = alert.QuerySelector(".markdown-alert-title");
        Assert.Equal(title, heading?.TextContent);
        Assert.Contains("Close your inbox before sharing.", alert.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AlertBlockOfUnknownKind_StillShowsTitle()
    {
        var sut = new MarkdownRenderer();
        var html = sut.Render("> [!HINT]\n> Use the keyboard.");

        var heading = Parse(html).QuerySelector(".markdown-alert-title");
        Assert.Equal("Hint", heading?.TextContent);
    }

    [Fact]
    public void Render_PipeTable_RendersTableInScrollBox()
    {
        var sut = new MarkdownRenderer();
        var html = sut.Render("| App | Shortcut |\n| --- | --- |\n| Teams | Ctrl+Shift+E |\n");

        var table = Assert.Single(Parse(html).QuerySelectorAll("div.table-scroll > table"));
        Assert.Equal(["App", "Shortcut"], table.QuerySelectorAll("th").Select(th => th.TextContent));
        Assert.Equal(["Teams", "Ctrl+Shift+E"], table.QuerySelectorAll("td").Select(td => td.TextContent));
    }

    [Fact]
    public void Render_Level3Heading_RendersAsIsWithoutId()
    {
        var sut = new MarkdownRenderer();
        var html = sut.Render("### If the button is missing");

        var heading = Assert.Single(Parse(html).QuerySelectorAll("h3"));
        Assert.Equal("If the button is missing", heading.TextContent);
        Assert.False(heading.HasAttribute("id"));
    }

    [Theory]
    [InlineData("# Top")]
    [InlineData("## Top")]
    [InlineData("Top\n===")]
    public void Render_HeadingAboveLevel3_RendersAsLevel3(string markdown)
    {
        var sut = new MarkdownRenderer();
        var html = sut.Render(markdown);

        var heading = Assert.Single(Parse(html).QuerySelectorAll("h1, h2, h3"));
        Assert.Equal("H3", heading.TagName);
    }

    [Fact]
    public void Render_ManyThreadsAtOnce_GiveTheSameHtmlAsOneThread()
    {
        var sut = new MarkdownRenderer();
        var inputs = Enumerable.Range(0, 200)
            .Select(i => $"### Step {i}\n\n[site](https://example.com/{i}) ![shot {i}](images/{i}.png) [bad](javascript:{i})\n\n| a |\n|---|\n| {i} |")
            .ToArray();
        var expected = inputs.Select(i => sut.Render(i, Resolve)).ToArray();

        var actual = new string[inputs.Length];
        Parallel.For(0, inputs.Length, i => actual[i] = sut.Render(inputs[i], Resolve));

        Assert.Equal(expected, actual);

        static ImageSource? Resolve(string url) => new("/media/" + url, 100, 50);
    }

    private static IElement Parse(string html)
    {
        var document = new HtmlParser().ParseDocument("<!doctype html><html><body>" + html + "</body></html>");
        return document.Body!;
    }

    /// <summary>
    /// Checks the output the way a browser would read it, independently of <see cref="UrlPolicy"/>: every URL
    /// attribute resolves (WHATWG parsing by AngleSharp) to http, https or mailto, and nothing can run script.
    /// </summary>
    private static void AssertInert(IElement body)
    {
        Assert.Empty(body.QuerySelectorAll("script, iframe, object, embed, svg, math, style, form, base, meta, link"));
        foreach (var element in body.QuerySelectorAll("*"))
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(
                    attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase),
                    $"<{element.LocalName}> has event handler {attribute.Name}");

                if (attribute.Name is "href" or "src" or "srcset" or "action" or "formaction" or "xlink:href")
                {
                    var resolved = new Url(SitePage, attribute.Value);
                    Assert.False(resolved.IsInvalid, $"{attribute.Name}=\"{attribute.Value}\" does not parse");
                    Assert.Contains(resolved.Scheme, SafeSchemes);
                    if (!attribute.Value.StartsWith(resolved.Scheme + ":", StringComparison.OrdinalIgnoreCase))
                    {
                        Assert.Equal(SitePage.HostName, resolved.HostName);
                    }
                }
            }
        }
    }
}
