namespace SkillBridge.Core.Search.Benchmark;

/// <summary>What the search benchmark indexes and asks: the synthetic corpus, or one from files so engines can be compared on the same data.</summary>
public interface IBenchmarkCorpus
{
    /// <summary>One line for the report, e.g. "20,000 synthetic modules".</summary>
    string Description { get; }

    /// <summary>The modules, streamed; each enumeration gives the same modules in the same order.</summary>
    IEnumerable<BenchmarkModule> Modules();

    /// <summary>The queries to time, in kind order.</summary>
    /// <param name="perKind">How many of each kind a generated corpus makes; a file gives all of its own.</param>
    IReadOnlyList<BenchmarkQuery> Queries(int perKind);
}

/// <summary>A corpus and its queries from the two files of <c>benchmark --corpus FILE --queries FILE</c>.</summary>
public sealed class FileBenchmarkCorpus(string corpusPath, string queriesPath) : IBenchmarkCorpus
{
    public string Description => $"modules from {corpusPath}, queries from {queriesPath}";

    public IEnumerable<BenchmarkModule> Modules() => BenchmarkCorpusFile.Read(corpusPath);

    public IReadOnlyList<BenchmarkQuery> Queries(int perKind) => BenchmarkQueryFile.Read(queriesPath);
}

/// <summary><c>benchmark --write-corpus DIR</c>: a corpus and its queries as the two files <see cref="FileBenchmarkCorpus"/> reads.</summary>
public static class BenchmarkFiles
{
    public static (string Corpus, string Queries) Write(IBenchmarkCorpus corpus, int queriesPerKind, string folder)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        Directory.CreateDirectory(folder);
        var corpusPath = Path.Combine(folder, BenchmarkCorpusFile.FileName);
        var queriesPath = Path.Combine(folder, BenchmarkQueryFile.FileName);
        using (var writer = new StreamWriter(corpusPath, append: false, BenchmarkTsv.Utf8))
        {
            BenchmarkCorpusFile.Write(writer, corpus.Modules());
        }

        using (var writer = new StreamWriter(queriesPath, append: false, BenchmarkTsv.Utf8))
        {
            BenchmarkQueryFile.Write(writer, corpus.Queries(queriesPerKind));
        }

        return (corpusPath, queriesPath);
    }
}
