using System.Globalization;
using System.Text;

namespace SkillBridge.Tests.TestSupport;

/// <summary>Writes small content folders for tests. The standard module's lines are numbered in <see cref="ModuleText"/>.</summary>
public sealed class ContentBuilder : IDisposable
{
    public const string ModulePath = "modules/tools/share-your-screen.md";

    /// <summary>
    /// Line 1 '---', 2 title, 3 slug, 4 summary, 5 category, 6 tags, 7 level, 8 minutes, 9 authors, 10 updated, 11 '---',
    /// 12 introduction, 14 first step heading, 17 quiz fence, 18 question, 19 options, 20-22 options, 23 explanation.
    /// </summary>
    public const string ModuleText = """
        ---
        title: Share one window in a video call
        slug: share-your-screen
        summary: Show a document to colleagues without showing your inbox.
        category: tools
        tags: [video calls, teams]
        level: beginner
        minutes: 5
        authors: [priya.shah]
        updated: 2026-03-02
        ---
        Text before the first step is the introduction.

        ## Open the share menu
        Each level-2 heading starts a step.

        ```quiz
        question: What do colleagues see when you share one window?
        options:
          - text: Only that window
            correct: true
          - text: Your whole screen
        explanation: Sharing a window keeps other apps private.
        ```

        ## Pick a window, not the screen
        ![The share dialog](images/share-dialog.png)
        """;

    public ContentBuilder()
    {
        Root = Path.Combine(Path.GetTempPath(), "skillbridge-tests", "content-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>people.yml, categories.yml (tools, social-media), the standard module and its image.</summary>
    public static ContentBuilder Valid()
    {
        var content = new ContentBuilder();
        content.People("priya.shah", "tom.okafor");
        content.Categories("tools", "social-media");
        content.Write(ModulePath, ModuleText);
        content.Png("modules/tools/images/share-dialog.png");
        return content;
    }

    public ContentBuilder People(params string[] usernames)
    {
        var text = new StringBuilder();
        foreach (var username in usernames)
        {
            text.Append(CultureInfo.InvariantCulture, $"- username: {username}\n  name: {username.Replace('.', ' ')}\n  department: IT\n  roles: [author]\n");
        }

        return Write("people.yml", text.ToString());
    }

    public ContentBuilder Categories(params string[] keys)
    {
        var text = new StringBuilder();
        foreach (var key in keys)
        {
            text.Append(CultureInfo.InvariantCulture, $"- key: {key}\n  name: {key.ToUpperInvariant()}\n  description: All about {key}.\n");
        }

        return Write("categories.yml", text.ToString());
    }

    /// <summary>The standard module with one line (1-based) replaced; null removes it.</summary>
    public static string ModuleWithLine(int line, string? replacement)
    {
        var lines = ModuleText.Split('\n').ToList();
        if (replacement is null)
        {
            lines.RemoveAt(line - 1);
        }
        else
        {
            lines[line - 1] = replacement;
        }

        return string.Join('\n', lines);
    }

    public ContentBuilder Write(string relative, string text)
    {
        var full = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text.ReplaceLineEndings("\n"));
        return this;
    }

    public ContentBuilder WriteBytes(string relative, byte[] bytes)
    {
        var full = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return this;
    }

    public ContentBuilder Png(string relative, int width = 2, int height = 1) => WriteBytes(relative, TestImages.Png(width, height));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
