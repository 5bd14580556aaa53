using System.Text;
using SkillBridge.Core.Modules;
using SkillBridge.Core.Search.Benchmark;

namespace SkillBridge.Tests.Search.Benchmark;

/// <summary>The benchmark's corpus and query files: what goes in comes back, and a bad file says which line and why.</summary>
public sealed class BenchmarkFileTests
{
    private const string CorpusHeader = "id\tcategory\tlevel\ttitle\ttags\tsummary\tbody\n";
    private const string QueryHeader = "kind\tquery\tcategory\n";

    [Fact]
    public void CorpusRoundTrip_HostileText_ComesBackTheSame()
    {
        BenchmarkModule[] modules =
        [
            new("tabs-and-lines", "tools", ModuleLevel.Beginner, "A\ttab, a\nnewline and a\r\nCRLF", ["video calls", "c:\\temp"],
                "Back\\slash, \\t literally, \\n literally, trailing \\", "## Step\n\nText\twith\ttabs\n\n"),
            new("empty-fields", "work-hacks", ModuleLevel.Advanced, "Nothing else", [], "", ""),
            new("unicode", "social-media", ModuleLevel.Intermediate, "Café déjà vu — 日本語 😀 עברית", ["naïve", "ß"], "Zero\u200Bwidth", "Ünïcödé body"),
        ];

        var read = BenchmarkCorpusFile.Read(new StringReader(Write(w => BenchmarkCorpusFile.Write(w, modules))), "corpus.tsv").ToList();

        Assert.Equal(modules.Length, read.Count);
        for (var i = 0; i < modules.Length; i++)
        {
            Assert.Equal(modules[i] with { Tags = [] }, read[i] with { Tags = [] });
            Assert.Equal(modules[i].Tags, read[i].Tags);
        }
    }

    [Fact]
    public void CorpusWrite_EscapesSoEachModuleIsOneLine()
    {
        var text = Write(w => BenchmarkCorpusFile.Write(w, [new("a", "tools", ModuleLevel.Beginner, "x\ny", ["t"], "s\\", "b\tc")]));

        Assert.Equal(CorpusHeader + "a\ttools\tbeginner\tx\\ny\tt\ts\\\\\tb\\tc\n", text);
    }

    [Fact]
    public void CorpusRead_PipeInTags_SeparatesTagsAndDropsEmptyOnes()
    {
        var module = Assert.Single(BenchmarkCorpusFile.Read(new StringReader(CorpusHeader + "m\ttools\tBEGINNER\tTitle\tvideo calls| teams ||zoom|\t\t\n"), "c.tsv"));

        Assert.Equal(["video calls", "teams", "zoom"], module.Tags);
        Assert.Equal(ModuleLevel.Beginner, module.Level);
    }

    [Fact]
    public void CorpusWrite_TagHoldingAPipe_IsRefused()
    {
        var problem = Assert.Throws<ArgumentException>(() => Write(w => BenchmarkCorpusFile.Write(w, [new("m", "tools", ModuleLevel.Beginner, "T", ["a|b"], "", "")])));

        Assert.Contains("the tag \"a|b\" holds a |", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CorpusRead_CrlfLineEndingsAndByteOrderMark_AreAccepted()
    {
        var module = Assert.Single(BenchmarkCorpusFile.Read(new StringReader("\uFEFF" + CorpusHeader.Replace("\n", "\r\n", StringComparison.Ordinal) + "m\ttools\tadvanced\tT\t\tS\tB\r\n"), "c.tsv"));

        Assert.Equal(("m", "B"), (module.Id, module.Body));
    }

    [Theory]
    [InlineData("id\tcategory\tlevel\ttitle\ttags\tsummary\n", "c.tsv, line 1: the header must be the columns id, category, level, title, tags, summary, body, tab-separated; found \"id\\tcategory\\tlevel\\ttitle\\ttags\\tsummary\".")]
    [InlineData("", "c.tsv, line 1: the file is empty; it must start with the header id, category, level, title, tags, summary, body.")]
    [InlineData(CorpusHeader + "m\ttools\tbeginner\tT\t\tS\n", "c.tsv, line 2: expected 7 tab-separated fields (id, category, level, title, tags, summary, body), found 6. Write a tab inside a field as \\t.")]
    [InlineData(CorpusHeader + "m\ttools\tbeginner\tT\t\tS\tB\textra\n", "c.tsv, line 2: expected 7 tab-separated fields (id, category, level, title, tags, summary, body), found 8. Write a tab inside a field as \\t.")]
    [InlineData(CorpusHeader + "m\ttools\tbeginner\tT\t\tS\tB\nn\ttools\texpert\tT\t\tS\tB\n", "c.tsv, line 3: unknown level \"expert\"; use beginner, intermediate or advanced.")]
    [InlineData(CorpusHeader + "m\ttools\t1\tT\t\tS\tB\n", "c.tsv, line 2: unknown level \"1\"; use beginner, intermediate or advanced.")]
    [InlineData(CorpusHeader + "m\ttools\tbeginner\tC:\\Users\t\tS\tB\n", "c.tsv, line 2, column title: unknown escape \\U; only \\t, \\n, \\r and \\\\ are allowed. Write a backslash as \\\\.")]
    [InlineData(CorpusHeader + "m\ttools\tbeginner\tT\t\tS\tends with \\\n", "c.tsv, line 2, column body: a backslash ends the field. Write a backslash as \\\\.")]
    [InlineData(CorpusHeader + "m\ttools\tbeginner\tT\t\tS\tB\n\nm\ttools\tbeginner\tT\t\tS\tB\n", "c.tsv, line 4: the id m is used by an earlier line.")]
    [InlineData(CorpusHeader + " \ttools\tbeginner\tT\t\tS\tB\n", "c.tsv, line 2: the id is empty.")]
    public void CorpusRead_BadFile_SaysWhichLineAndWhy(string text, string message)
    {
        var problem = Assert.Throws<BenchmarkFileException>(() => BenchmarkCorpusFile.Read(new StringReader(text), "c.tsv").ToList());

        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void CorpusRead_NotUtf8_SaysSo()
    {
        var bytes = Encoding.UTF8.GetBytes(CorpusHeader + "m\ttools\tbeginner\tT").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\t\tS\tB\n")).ToArray();
        using var stream = new MemoryStream(bytes);

        var problem = Assert.Throws<BenchmarkFileException>(() => BenchmarkCorpusFile.Read(stream, "c.tsv").ToList());

        Assert.Equal("c.tsv, line 2: the file is not valid UTF-8.", problem.Message);
    }

    [Fact]
    public void QueryRoundTrip_EmptyCategoryAndHostileText_ComeBackTheSame()
    {
        BenchmarkQuery[] queries =
        [
            new("one-word", "teams", null),
            new("phrase", "\"share\tscreen\"\\", null),
            new("filtered", "café 😀", "social-media"),
        ];

        var read = BenchmarkQueryFile.Read(new StringReader(Write(w => BenchmarkQueryFile.Write(w, queries))), "q.tsv");

        Assert.Equal(queries, read);
    }

    [Theory]
    [InlineData(QueryHeader + "one-word\tteams\t\nsentence\thow do I\t\n", "q.tsv, line 3: unknown kind \"sentence\"; use one of one-word, two-words, prefix, phrase, typo, filtered.")]
    [InlineData(QueryHeader + "one-word\tteams\n", "q.tsv, line 2: expected 3 tab-separated fields (kind, query, category), found 2. Write a tab inside a field as \\t.")]
    [InlineData(QueryHeader + "one-word\t  \t\n", "q.tsv, line 2: the query is empty.")]
    [InlineData(QueryHeader + "typo\tpass\\word\t\n", "q.tsv, line 2, column query: unknown escape \\w; only \\t, \\n, \\r and \\\\ are allowed. Write a backslash as \\\\.")]
    [InlineData("kind\tquery\n", "q.tsv, line 1: the header must be the columns kind, query, category, tab-separated; found \"kind\\tquery\".")]
    [InlineData(QueryHeader, "q.tsv: there are no queries after the header.")]
    public void QueryRead_BadFile_SaysWhichLineAndWhy(string text, string message)
    {
        var problem = Assert.Throws<BenchmarkFileException>(() => BenchmarkQueryFile.Read(new StringReader(text), "q.tsv"));

        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void SyntheticCorpus_WrittenAndReadBack_IsTheSameCorpus()
    {
        var folder = Path.Combine(Path.GetTempPath(), "search-synonyms-benchmark-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var synthetic = new SyntheticBenchmarkCorpus(40);

            var (corpusPath, queriesPath) = BenchmarkFiles.Write(synthetic, 3, folder);
            var files = new FileBenchmarkCorpus(corpusPath, queriesPath);

            Assert.Equal(Flatten(synthetic.Modules()), Flatten(files.Modules()));
            Assert.Equal(synthetic.Queries(3), files.Queries(3));
            Assert.Equal(BenchmarkQueryFile.Kinds, files.Queries(3).Select(q => q.Kind).Distinct());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static List<string> Flatten(IEnumerable<BenchmarkModule> modules) =>
        [.. modules.Select(m => string.Join("\u0001", m.Id, m.Category, m.Level, m.Title, string.Join("|", m.Tags), m.Summary, m.Body))];

    private static string Write(Action<TextWriter> write)
    {
        var builder = new StringBuilder();
        using (var writer = new StringWriter(builder, System.Globalization.CultureInfo.InvariantCulture))
        {
            write(writer);
        }

        return builder.ToString();
    }
}
