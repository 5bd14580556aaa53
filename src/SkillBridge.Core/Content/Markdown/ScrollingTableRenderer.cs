using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace SkillBridge.Core.Content.Markdown;

/// <summary>
/// Wraps each table in a box that scrolls sideways on its own, so a wide table never makes the whole page
/// scroll at 320px and 200% text. The box is focusable so keyboard users can scroll it too.
/// </summary>
internal sealed class ScrollingTableRenderer(HtmlTableRenderer inner) : HtmlObjectRenderer<Table>
{
    protected override void Write(HtmlRenderer renderer, Table obj)
    {
        renderer.EnsureLine();
        renderer.WriteLine("<div class=\"table-scroll\" role=\"region\" aria-label=\"Table\" tabindex=\"0\">");
        ((IMarkdownObjectRenderer)inner).Write(renderer, obj);
        renderer.EnsureLine();
        renderer.WriteLine("</div>");
    }
}
