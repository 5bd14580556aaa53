using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using SkillBridge.Core.Content.Markdown;
using SkillBridge.Core.Publishing;

namespace SkillBridge.Tests.Review;

/// <summary>The word-by-word comparison of rendered module HTML that the review page shows.</summary>
public sealed partial class RenderedDiffTests
{
    private static readonly MarkdownRenderer Renderer = new();

    [Fact]
    public void Compare_OneWordChanged_MarksOnlyThatWordWithHiddenWords()
    {
        var html = RenderedDiff.Compare(Render("Click the green button."), Render("Click the blue button."));

        var fragment = Parse(html);
        Assert.Equal("removed: green", fragment.QuerySelector("del")!.TextContent);
        Assert.Equal("added: blue", fragment.QuerySelector("ins")!.TextContent);
        Assert.Equal("removed: ", fragment.QuerySelector("del .visually-hidden")!.TextContent);
        Assert.Equal("added: ", fragment.QuerySelector("ins .visually-hidden")!.TextContent);
        Assert.Single(fragment.QuerySelectorAll("p"));
        Assert.True(IsBalanced(html), html);
    }

    [Fact]
    public void Compare_InsertionAcrossBoldAndLink_NeverSplitsATag()
    {
        var before = Render("Open the menu.");
        var after = Render("Open **the new [settings](https://example.com/help) menu** now.");

        var html = RenderedDiff.Compare(before, after);

        Assert.True(IsBalanced(html), html);
        var fragment = Parse(html);
        Assert.Contains(fragment.QuerySelectorAll("strong ins, ins strong"), e => e.TextContent.Contains("new", StringComparison.Ordinal));
        Assert.Equal("https://example.com/help", fragment.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Open the new settings menu now.", Visible(fragment.QuerySelector("p")!));
    }

    [Fact]
    public void Compare_ListItemAddedAndParagraphRemoved_MarksWholeBlocksInTheirOwnList()
    {
        var before = Render("Intro.\n\nGone paragraph.\n\n1. First\n2. Second\n");
        var after = Render("Intro.\n\n1. First\n2. Between\n3. Second\n");

        var html = RenderedDiff.Compare(before, after);

        Assert.True(IsBalanced(html), html);
        var fragment = Parse(html);
        Assert.Single(fragment.QuerySelectorAll("ol"));
        Assert.Equal(["First", "added: Between", "Second"], fragment.QuerySelectorAll("ol > li").Select(li => li.TextContent.Trim()).ToArray());
        Assert.Equal("removed: Gone paragraph.", fragment.QuerySelector("p del")!.TextContent);
    }

    [Fact]
    public void Compare_NothingBefore_MarksEverythingAdded()
    {
        var html = RenderedDiff.Compare("", Render("## Title\n\nAll new."));

        Assert.Equal(2, Parse(html).QuerySelectorAll("ins").Length);
        Assert.Empty(Parse(html).QuerySelectorAll("del"));
    }

    [Fact]
    public void Compare_HostileMarkdown_StaysInertText()
    {
        const string hostile = "<script>alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:alert(3)) \"><b onmouseover=alert(4)>x</b>";
        var html = RenderedDiff.Compare(Render("Safe text."), Render("Safe text. " + hostile));

        Assert.True(IsBalanced(html), html);
        var fragment = Parse(html);
        Assert.Empty(fragment.QuerySelectorAll("script, b, img"));
        Assert.DoesNotContain(fragment.QuerySelectorAll("*"), e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        Assert.DoesNotContain(fragment.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "").Contains("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("<script>alert(1)</script>", fragment.QuerySelector("p")!.TextContent, StringComparison.Ordinal);
    }

    private static string Render(string markdown) => Renderer.Render(markdown);

    private static AngleSharp.Dom.IElement Parse(string html)
    {
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body><div id=\"root\">" + html + "</div></body></html>");
        return document.GetElementById("root")!;
    }

    /// <summary>The text a sighted reader sees as the new version: without removed words and the hidden words.</summary>
    private static string Visible(AngleSharp.Dom.IElement element)
    {
        var copy = (AngleSharp.Dom.IElement)element.Clone();
        foreach (var hidden in copy.QuerySelectorAll("del, .visually-hidden").ToList())
        {
            hidden.Remove();
        }

        return copy.TextContent;
    }

    /// <summary>Every tag that opens is closed, in order (void elements aside): well-formed, whatever the browser would repair.</summary>
    private static bool IsBalanced(string html)
    {
        var open = new Stack<string>();
        foreach (Match tag in Tags().Matches(html))
        {
            var name = tag.Groups["name"].Value.ToLowerInvariant();
            if (name is "img" or "br" or "hr")
            {
                continue;
            }

            if (tag.Groups["close"].Success)
            {
                if (open.Count == 0 || open.Pop() != name)
                {
                    return false;
                }
            }
            else
            {
                open.Push(name);
            }
        }

        return open.Count == 0;
    }

    [GeneratedRegex("<(?<close>/)?(?<name>[a-zA-Z0-9]+)[^>]*>")]
    private static partial Regex Tags();
}
