using System.Globalization;
using System.Text;
using SkillBridge.Core.Search.Benchmark;
using SkillBridge.Tests.TestSupport;
using SkillBridge.Web.Cli;

namespace SkillBridge.Tests.Search.Benchmark;

/// <summary><c>benchmark --write-corpus DIR</c> and <c>benchmark --corpus FILE --queries FILE</c> from the command line.</summary>
public sealed class BenchmarkCommandTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "search-synonyms-benchmark-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private TestSite _site = null!;

    public async Task InitializeAsync()
    {
        _site = await TestSite.CreateAsync();
        Directory.CreateDirectory(_folder);
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task WriteCorpus_Folder_WritesBothFilesWithTheRequestedSizes()
    {
        var exitCode = await RunAsync("benchmark", "--write-corpus", _folder, "--modules", "25", "--queries-per-kind", "2");

        Assert.Equal(0, exitCode);
        Assert.Equal(26, File.ReadAllLines(Path.Combine(_folder, "corpus.tsv")).Length);
        Assert.Equal(1 + (2 * BenchmarkQueryFile.Kinds.Count), File.ReadAllLines(Path.Combine(_folder, "queries.tsv")).Length);
        Assert.StartsWith("id\tcategory\tlevel\ttitle\ttags\tsummary\tbody\n", await File.ReadAllTextAsync(Path.Combine(_folder, "corpus.tsv")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CorpusAndQueries_Files_AreIndexedAndTimedPerKind()
    {
        var corpus = Path.Combine(_folder, "mine.tsv");
        var queries = Path.Combine(_folder, "asked.tsv");
        await File.WriteAllTextAsync(corpus,
            "id\tcategory\tlevel\ttitle\ttags\tsummary\tbody\n" +
            "share-a-window\ttools\tbeginner\tShare one window\tteams|zoom\tShow a document\t## Open\\n\\nPick a window, not the screen.\n" +
            "linkedin-profile\tsocial-media\tintermediate\tA LinkedIn profile\tlinkedin\tBe found\t## Photo\\n\\nA clear photo.\n" +
            "inbox-zero\twork-hacks\tadvanced\tInbox zero\t\t\tArchive, do not delete.\n",
            new UTF8Encoding(false));
        await File.WriteAllTextAsync(queries, "kind\tquery\tcategory\none-word\twindow\t\nfiltered\tphoto\tsocial-media\nprefix\tlink\t\n", new UTF8Encoding(false));

        var exitCode = await RunAsync("benchmark", "--corpus", corpus, "--queries", queries, "--throughput-seconds", "0.2");

        Assert.True(exitCode == 0, _error.ToString());
        var output = _output.ToString();
        Assert.Contains("loaded 3 modules in 3 categories", output, StringComparison.Ordinal);
        Assert.Contains("Throughput, every kind with facets, 0.2 s each", output, StringComparison.Ordinal);
        Assert.Contains("1 one-word, 1 filtered, 1 prefix queries", output, StringComparison.Ordinal);
        Assert.Contains(output.Split('\n'), line => line.StartsWith("filtered ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CorpusAndQueries_BadQueryFile_SaysWhichLineAndIndexesNothing()
    {
        var corpus = Path.Combine(_folder, "mine.tsv");
        var queries = Path.Combine(_folder, "asked.tsv");
        await File.WriteAllTextAsync(corpus, "id\tcategory\tlevel\ttitle\ttags\tsummary\tbody\n");
        await File.WriteAllTextAsync(queries, "kind\tquery\tcategory\nquestion\thow do I\t\n");

        var exitCode = await RunAsync("benchmark", "--corpus", corpus, "--queries", queries);

        Assert.Equal(1, exitCode);
        Assert.Equal($"{queries}, line 2: unknown kind \"question\"; use one of one-word, two-words, prefix, phrase, typo, filtered.", _error.ToString().Trim());
        Assert.DoesNotContain("loaded", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Corpus_WithoutQueries_IsRefused()
    {
        var corpus = Path.Combine(_folder, "mine.tsv");
        await File.WriteAllTextAsync(corpus, "id\tcategory\tlevel\ttitle\ttags\tsummary\tbody\n");

        var exitCode = await RunAsync("benchmark", "--corpus", corpus);

        Assert.Equal(1, exitCode);
        Assert.Contains("--corpus and --queries go together", _error.ToString(), StringComparison.Ordinal);
    }

    private async Task<int> RunAsync(params string[] args)
    {
        await using var output = new StringWriter(_output, CultureInfo.InvariantCulture);
        await using var error = new StringWriter(_error, CultureInfo.InvariantCulture);
        return await SkillBridgeCommands.RunAsync(_site.Services, args, output, error);
    }
}
