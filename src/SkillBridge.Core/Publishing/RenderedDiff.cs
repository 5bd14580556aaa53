using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace SkillBridge.Core.Publishing;

/// <summary>
/// Compares two pieces of rendered (already sanitised) module HTML as a learner reads them: block by block (paragraph,
/// list item, heading, table cell, quiz line), and inside a changed block word by word. The result is the newer HTML
/// with removed words in <c>&lt;del&gt;</c> and added words in <c>&lt;ins&gt;</c>, each run starting with a visually
/// hidden "removed"/"added" for screen readers. It is rebuilt from the parsed elements, so it is always well formed:
/// an insertion that crosses a <c>&lt;strong&gt;</c> or a link closes and reopens it instead of splitting a tag.
/// Only elements and attributes the Markdown renderer writes are copied, and all text is encoded again.
/// </summary>
public static partial class RenderedDiff
{
    private static readonly HashSet<string> InlineTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "b", "br", "cite", "code", "del", "em", "i", "img", "kbd", "mark", "q", "s", "small", "span", "strong", "sub", "sup", "u",
    };

    private static readonly HashSet<string> VoidTags = new(StringComparer.OrdinalIgnoreCase) { "br", "img", "hr" };

    /// <summary>Attributes the renderer writes; anything else (ids, which would repeat, or any handler) is dropped.</summary>
    private static readonly HashSet<string> KeptAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "href", "src", "srcset", "sizes", "alt", "title", "width", "height", "class", "start", "align", "scope", "colspan", "rowspan",
        "loading", "decoding", "rel", "role", "tabindex", "aria-label", "lang", "dir",
    };

    /// <summary>Above this many comparisons a block is shown as replaced rather than compared word by word.</summary>
    private const long MaxCells = 4_000_000;

    public const string AddedWord = "added";

    public const string RemovedWord = "removed";

    /// <summary>The newer HTML with what changed since <paramref name="beforeHtml"/> marked; an empty before marks everything as added.</summary>
    public static string Compare(string beforeHtml, string afterHtml)
    {
        var before = Blocks(beforeHtml);
        var after = Blocks(afterHtml);
        var output = new List<(Block Block, IReadOnlyList<Piece> Pieces)>();
        var mapped = new Dictionary<IElement, IElement>();

        foreach (var (kind, i, j) in Align(before.Select(b => b.Key).ToList(), after.Select(b => b.Key).ToList()))
        {
            switch (kind)
            {
                case Op.Same:
                    Map(before[i].Chain, after[j].Chain, mapped);
                    output.Add((after[j], after[j].Tokens.Select(t => new Piece(t, Op.Same)).ToList()));
                    break;
                case Op.Removed:
                    output.Add((before[i], before[i].Tokens.Select(t => new Piece(t, Op.Removed)).ToList()));
                    break;
                default:
                    output.Add((after[j], after[j].Tokens.Select(t => new Piece(t, Op.Added)).ToList()));
                    break;
            }
        }

        // A removed block followed by an added block of the same kind is one changed block: compare its words.
        for (var k = 0; k + 1 < output.Count; k++)
        {
            var (removed, next) = (output[k], output[k + 1]);
            if (removed.Pieces.Count > 0 && removed.Pieces.All(p => p.Op == Op.Removed) && next.Pieces.Count > 0 && next.Pieces.All(p => p.Op == Op.Added)
                && removed.Block.Tag == next.Block.Tag && removed.Block.Chain.Count == next.Block.Chain.Count)
            {
                Map(removed.Block.Chain, next.Block.Chain, mapped);
                output[k] = (next.Block, WordDiff(removed.Block.Tokens, next.Block.Tokens));
                output.RemoveAt(k + 1);
            }
        }

        var html = new StringBuilder();
        var open = new List<IElement>();
        foreach (var (block, pieces) in output)
        {
            var chain = block.Chain.Select(e => mapped.GetValueOrDefault(e, e)).ToList();
            Reopen(html, open, chain);
            WriteInline(html, pieces, mapped);
        }

        Reopen(html, open, []);
        return html.ToString();
    }

    private enum Op
    {
        Same,
        Removed,
        Added,
    }

    private sealed record Token(string Key, string? Text, IElement? Void, IReadOnlyList<IElement> Inline);

    private sealed record Piece(Token Token, Op Op);

    private sealed record Block(IReadOnlyList<IElement> Chain, List<Token> Tokens)
    {
        public string Tag => Chain.Count == 0 ? "" : Chain[^1].LocalName;

        public string Key => Tag + "|" + string.Concat(Tokens.Select(t => t.Key));
    }

    private static List<Block> Blocks(string html)
    {
        var blocks = new List<Block>();
        if (string.IsNullOrWhiteSpace(html))
        {
            return blocks;
        }

        var parser = new HtmlParser();
        var document = parser.ParseDocument("<!DOCTYPE html><html><body></body></html>");
        var nodes = parser.ParseFragment(html, document.Body!);
        CollectChildren(nodes, [], blocks);
        return blocks;
    }

    private static void CollectChildren(IEnumerable<INode> children, List<IElement> chain, List<Block> blocks)
    {
        List<Token>? run = null;
        void Flush()
        {
            if (run is { Count: > 0 } && run.Any(t => t.Void is not null || !string.IsNullOrWhiteSpace(t.Text)))
            {
                blocks.Add(new Block(chain, run));
            }

            run = null;
        }

        foreach (var node in children)
        {
            if (node is IElement element && !InlineTags.Contains(element.LocalName))
            {
                Flush();
                if (VoidTags.Contains(element.LocalName))
                {
                    blocks.Add(new Block([.. chain, element], []));
                }
                else
                {
                    CollectChildren(element.ChildNodes, [.. chain, element], blocks);
                }
            }
            else if (node is IElement or IText)
            {
                run ??= [];
                Tokenise(node, [], run);
            }
        }

        Flush();
    }

    private static void Tokenise(INode node, List<IElement> inline, List<Token> tokens)
    {
        switch (node)
        {
            case IText text:
                foreach (Match word in Words().Matches(text.Data))
                {
                    var key = string.IsNullOrWhiteSpace(word.Value) ? " " : word.Value;
                    tokens.Add(new Token(key, word.Value, null, inline));
                }

                break;
            case IElement element when VoidTags.Contains(element.LocalName):
                tokens.Add(new Token($"<{element.LocalName} {element.GetAttribute("src")} {element.GetAttribute("alt")}>", null, element, inline));
                break;
            case IElement element:
                List<IElement> inner = [.. inline, element];
                foreach (var child in element.ChildNodes)
                {
                    Tokenise(child, inner, tokens);
                }

                break;
        }
    }

    private static List<Piece> WordDiff(List<Token> before, List<Token> after) =>
        Align(before.Select(t => t.Key).ToList(), after.Select(t => t.Key).ToList())
            .Select(step => step.Op switch
            {
                Op.Same => new Piece(after[step.After], Op.Same),
                Op.Removed => new Piece(before[step.Before], Op.Removed),
                _ => new Piece(after[step.After], Op.Added),
            })
            .ToList();

    /// <summary>A longest-common-subsequence alignment; removals come before additions at each change.</summary>
    private static List<(Op Op, int Before, int After)> Align(List<string> before, List<string> after)
    {
        int n = before.Count, m = after.Count;
        var steps = new List<(Op, int, int)>();

        // Common ends are kept cheaply, so long unchanged modules stay fast.
        var start = 0;
        while (start < n && start < m && before[start] == after[start])
        {
            start++;
        }

        int endB = n, endA = m;
        while (endB > start && endA > start && before[endB - 1] == after[endA - 1])
        {
            endB--;
            endA--;
        }

        for (var k = 0; k < start; k++)
        {
            steps.Add((Op.Same, k, k));
        }

        int rows = endB - start, cols = endA - start;
        if ((long)rows * cols > MaxCells)
        {
            for (var k = start; k < endB; k++)
            {
                steps.Add((Op.Removed, k, -1));
            }

            for (var k = start; k < endA; k++)
            {
                steps.Add((Op.Added, -1, k));
            }
        }
        else
        {
            var lengths = new int[rows + 1, cols + 1];
            for (var i = rows - 1; i >= 0; i--)
            {
                for (var j = cols - 1; j >= 0; j--)
                {
                    lengths[i, j] = before[start + i] == after[start + j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
                }
            }

            int x = 0, y = 0;
            var added = new List<(Op, int, int)>();
            while (x < rows || y < cols)
            {
                if (x < rows && y < cols && before[start + x] == after[start + y])
                {
                    steps.AddRange(added);
                    added.Clear();
                    steps.Add((Op.Same, start + x, start + y));
                    x++;
                    y++;
                }
                else if (y >= cols || (x < rows && lengths[x + 1, y] >= lengths[x, y + 1]))
                {
                    steps.Add((Op.Removed, start + x, -1));
                    x++;
                }
                else
                {
                    added.Add((Op.Added, -1, start + y));
                    y++;
                }
            }

            steps.AddRange(added);
        }

        for (int b = endB, a = endA; b < n; b++, a++)
        {
            steps.Add((Op.Same, b, a));
        }

        return steps;
    }

    private static void Map(IReadOnlyList<IElement> from, IReadOnlyList<IElement> to, Dictionary<IElement, IElement> mapped)
    {
        for (var k = 0; k < Math.Min(from.Count, to.Count) && from[k].LocalName == to[k].LocalName; k++)
        {
            mapped.TryAdd(from[k], to[k]);
        }
    }

    /// <summary>Closes the open elements the next content is not inside, and opens the ones it is.</summary>
    private static void Reopen(StringBuilder html, List<IElement> open, List<IElement> wanted)
    {
        var common = 0;
        while (common < open.Count && common < wanted.Count && ReferenceEquals(open[common], wanted[common]))
        {
            common++;
        }

        for (var k = open.Count - 1; k >= common; k--)
        {
            if (!VoidTags.Contains(open[k].LocalName))
            {
                html.Append("</").Append(open[k].LocalName).Append('>');
            }
        }

        open.RemoveRange(common, open.Count - common);
        for (var k = common; k < wanted.Count; k++)
        {
            WriteStartTag(html, wanted[k]);
            open.Add(wanted[k]);
        }
    }

    private static void WriteInline(StringBuilder html, IReadOnlyList<Piece> pieces, Dictionary<IElement, IElement> mapped)
    {
        // Each piece sits in [ins or del marker] + its inline elements; the marker is outermost so a run stays one element.
        var open = new List<object>();
        var previous = Op.Same;
        foreach (var piece in pieces)
        {
            var wanted = new List<object>();
            var startsRun = false;
            if (piece.Op != Op.Same)
            {
                var marker = piece.Op == Op.Added ? Marker.Added : Marker.Removed;
                wanted.Add(open.Count > 0 && open[0] is Marker current && current.Kind == marker.Kind && previous == piece.Op ? current : new Marker(marker.Kind));
                startsRun = previous != piece.Op;
            }

            wanted.AddRange(piece.Token.Inline.Select(e => (object)mapped.GetValueOrDefault(e, e)));
            var common = 0;
            while (common < open.Count && common < wanted.Count && ReferenceEquals(open[common], wanted[common]))
            {
                common++;
            }

            for (var k = open.Count - 1; k >= common; k--)
            {
                html.Append("</").Append(open[k] is Marker m ? m.Kind : ((IElement)open[k]).LocalName).Append('>');
            }

            open.RemoveRange(common, open.Count - common);
            for (var k = common; k < wanted.Count; k++)
            {
                if (wanted[k] is Marker m)
                {
                    html.Append('<').Append(m.Kind).Append('>');
                    if (startsRun)
                    {
                        html.Append("<span class=\"visually-hidden\">").Append(m.Kind == "ins" ? AddedWord : RemovedWord).Append(": </span>");
                    }
                }
                else
                {
                    WriteStartTag(html, (IElement)wanted[k]);
                }

                open.Add(wanted[k]);
            }

            if (piece.Token.Void is { } element)
            {
                WriteStartTag(html, element);
            }
            else
            {
                html.Append(WebUtility.HtmlEncode(piece.Token.Text));
            }

            previous = piece.Op;
        }

        for (var k = open.Count - 1; k >= 0; k--)
        {
            html.Append("</").Append(open[k] is Marker m ? m.Kind : ((IElement)open[k]).LocalName).Append('>');
        }
    }

    private static void WriteStartTag(StringBuilder html, IElement element)
    {
        html.Append('<').Append(element.LocalName);
        foreach (var attribute in element.Attributes)
        {
            if (KeptAttributes.Contains(attribute.LocalName) && !attribute.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
            {
                html.Append(' ').Append(attribute.LocalName).Append("=\"").Append(WebUtility.HtmlEncode(attribute.Value)).Append('"');
            }
        }

        html.Append('>');
    }

    private sealed class Marker(string kind)
    {
        public static readonly Marker Added = new("ins");

        public static readonly Marker Removed = new("del");

        public string Kind { get; } = kind;
    }

    [GeneratedRegex(@"\w+|\s+|[^\w\s]", RegexOptions.CultureInvariant)]
    private static partial Regex Words();
}
