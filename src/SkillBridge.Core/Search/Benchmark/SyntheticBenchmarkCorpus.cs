using System.Text;
using SkillBridge.Core.Modules;

namespace SkillBridge.Core.Search.Benchmark;

/// <summary>
/// N synthetic modules (~500 words each from a vocabulary of 60,000 words with Zipf-like frequencies, so common words are
/// in most modules) and a fixed mix of queries. Deterministic: the same N gives the same corpus and queries.
/// </summary>
public sealed class SyntheticBenchmarkCorpus(int modules) : IBenchmarkCorpus
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

    private readonly Lazy<(string[] Words, double[] Cumulative)> _vocabulary = new(() =>
    {
        var words = Vocabulary(new Random(Seed));
        return (words, Zipf(words.Length));
    });

    public int Count => modules;

    public string Description => $"{modules:N0} synthetic modules of ~{BodyWords} words from {VocabularySize:N0} words";

    public IEnumerable<BenchmarkModule> Modules()
    {
        var (words, cumulative) = _vocabulary.Value;
        var random = new Random(Seed + 2);
        var body = new StringBuilder();
        for (var id = 1; id <= modules; id++)
        {
            body.Clear();
            for (var step = 0; step < 4; step++)
            {
                body.Append("## ").Append(Sentence(words, cumulative, random, 4, 20)).Append("\n\n");
                body.Append(Sentence(words, cumulative, random, BodyWords / 4, 0)).Append("\n\n");
            }

            var title = Sentence(words, cumulative, random, 6, 20);
            var summary = Sentence(words, cumulative, random, 20, 0);
            var category = Categories[random.Next(Categories.Length)];
            var level = (ModuleLevel)random.Next(3);
            string[] tags = [.. Enumerable.Range(0, 3).Select(_ => Draw(words, cumulative, random, 30)).Distinct(StringComparer.Ordinal)];
            yield return new BenchmarkModule($"module-{id}", category, level, title, tags, summary, body.ToString());
        }
    }

    public IReadOnlyList<BenchmarkQuery> Queries(int perKind)
    {
        var (words, cumulative) = _vocabulary.Value;
        var random = new Random(Seed + 1);

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

        var kinds = BenchmarkQueryFile.Kinds.ToDictionary(k => k, _ => new List<BenchmarkQuery>(), StringComparer.Ordinal);
        for (var i = 0; i < perKind; i++)
        {
            kinds["one-word"].Add(new("one-word", Word(), null));
            kinds["two-words"].Add(new("two-words", Word() + " " + Word(), null));
            var prefixSource = Word();
            kinds["prefix"].Add(new("prefix", prefixSource[..Math.Min(prefixSource.Length, Math.Max(3, prefixSource.Length - 2))], null));
            kinds["phrase"].Add(new("phrase", $"\"{Draw(words, cumulative, random)} {Draw(words, cumulative, random)}\"", null));
            var typoSource = words[random.Next(100, 5_000)];
            kinds["typo"].Add(new("typo", typoSource.Length >= 5 ? Typo(typoSource) : typoSource + "x", null));
            kinds["filtered"].Add(new("filtered", Word(), Categories[random.Next(Categories.Length)]));
        }

        return [.. BenchmarkQueryFile.Kinds.SelectMany(k => kinds[k])];
    }

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
            sum += 1.0 / (r + 1);
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
}
