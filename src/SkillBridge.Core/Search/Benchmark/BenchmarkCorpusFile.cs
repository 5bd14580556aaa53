using SkillBridge.Core.Modules;

namespace SkillBridge.Core.Search.Benchmark;

/// <summary>One module of a benchmark corpus: what search indexes, no more.</summary>
/// <param name="Id">Unique in the corpus; the benchmark uses it as the module's slug.</param>
/// <param name="Category">A category key; the benchmark creates each category it meets.</param>
public sealed record BenchmarkModule(string Id, string Category, ModuleLevel Level, string Title, IReadOnlyList<string> Tags, string Summary, string Body);

/// <summary>
/// The corpus file of <c>benchmark --corpus FILE</c>: UTF-8, tab-separated, the header
/// <c>id, category, level, title, tags, summary, body</c>, tags separated by <c>|</c>, level one of beginner,
/// intermediate or advanced (<see cref="BenchmarkTsv"/> for the escapes).
/// </summary>
public static class BenchmarkCorpusFile
{
    public const string FileName = "corpus.tsv";

    public static IReadOnlyList<string> Columns { get; } = ["id", "category", "level", "title", "tags", "summary", "body"];

    public static void Write(TextWriter writer, IEnumerable<BenchmarkModule> modules)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(modules);
        BenchmarkTsv.WriteRow(writer, Columns);
        foreach (var module in modules)
        {
            if (module.Tags.FirstOrDefault(t => t.Contains('|', StringComparison.Ordinal)) is { } tag)
            {
                throw new ArgumentException($"Module {module.Id}: the tag \"{tag}\" holds a |, which separates tags in the file.", nameof(modules));
            }

            BenchmarkTsv.WriteRow(writer,
                [module.Id, module.Category, module.Level.ToString().ToLowerInvariant(), module.Title, string.Join('|', module.Tags), module.Summary, module.Body]);
        }
    }

    /// <summary>The modules, read one at a time as they are enumerated (a corpus can be larger than memory should hold).</summary>
    /// <param name="file">The name errors give for the file.</param>
    /// <exception cref="BenchmarkFileException">With the line, at the first record that is wrong.</exception>
    public static IEnumerable<BenchmarkModule> Read(TextReader reader, string file) => Read(BenchmarkTsv.Lines(reader), file);

    /// <inheritdoc cref="Read(TextReader, string)"/>
    public static IEnumerable<BenchmarkModule> Read(Stream stream, string file) => Read(BenchmarkTsv.Lines(stream, file), file);

    public static IEnumerable<BenchmarkModule> Read(string path)
    {
        using var stream = File.OpenRead(path);
        foreach (var module in Read(stream, path))
        {
            yield return module;
        }
    }

    private static IEnumerable<BenchmarkModule> Read(IEnumerable<string> lines, string file)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, fields) in BenchmarkTsv.ReadRows(lines, file, Columns))
        {
            var id = fields[0].Trim();
            if (id.Length == 0)
            {
                throw new BenchmarkFileException($"{file}, line {line}: the id is empty.");
            }

            if (!ids.Add(id))
            {
                throw new BenchmarkFileException($"{file}, line {line}: the id {id} is used by an earlier line.");
            }

            var category = fields[1].Trim();
            if (category.Length == 0)
            {
                throw new BenchmarkFileException($"{file}, line {line}: the category is empty.");
            }

            if (ParseLevel(fields[2].Trim()) is not { } level)
            {
                throw new BenchmarkFileException($"{file}, line {line}: unknown level \"{BenchmarkTsv.Escape(fields[2])}\"; use beginner, intermediate or advanced.");
            }

            var tags = fields[4].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            yield return new BenchmarkModule(id, category, level, fields[3], tags, fields[5], fields[6]);
        }
    }

    private static ModuleLevel? ParseLevel(string text) =>
        Enum.GetValues<ModuleLevel>().Select(l => (ModuleLevel?)l).FirstOrDefault(l => l.ToString()!.Equals(text, StringComparison.OrdinalIgnoreCase));
}
