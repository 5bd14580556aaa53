using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SkillBridge.Core.Data;

namespace SkillBridge.Core.Search;

/// <summary>
/// A benchmark, not a test: N synthetic published modules (~500 words each from a vocabulary of 60,000 words with
/// Zipf-like frequencies, so common words are in most modules) in a throwaway database, indexed, then a fixed mix of
/// queries timed per kind. Deterministic: the same N gives the same corpus and queries.
/// </summary>
public sealed class SearchBenchmark(TextWriter output)
{
    private const int VocabularySize = 60_000;
    private const int BodyWords = 480;
    private const int Seed = 20261122;

    /// <summary>Real words placed at fixed frequency ranks; "teams" at rank 50 is in roughly 60% of modules, as in design.md.</summary>
    private static readonly (int Rank, string Word)[] KnownWords =
    [
        (10, "the"), (50, "teams"), (80, "meeting"), (120, "share"), (200, "screen"), (400, "calendar"), (900, "password"),
        (1500, "spreadsheet"), (3000, "linkedin"), (6000, "phishing"),
    ];

    private static readonly string[] Categories = ["tools", "social-media", "work-hacks"];
    private static readonly string[] Levels = ["Beginner", "Intermediate", "Advanced"];

    /// <summary>Leave the generated database in place (its folder is printed) instead of deleting it.</summary>
    public bool KeepDatabase { get; init; }

    /// <summary>A folder kept by an earlier run: time the queries against its database, skipping generation and indexing.</summary>
    public string? ReuseFolder { get; init; }

    public async Task<int> RunAsync(int modules, int queriesPerKind, CancellationToken cancellationToken)
    {
        var folder = ReuseFolder ?? Path.Combine(Path.GetTempPath(), "skillbridge-benchmark-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var keep = KeepDatabase || ReuseFolder is not null;
        try
        {
            var options = new SkillBridgeOptions { DataPath = folder, ResolvedDataPath = folder };
            var builder = new DbContextOptionsBuilder<SkillBridgeDbContext>();
            DependencyInjection.Configure(builder, options);
            await using var db = new SkillBridgeDbContext(builder.Options);
            await new DatabaseInitializer(db, Options.Create(options)).InitializeAsync(cancellationToken);

            var random = new Random(Seed);
            var words = Vocabulary(random);
            var cumulative = Zipf(words.Length);
            using var index = new SearchIndex(Options.Create(options), TimeProvider.System, NullLogger<SearchIndex>.Instance);
            var search = new SearchService(db, index, new NoSearchSynonyms(), TimeProvider.System);
            if (ReuseFolder is null)
            {
                await GenerateAndIndexAsync(db, search, index, modules, words, cumulative, random, folder, cancellationToken);
            }
            else
            {
                output.WriteLine($"Reusing the database in {folder} (generated with the same seed; pass the same --modules).");
            }

            var queries = Queries(words, cumulative, new Random(Seed + 1), queriesPerKind);
            output.WriteLine();
            output.WriteLine($"{queriesPerKind} queries per kind after a warm-up; latency in ms of SearchService.SearchAsync (count, top 20 by rank, highlights and snippets).");
            output.WriteLine($"{"kind",-10} {"facets",-7} {"p50",8} {"p95",8} {"p99",8} {"max",8} {"avg hits",9}");
            foreach (var includeFacets in new[] { false, true })
            {
                foreach (var (kind, list) in queries)
                {
                    foreach (var warmUp in list.Take(5))
                    {
                        await search.SearchAsync(warmUp with { IncludeFacets = includeFacets }, cancellationToken);
                    }

                    var times = new List<double>();
                    var hits = 0L;
                    foreach (var request in list)
                    {
                        var watch = Stopwatch.StartNew();
                        var result = await search.SearchAsync(request with { IncludeFacets = includeFacets }, cancellationToken);
                        times.Add(watch.Elapsed.TotalMilliseconds);
                        hits += result.Total;
                    }

                    times.Sort();
                    output.WriteLine($"{kind,-10} {(includeFacets ? "yes" : "no"),-7} {Percentile(times, 50),8:F2} {Percentile(times, 95),8:F2} {Percentile(times, 99),8:F2} {times[^1],8:F2} {hits / (double)list.Count,9:N0}");
                }
            }

            // The header box asks as the learner types: the prefix queries again, as suggestions.
            var prefixes = queries.Single(q => q.Kind == "prefix").Requests.Select(r => r.Query!).ToList();
            var suggestTimes = new List<double>();
            foreach (var prefix in prefixes)
            {
                var watch = Stopwatch.StartNew();
                await search.SuggestAsync(prefix, cancellationToken);
                suggestTimes.Add(watch.Elapsed.TotalMilliseconds);
            }

            suggestTimes.Sort();
            output.WriteLine($"{"suggest",-10} {"-",-7} {Percentile(suggestTimes, 50),8:F2} {Percentile(suggestTimes, 95),8:F2} {Percentile(suggestTimes, 99),8:F2} {suggestTimes[^1],8:F2} {"",9}");

            var mix = queries.SelectMany(q => q.Requests).ToList();
            var single = await ThroughputAsync(builder.Options, index, mix, clients: 1, cancellationToken);
            var eight = await ThroughputAsync(builder.Options, index, mix, clients: 8, cancellationToken);
            output.WriteLine($"Throughput, every kind with facets: 1 client {single:F0} queries/s; 8 concurrent clients {eight:F0} queries/s ({eight / single:F2}x) on {Environment.ProcessorCount} cores.");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (keep)
            {
                output.WriteLine($"Kept the database in {folder}");
            }
            else
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    output.WriteLine($"Could not delete {folder}; remove it by hand.");
                }
            }
        }
    }

    private async Task GenerateAndIndexAsync(
        SkillBridgeDbContext db, SearchService search, SearchIndex searchIndex, int modules, string[] words, double[] cumulative, Random random, string folder, CancellationToken cancellationToken)
    {
        output.WriteLine($"Generating {modules:N0} modules of ~{BodyWords} words from {words.Length:N0} words in {folder} ...");
        var generate = Stopwatch.StartNew();
        await GenerateAsync(db, modules, words, cumulative, random, cancellationToken);
        output.WriteLine($"Generated in {generate.Elapsed.TotalSeconds:F1} s");

        var index = Stopwatch.StartNew();
        var lastReported = 0;
        await search.ReindexAsync(new InlineProgress(p =>
        {
            if (p.Done - lastReported >= Math.Max(1, p.Total / 10) || p.Done == p.Total)
            {
                lastReported = p.Done;
                output.WriteLine($"indexed {p.Done:N0}/{p.Total:N0} ({index.Elapsed.TotalSeconds:F1} s)");
            }
        }), cancellationToken);
        var indexTime = index.Elapsed;
        var size = new DirectoryInfo(searchIndex.IndexPath).EnumerateFiles().Sum(f => f.Length);
        output.WriteLine($"Index time: {indexTime.TotalSeconds:F1} s (including the final merge); Lucene index: {size / 1024.0 / 1024.0:F1} MiB; database file: {new FileInfo(Path.Combine(folder, "skillbridge.db")).Length / 1024.0 / 1024.0:F1} MiB");
    }

    /// <summary>Queries per second when <paramref name="clients"/> clients each run the whole mix at once, each with its own database context.</summary>
    private static async Task<double> ThroughputAsync(
        DbContextOptions<SkillBridgeDbContext> options, SearchIndex index, List<SearchRequest> mix, int clients, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            await using var db = new SkillBridgeDbContext(options);
            var search = new SearchService(db, index, new NoSearchSynonyms(), TimeProvider.System);
            // Each client starts at a different place in the mix, so they do not ask the same query at the same moment.
            for (var i = 0; i < mix.Count; i++)
            {
                await search.SearchAsync(mix[(i + client * mix.Count / clients) % mix.Count], cancellationToken);
            }
        }, cancellationToken)));
        return clients * mix.Count / watch.Elapsed.TotalSeconds;
    }

    private static double Percentile(List<double> sorted, int percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string[] Vocabulary(Random random)
    {
        string[] onsets = ["b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "br", "cl", "dr", "fl", "gr", "pl", "st", "tr", "sh", "ch", "th"];
        string[] vowels = ["a", "e", "i", "o", "u", "ai", "ea", "oo", "ou"];
        string[] codas = ["", "", "n", "r", "s", "t", "l", "m", "nd", "st", "ck"];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, word) in KnownWords)
        {
            seen.Add(word);
        }

        var words = new List<string>(VocabularySize);
        while (words.Count < VocabularySize - KnownWords.Length)
        {
            var builder = new StringBuilder();
            var syllables = random.Next(1, 5);
            for (var s = 0; s < syllables; s++)
            {
                builder.Append(onsets[random.Next(onsets.Length)]).Append(vowels[random.Next(vowels.Length)]).Append(codas[random.Next(codas.Length)]);
            }

            var word = builder.ToString();
            if (word.Length >= 3 && seen.Add(word))
            {
                words.Add(word);
            }
        }

        // Shorter words are the common ones, as in real text.
        words.Sort((a, b) => a.Length.CompareTo(b.Length));
        foreach (var (rank, word) in KnownWords)
        {
            words.Insert(rank, word);
        }

        return [.. words];
    }

    private static double[] Zipf(int count)
    {
        var cumulative = new double[count];
        var sum = 0.0;
        for (var r = 0; r < count; r++)
        {
            sum += 1.0 / Math.Pow(r + 1, 1.0);
            cumulative[r] = sum;
        }

        for (var r = 0; r < count; r++)
        {
            cumulative[r] /= sum;
        }

        return cumulative;
    }

    private static string Draw(string[] words, double[] cumulative, Random random, int minRank = 0)
    {
        var index = Array.BinarySearch(cumulative, random.NextDouble());
        index = index < 0 ? ~index : index;
        return words[Math.Max(minRank, Math.Min(index, words.Length - 1))];
    }

    private static string Sentence(string[] words, double[] cumulative, Random random, int count, int minRank)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                builder.Append(' ');
            }

            builder.Append(Draw(words, cumulative, random, minRank));
        }

        return builder.ToString();
    }

    private async Task GenerateAsync(SkillBridgeDbContext db, int modules, string[] words, double[] cumulative, Random random, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, string.Join(";", Categories.Select((c, i) => $"INSERT INTO Categories (Key, Name, Description, Position) VALUES ('{c}', '{c}', '', {i})")));
        var people = 200;
        for (var p = 1; p <= people; p++)
        {
            await ExecuteAsync(connection, transaction, $"INSERT INTO People (Username, Name, Bio, HelpsWith, Roles) VALUES ('person.{p}', 'Person {Draw(words, cumulative, random, 100)}', '', '[]', '[\"author\"]')");
        }

        await using var module = Prepared(connection, transaction, "INSERT INTO Modules (Id, Slug, Status, CreatedAt) VALUES ($id, $slug, 'Published', '2026-01-01 00:00:00')", "$id", "$slug");
        await using var revision = Prepared(connection, transaction,
            "INSERT INTO ModuleRevisions (Id, ModuleId, Number, Title, Summary, CategoryId, Level, Minutes, Body, UpdatedOn, CreatedAt, Source, ContentHash) " +
            "VALUES ($id, $id, 1, $title, $summary, $category, $level, $minutes, $body, '2026-01-01', '2026-01-01 00:00:00', 'Import', '')",
            "$id", "$title", "$summary", "$category", "$level", "$minutes", "$body");
        await using var tag = Prepared(connection, transaction, "INSERT OR IGNORE INTO RevisionTags (RevisionId, Tag) VALUES ($id, $tag)", "$id", "$tag");
        await using var author = Prepared(connection, transaction, "INSERT INTO RevisionAuthors (RevisionId, PersonId, Position) VALUES ($id, $person, 0)", "$id", "$person");
        await using var publish = Prepared(connection, transaction, "UPDATE Modules SET PublishedRevisionId = $id WHERE Id = $id", "$id");
        var body = new StringBuilder();
        for (var id = 1; id <= modules; id++)
        {
            body.Clear();
            for (var step = 0; step < 4; step++)
            {
                body.Append("## ").Append(Sentence(words, cumulative, random, 4, 20)).Append("\n\n");
                body.Append(Sentence(words, cumulative, random, BodyWords / 4, 0)).Append("\n\n");
            }

            await RunAsync(module, id, $"module-{id}");
            await RunAsync(revision, id, Sentence(words, cumulative, random, 6, 20), Sentence(words, cumulative, random, 20, 0),
                random.Next(1, Categories.Length + 1), Levels[random.Next(Levels.Length)], random.Next(3, 16), body.ToString());
            for (var t = 0; t < 3; t++)
            {
                await RunAsync(tag, id, Draw(words, cumulative, random, 30));
            }

            await RunAsync(author, id, random.Next(1, people + 1));
            await RunAsync(publish, id);
            if (id % Math.Max(1, modules / 10) == 0)
            {
                output.WriteLine($"generated {id:N0}/{modules:N0}");
            }
        }

        await transaction.CommitAsync(cancellationToken);
        await db.Database.CloseConnectionAsync();
    }

    private static List<(string Kind, List<SearchRequest> Requests)> Queries(string[] words, double[] cumulative, Random random, int count)
    {
        // Words people search for: frequent enough to be in the corpus, from very common to fairly rare.
        string Word() => words[(int)Math.Min(words.Length - 1, Math.Exp(random.NextDouble() * Math.Log(20_000)) + 20)];
        string Typo(string word)
        {
            var position = random.Next(1, word.Length);
            return random.Next(3) switch
            {
                0 => word.Remove(position, 1),
                1 => word[..position] + (char)('a' + random.Next(26)) + word[(position + 1)..],
                _ => word.Insert(position, word[position - 1].ToString()),
            };
        }

        var kinds = new List<(string, List<SearchRequest>)>
        {
            ("one-word", []), ("two-words", []), ("prefix", []), ("phrase", []), ("typo", []), ("filtered", []),
        };
        for (var i = 0; i < count; i++)
        {
            kinds[0].Item2.Add(new SearchRequest(Word()));
            kinds[1].Item2.Add(new SearchRequest(Word() + " " + Word()));
            var prefixSource = Word();
            kinds[2].Item2.Add(new SearchRequest(prefixSource[..Math.Min(prefixSource.Length, Math.Max(3, prefixSource.Length - 2))]));
            kinds[3].Item2.Add(new SearchRequest($"\"{Draw(words, cumulative, random)} {Draw(words, cumulative, random)}\""));
            var typoSource = words[random.Next(100, 5_000)];
            kinds[4].Item2.Add(new SearchRequest(typoSource.Length >= 5 ? Typo(typoSource) : typoSource + "x"));
            kinds[5].Item2.Add(new SearchRequest(Word() + " category:" + Categories[random.Next(Categories.Length)], Level: (Modules.ModuleLevel)random.Next(3)));
        }

        return kinds;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static DbCommand Prepared(DbConnection connection, DbTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static async Task RunAsync(DbCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        await command.ExecuteNonQueryAsync();
    }

    private sealed class InlineProgress(Action<(int Done, int Total)> report) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => report(value);
    }
}
