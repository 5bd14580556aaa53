using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Content;

/// <summary>One test per import rule in design.md: each names the file, the line and the problem, and nothing is written.</summary>
public sealed class ContentImporterValidationTests : IAsyncLifetime
{
    private const string File = ContentBuilder.ModulePath;
    private TestSite _site = null!;
    private ContentBuilder _content = null!;

    public async Task InitializeAsync()
    {
        _site = await TestSite.CreateAsync();
        _content = ContentBuilder.Valid();
    }

    public async Task DisposeAsync()
    {
        _content.Dispose();
        await _site.DisposeAsync();
    }

    [Fact]
    public async Task ImportAsync_UnknownKey_ReportsFileLineAndWritesNothing()
    {
        _content.Write(File, ContentBuilder.ModuleWithLine(6, "colour: blue"));

        await AssertSingleProblemAsync($"{File}:6: unknown key 'colour'");
    }

    [Fact]
    public async Task ImportAsync_UnknownCategory_ReportsFileLineAndWritesNothing()
    {
        const string file = "modules/gardening/share-your-screen.md";
        System.IO.File.Delete(Path.Combine(_content.Root, File));
        _content.Write(file, ContentBuilder.ModuleWithLine(5, "category: gardening")).Png("modules/gardening/images/share-dialog.png");

        await AssertSingleProblemAsync($"{file}:5: unknown category 'gardening' (not in categories.yml or the site)");
    }

    [Fact]
    public async Task ImportAsync_CategoryDiffersFromFolder_ReportsFileLineAndWritesNothing()
    {
        _content.Write(File, ContentBuilder.ModuleWithLine(5, "category: social-media"));

        await AssertSingleProblemAsync($"{File}:5: category 'social-media' differs from the folder 'tools' the file is in");
    }

    [Fact]
    public async Task ImportAsync_UnknownAuthor_ReportsFileLineAndWritesNothing()
    {
        _content.Write(File, ContentBuilder.ModuleWithLine(9, "authors: [priya.shah, nobody.here]"));

        await AssertSingleProblemAsync($"{File}:9: unknown author 'nobody.here' (not in people.yml or the site)");
    }

    [Fact]
    public async Task ImportAsync_DuplicateSlug_ReportsBothFilesAndWritesNothing()
    {
        _content.Write("modules/tools/another.md", ContentBuilder.ModuleText);

        var result = await _site.ImportAsync(_content.Root);

        Assert.Equal(
            [
                "modules/tools/another.md:3: slug 'share-your-screen' is also used by modules/tools/share-your-screen.md",
                $"{File}:3: slug 'share-your-screen' is also used by modules/tools/another.md",
            ],
            result.Problems.Select(p => p.ToString()).Order(StringComparer.Ordinal));
        await AssertNothingWrittenAsync();
    }

    [Theory]
    [InlineData("title", 2)]
    [InlineData("summary", 4)]
    [InlineData("category", 5)]
    [InlineData("level", 7)]
    [InlineData("minutes", 8)]
    [InlineData("authors", 9)]
    public async Task ImportAsync_MissingRequiredKey_ReportsFileLineAndWritesNothing(string key, int line)
    {
        _content.Write(File, ContentBuilder.ModuleWithLine(line, null));

        await AssertSingleProblemAsync($"{File}:1: missing required key '{key}'");
    }

    [Theory]
    [InlineData("question: What do colleagues see when you share one window?", "question: [not closed", 18, "quiz: not valid YAML")]
    [InlineData("explanation: Sharing a window keeps other apps private.", "hint: think about it", 23, "quiz: unknown key 'hint'")]
    [InlineData("question: What do colleagues see when you share one window?", "# no question", 17, "quiz: missing required key 'question'")]
    [InlineData("    correct: true", "    correct: maybe", 21, "quiz option: 'correct' must be true or false, not 'maybe'")]
    [InlineData("    correct: true", "    correct: false", 19, "quiz: no option is marked 'correct: true'")]
    [InlineData("  - text: Your whole screen", "  - correct: false", 22, "quiz option: missing required key 'text'")]
    [InlineData("  - text: Your whole screen", "  - text: \"\"", 22, "quiz option: 'text' is empty")]
    [InlineData("  - text: Your whole screen", "  - Your whole screen", 22, "quiz option: expected keys and values (text)")]
    [InlineData("options:", "choices:", 19, "quiz: unknown key 'choices'")]
    public async Task ImportAsync_MalformedQuiz_ReportsFileLineAndWritesNothing(string line, string replacement, int problemLine, string problem)
    {
        _content.Write(File, ContentBuilder.ModuleText.Replace(line, replacement, StringComparison.Ordinal));

        var result = await _site.ImportAsync(_content.Root);

        var reported = result.Problems.Select(p => p.ToString()).ToList();
        Assert.Contains(reported, r => r.StartsWith($"{File}:{problemLine}: {problem}", StringComparison.Ordinal));
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task ImportAsync_QuizWithOneOption_ReportsFileLineAndWritesNothing()
    {
        var text = ContentBuilder.ModuleText.Replace("  - text: Your whole screen\n", "", StringComparison.Ordinal);
        _content.Write(File, text);

        await AssertSingleProblemAsync($"{File}:19: quiz: needs at least 2 options");
    }

    [Fact]
    public async Task ImportAsync_MissingImage_ReportsFileLineAndWritesNothing()
    {
        System.IO.File.Delete(Path.Combine(_content.Root, "modules/tools/images/share-dialog.png"));

        await AssertSingleProblemAsync($"{File}:27: image 'images/share-dialog.png' does not exist");
    }

    [Fact]
    public async Task ImportAsync_TextFileNamedPng_ReportsFileLineAndWritesNothing()
    {
        _content.Write("modules/tools/images/share-dialog.png", "this is not a picture");

        await AssertSingleProblemAsync($"{File}:27: image 'images/share-dialog.png' is not a PNG, JPEG, GIF or WebP image");
    }

    [Fact]
    public async Task ImportAsync_SvgCover_ReportsFileLineAndWritesNothing()
    {
        _content.Write(File, ContentBuilder.ModuleWithLine(10, "cover: images/cover.svg\nupdated: 2026-03-02"))
            .Write("modules/tools/images/cover.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");

        await AssertSingleProblemAsync($"{File}:10: image 'images/cover.svg' is not a PNG, JPEG, GIF or WebP image");
    }

    [Fact]
    public async Task ImportAsync_PathWithUnknownModule_ReportsFileLineAndWritesNothing()
    {
        _content.Write("paths/first-week.yml", "title: First week\nsummary: Start here.\nmodules:\n  - share-your-screen\n  - no-such-module\n");

        await AssertSingleProblemAsync("paths/first-week.yml:5: unknown module 'no-such-module' (neither in this import nor in the site)");
    }

    [Fact]
    public async Task ImportAsync_ModuleWithoutSteps_ReportsFileLineAndWritesNothing()
    {
        _content.Write(File, string.Join('\n', ContentBuilder.ModuleText.Split('\n')[..12]));

        await AssertSingleProblemAsync($"{File}:12: module has no steps (each step starts with a '## ' heading)");
    }

    [Fact]
    public async Task ImportAsync_UnknownKeyInPeople_ReportsFileLineAndWritesNothing()
    {
        _content.Write("people.yml", "- username: priya.shah\n  name: Priya Shah\n  shoe_size: 38\n");

        await AssertSingleProblemAsync("people.yml:3: unknown key 'shoe_size'");
    }

    [Fact]
    public async Task ImportAsync_ManyProblems_ReportsEveryOne()
    {
        _content.Write(File, ContentBuilder.ModuleWithLine(9, "authors: [nobody.here]"))
            .Write("modules/tools/second.md", ContentBuilder.ModuleWithLine(3, "slug: second").Replace("level: beginner", "level: expert", StringComparison.Ordinal));

        var result = await _site.ImportAsync(_content.Root);

        Assert.Contains("modules/tools/second.md:7: 'level' must be beginner, intermediate or advanced, not 'expert'", result.Problems.Select(p => p.ToString()));
        Assert.False(result.Succeeded);
        await AssertNothingWrittenAsync();
    }

    [Theory]
    [InlineData("modules/tools/share-your-screen.md", 2, "title: \"Share one\\nwindow\"", "'title' must be a single line without control characters")]
    [InlineData("modules/tools/share-your-screen.md", 4, "summary: \"Show a document\\r\\nto colleagues\"", "'summary' must be a single line without control characters")]
    [InlineData("modules/tools/share-your-screen.md", 6, "tags: [video calls, \"tea\\nms\"]", "each item of 'tags' must be a single line without control characters")]
    [InlineData("modules/tools/share-your-screen.md", 14, "## Open the\u0007share menu", "step 1's title must be a single line without control characters")]
    [InlineData("people.yml", 2, "  name: \"Priya\\nShah\"", "'name' must be a single line without control characters")]
    [InlineData("people.yml", 3, "  department: \"Market\\u2028ing\"", "'department' must be a single line without control characters")]
    [InlineData("people.yml", 4, "  helps_with: [\"Linked\\nIn\"]", "each item of 'helps_with' must be a single line without control characters")]
    [InlineData("people.yml", 5, "  roles: [\"auth\\aor\"]", "each item of 'roles' must be a single line without control characters")]
    [InlineData("categories.yml", 2, "  name: \"Tools\\nand more\"", "'name' must be a single line without control characters")]
    [InlineData("paths/first-week.yml", 1, "title: \"Your first\\nweek\"", "'title' must be a single line without control characters")]
    [InlineData("paths/first-week.yml", 2, "summary: \"From joining\\tto running\"", "'summary' must be a single line without control characters")]
    public async Task ImportAsync_LineBreakOrControlCharacterInASingleLineField_ReportsFileLineAndWritesNothing(string file, int line, string replacement, string message)
    {
        string[] people = ["- username: priya.shah", "  name: Priya Shah", "  department: IT", "  helps_with: [LinkedIn]", "  roles: [author]"];
        string[] categories = ["- key: tools", "  name: Tools", "- key: social-media", "  name: Social media"];
        string[] path = ["title: Your first week", "summary: From joining to running.", "modules: [share-your-screen]"];
        var lines = file switch
        {
            "people.yml" => people,
            "categories.yml" => categories,
            "paths/first-week.yml" => path,
            _ => ContentBuilder.ModuleText.Split('\n'),
        };
        lines[line - 1] = replacement;
        _content.Write("people.yml", string.Join('\n', people) + "\n")
            .Write("categories.yml", string.Join('\n', categories) + "\n")
            .Write("paths/first-week.yml", string.Join('\n', path) + "\n")
            .Write(file, string.Join('\n', lines) + "\n");

        var result = await _site.ImportAsync(_content.Root);

        Assert.Contains($"{file}:{line}: {message}", result.Problems.Select(p => p.ToString()));
        Assert.False(result.Succeeded);
        await AssertNothingWrittenAsync();
    }

    private async Task AssertSingleProblemAsync(string expected)
    {
        var result = await _site.ImportAsync(_content.Root);

        Assert.Equal([expected], result.Problems.Select(p => p.ToString()));
        Assert.False(result.Succeeded);
        await AssertNothingWrittenAsync();
    }

    private async Task AssertNothingWrittenAsync() => Assert.Equal(RowCounts.Empty, await _site.CountRowsAsync());
}
