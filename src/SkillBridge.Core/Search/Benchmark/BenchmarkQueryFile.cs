namespace SkillBridge.Core.Search.Benchmark;

/// <summary>One timed query: its kind (a row of the report), the words, and an optional category filter.</summary>
public sealed record BenchmarkQuery(string Kind, string Query, string? Category);

/// <summary>
/// The query file of <c>benchmark --queries FILE</c>: UTF-8, tab-separated, the header <c>kind, query, category</c>;
/// category may be empty (no filter). Kinds are those the benchmark reports (<see cref="Kinds"/>).
/// </summary>
public static class BenchmarkQueryFile
{
    public const string FileName = "queries.tsv";

    public static IReadOnlyList<string> Columns { get; } = ["kind", "query", "category"];

    /// <summary>The kinds of query the benchmark times, in the order it reports them.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["one-word", "two-words", "prefix", "phrase", "typo", "filtered"];

    public static void Write(TextWriter writer, IEnumerable<BenchmarkQuery> queries)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(queries);
        BenchmarkTsv.WriteRow(writer, Columns);
        foreach (var query in queries)
        {
            BenchmarkTsv.WriteRow(writer, [query.Kind, query.Query, query.Category ?? ""]);
        }
    }

    /// <exception cref="BenchmarkFileException">With the line of the first record that is wrong, or when there is no query.</exception>
    public static IReadOnlyList<BenchmarkQuery> Read(TextReader reader, string file) => Read(BenchmarkTsv.Lines(reader), file);

    /// <inheritdoc cref="Read(TextReader, string)"/>
    public static IReadOnlyList<BenchmarkQuery> Read(Stream stream, string file) => Read(BenchmarkTsv.Lines(stream, file), file);

    public static IReadOnlyList<BenchmarkQuery> Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    private static List<BenchmarkQuery> Read(IEnumerable<string> lines, string file)
    {
        var queries = new List<BenchmarkQuery>();
        foreach (var (line, fields) in BenchmarkTsv.ReadRows(lines, file, Columns))
        {
            var kind = fields[0].Trim().ToLowerInvariant();
            if (!Kinds.Contains(kind, StringComparer.Ordinal))
            {
                throw new BenchmarkFileException($"{file}, line {line}: unknown kind \"{BenchmarkTsv.Escape(fields[0])}\"; use one of {string.Join(", ", Kinds)}.");
            }

            if (string.IsNullOrWhiteSpace(fields[1]))
            {
                throw new BenchmarkFileException($"{file}, line {line}: the query is empty.");
            }

            var category = fields[2].Trim();
            queries.Add(new BenchmarkQuery(kind, fields[1], category.Length == 0 ? null : category));
        }

        return queries.Count == 0 ? throw new BenchmarkFileException($"{file}: there are no queries after the header.") : queries;
    }
}
