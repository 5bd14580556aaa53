using System.Globalization;
using System.Text;
using Markdig;
using Markdig.Helpers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SkillBridge.Core.Content.Markdown;

/// <summary>
/// Turns the Markdown of a module step into HTML that is safe to show as is: raw HTML comes out as text,
/// and every link and image URL is checked against <see cref="UrlPolicy"/> after parsing, so no spelling
/// of a URL can slip past. Thread-safe: one instance serves the whole site.
/// </summary>
public sealed class MarkdownRenderer
{
    private const string QuizInfo = "quiz";

    /// <summary>Steps are level-2 headings and the page title is level 1, so headings in a step start at 3.</summary>
    private const int LowestStepHeadingLevel = 3;

    private readonly MarkdownPipeline _pipeline;

    private readonly IReadOnlyCollection<string> _allowedImageHosts;

    /// <summary>A renderer that shows no image from another site.</summary>
    public MarkdownRenderer()
        : this([])
    {
    }

    /// <param name="allowedImageHosts">Hosts whose images are shown; images from any other site become links.</param>
    public MarkdownRenderer(IReadOnlyCollection<string> allowedImageHosts)
    {
        _allowedImageHosts = allowedImageHosts;
        var builder = new MarkdownPipelineBuilder()
            .DisableHtml()
            .UsePipeTables()
            .UseAlertBlocks(WriteAlertTitle)
            .UseAutoLinks()
            .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough);
        builder.Extensions.Add(new ScrollingTableExtension());
        _pipeline = builder.Build();
    }

    /// <param name="markdown">A step's body (or a module's introduction).</param>
    /// <param name="resolveImage">
    /// Maps an image URL as written (for example "images/share-dialog.png") to where the site serves it and
    /// its size; returns null when unknown, and then the written URL is used if it is allowed.
    /// </param>
    public string Render(string markdown, Func<string, ImageSource?>? resolveImage = null)
    {
        var document = Markdig.Markdown.Parse(markdown, _pipeline);
        RemoveQuizzes(document);
        ClampHeadings(document);
        MakeLinksSafe(document, resolveImage, _allowedImageHosts);
        return Markdig.Markdown.ToHtml(document, _pipeline);
    }

    /// <summary>
    /// Markdig's own title has a GitHub icon and writes nothing at all for kinds it does not know
    /// (<c>[!FOO]</c> still becomes an alert); every alert here gets a visible text title, icons come from the theme.
    /// </summary>
    private static void WriteAlertTitle(HtmlRenderer renderer, StringSlice kind)
    {
        var title = kind.ToString().ToUpperInvariant() switch
        {
            "NOTE" => "Note",
            "TIP" => "Tip",
            "IMPORTANT" => "Important",
            "WARNING" => "Warning",
            "CAUTION" => "Caution",
            var other => other.Length == 0 ? "Note" : other[..1] + other[1..].ToLowerInvariant(),
        };
        renderer.Write("<p class=\"markdown-alert-title\">");
        renderer.WriteEscape(title);
        renderer.WriteLine("</p>");
    }

    /// <summary>Quizzes are parsed from the same Markdown and shown by the player, not as code.</summary>
    private static void RemoveQuizzes(MarkdownDocument document)
    {
        foreach (var fence in document.Descendants<FencedCodeBlock>().ToList())
        {
            if (IsQuiz(fence))
            {
                fence.Parent?.Remove(fence);
            }
        }
    }

    /// <summary>Markdig splits the info string: <see cref="FencedCodeBlock.Info"/> is its first word only.</summary>
    private static bool IsQuiz(FencedCodeBlock fence) =>
        string.Equals(fence.Info, QuizInfo, StringComparison.Ordinal);

    private static void ClampHeadings(MarkdownDocument document)
    {
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Max(heading.Level, LowestStepHeadingLevel);
        }
    }

    private static void MakeLinksSafe(MarkdownDocument document, Func<string, ImageSource?>? resolveImage, IReadOnlyCollection<string> allowedImageHosts)
    {
        // Reference links already carry a copy of their definition's URL; blank refused definitions anyway
        // so nothing added later can pick the URL up from them.
        foreach (var definition in document.Descendants<LinkReferenceDefinition>())
        {
            if (!UrlPolicy.IsAllowed(definition.Url))
            {
                definition.Url = string.Empty;
            }
        }

        // Materialised first: the loop below moves and removes inlines.
        var inlines = document.Descendants<Inline>().Where(i => i is LinkInline or AutolinkInline).ToList();
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case LinkInline { IsImage: true } image:
                    MakeImageSafe(image, resolveImage, allowedImageHosts);
                    break;
                case LinkInline link:
                    MakeLinkSafe(link);
                    break;
                case AutolinkInline autolink:
                    MakeAutolinkSafe(autolink);
                    break;
            }
        }
    }

    private static void MakeLinkSafe(LinkInline link)
    {
        PinUrl(link);
        if (!UrlPolicy.IsAllowed(link.Url))
        {
            Unwrap(link);
            return;
        }

        if (UrlPolicy.IsExternal(link.Url!))
        {
            link.GetAttributes().AddProperty("rel", "noopener noreferrer");
        }
    }

    private static void MakeAutolinkSafe(AutolinkInline autolink)
    {
        var href = autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url;
        if (!UrlPolicy.IsAllowed(href))
        {
            autolink.ReplaceBy(new LiteralInline(autolink.Url));
            return;
        }

        if (UrlPolicy.IsExternal(href))
        {
            autolink.GetAttributes().AddProperty("rel", "noopener noreferrer");
        }
    }

    private static void MakeImageSafe(LinkInline image, Func<string, ImageSource?>? resolveImage, IReadOnlyCollection<string> allowedImageHosts)
    {
        PinUrl(image);
        if (!UrlPolicy.IsAllowed(image.Url))
        {
            image.ReplaceBy(new LiteralInline(PlainText(image)), copyChildren: false);
            return;
        }

        var attributes = image.GetAttributes();
        if (resolveImage?.Invoke(image.Url!) is { } source)
        {
            if (!UrlPolicy.IsAllowed(source.Url))
            {
                image.ReplaceBy(new LiteralInline(PlainText(image)), copyChildren: false);
                return;
            }

            image.Url = source.Url;
            if (source.Width is > 0 and var width)
            {
                attributes.AddProperty("width", width.ToString(CultureInfo.InvariantCulture));
            }

            if (source.Height is > 0 and var height)
            {
                attributes.AddProperty("height", height.ToString(CultureInfo.InvariantCulture));
            }

            if (IsSafeSrcset(source.Srcset))
            {
                attributes.AddProperty("srcset", source.Srcset!);
                if (!string.IsNullOrWhiteSpace(source.Sizes))
                {
                    attributes.AddProperty("sizes", source.Sizes);
                }
            }
        }

        if (!ExternalImages.IsAllowed(image.Url!, allowedImageHosts))
        {
            // Stored before the editor refused such images: a link the reader may follow, never a request the page makes.
            ShowAsLink(image);
            return;
        }

        attributes.AddProperty("loading", "lazy");
        attributes.AddProperty("decoding", "async");
        OpenFullSizeOnClick(image);
    }

    /// <summary>
    /// A tap or click opens the image itself (full size, zoomable by the browser): small screenshots are hard to read on a
    /// phone. Not for an image that is already a link, nor a decorative one (empty alt), which would make a link without a name.
    /// </summary>
    private static void OpenFullSizeOnClick(LinkInline image)
    {
        if (image.Parent is LinkInline || image.FirstChild is null)
        {
            return;
        }

        var link = new LinkInline(image.Url!, string.Empty);
        link.GetAttributes().AddClass("image-link");
        image.ReplaceBy(link, copyChildren: false);
        link.AppendChild(image);
    }

    private static void ShowAsLink(LinkInline image)
    {
        image.IsImage = false;
        if (image.FirstChild is null)
        {
            image.AppendChild(new LiteralInline(image.Url!));
        }

        image.GetAttributes().AddProperty("rel", "noopener noreferrer");
    }

    /// <summary>
    /// A srcset is used only when every candidate is "URL width" with a URL the policy allows; one bad candidate drops
    /// the whole srcset (the checked src still shows the image).
    /// </summary>
    private static bool IsSafeSrcset(string? srcset)
    {
        if (string.IsNullOrWhiteSpace(srcset))
        {
            return false;
        }

        foreach (var candidate in srcset.Split(',', StringSplitOptions.TrimEntries))
        {
            var parts = candidate.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !UrlPolicy.IsAllowed(parts[0]) || !IsWidthDescriptor(parts[1]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsWidthDescriptor(string descriptor) =>
        descriptor.Length > 1 && descriptor[^1] == 'w' && descriptor[..^1].All(char.IsAsciiDigit);

    /// <summary>
    /// The HTML renderer prefers <see cref="LinkInline.GetDynamicUrl"/> over <see cref="LinkInline.Url"/>;
    /// fix the URL now so the one checked is the one written.
    /// </summary>
    private static void PinUrl(LinkInline link)
    {
        if (link.GetDynamicUrl is { } dynamicUrl)
        {
            link.Url = dynamicUrl();
            link.GetDynamicUrl = null;
        }
    }

    /// <summary>Keeps a refused link's text in place, without the link.</summary>
    private static void Unwrap(LinkInline link)
    {
        var child = link.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            link.InsertBefore(child);
            child = next;
        }

        link.Remove();
    }

    private static string PlainText(ContainerInline container)
    {
        var text = new StringBuilder();
        foreach (var inline in container.Descendants<Inline>())
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content);
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
            }
        }

        return text.ToString();
    }
}
