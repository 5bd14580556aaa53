using AngleSharp.Html.Parser;
using SkillBridge.Core.Content.Markdown;

namespace SkillBridge.Tests.Content.Markdown;

public sealed class MarkdownRendererSrcsetTests
{
    private const string Srcset = "/media/abc-480.png 480w, /media/abc-960.png 960w, /media/abc.png 1200w";
    private const string Sizes = "(min-width: 48rem) 46rem, 100vw";

    [Fact]
    public void Render_ImageWithVariants_WritesSrcsetAndSizes()
    {
        var sut = new MarkdownRenderer();

        var html = sut.Render("![The share dialog](images/share-dialog.png)", _ => new ImageSource("/media/abc.png", 1200, 600, Srcset, Sizes));

        var image = Image(html);
        Assert.Equal("/media/abc.png", image.GetAttribute("src"));
        Assert.Equal(Srcset, image.GetAttribute("srcset"));
        Assert.Equal(Sizes, image.GetAttribute("sizes"));
    }

    [Fact]
    public void Render_ImageWithoutVariants_WritesNoSrcset()
    {
        var sut = new MarkdownRenderer();

        var html = sut.Render("![The share dialog](images/share-dialog.png)", _ => new ImageSource("/media/abc.png", 1200, 600));

        Assert.Null(Image(html).GetAttribute("srcset"));
        Assert.Null(Image(html).GetAttribute("sizes"));
    }

    [Theory]
    [InlineData("javascript:alert(1) 480w, /media/abc.png 1200w")]
    [InlineData("/media/abc-480.png 480w, data:image/png;base64,AAAA 1200w")]
    [InlineData("/media/abc-480.png 480w onerror=alert(1)")]
    [InlineData("/media/abc-480.png 2x")]
    public void Render_SrcsetWithARefusedCandidate_DropsTheWholeSrcset(string srcset)
    {
        var sut = new MarkdownRenderer();

        var html = sut.Render("![The share dialog](images/share-dialog.png)", _ => new ImageSource("/media/abc.png", 1200, 600, srcset, Sizes));

        var image = Image(html);
        Assert.Equal("/media/abc.png", image.GetAttribute("src"));
        Assert.Null(image.GetAttribute("srcset"));
        Assert.Null(image.GetAttribute("onerror"));
    }

    private static AngleSharp.Dom.IElement Image(string html) =>
        Assert.Single(new HtmlParser().ParseDocument("<!doctype html><html><body>" + html + "</body></html>").QuerySelectorAll("img"));
}
