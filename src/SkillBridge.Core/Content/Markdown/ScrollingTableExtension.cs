using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers;

namespace SkillBridge.Core.Content.Markdown;

/// <summary>Swaps Markdig's table renderer for <see cref="ScrollingTableRenderer"/>; add it after the table extension.</summary>
internal sealed class ScrollingTableExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html
            && html.ObjectRenderers.FindExact<HtmlTableRenderer>() is { } tableRenderer)
        {
            html.ObjectRenderers.Replace<HtmlTableRenderer>(new ScrollingTableRenderer(tableRenderer));
        }
    }
}
