using System.Data.Common;

namespace SkillBridge.Core.Search;

/// <summary>
/// The index's own terms (stems) with their document counts, held in memory for typo correction: the closest term by
/// edit distance (adjacent swaps count as one edit), preferring the same first letter and then the most common term.
/// Reloaded when the index version has changed, at most every few seconds, since correcting only needs to be nearly current.
/// </summary>
public sealed class SearchVocabulary(TimeProvider clock)
{
    private static readonly TimeSpan ReloadAfter = TimeSpan.FromSeconds(10);

    private volatile Snapshot? _snapshot;

    public async Task<string?> CorrectAsync(DbConnection connection, long version, string word, CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        var now = clock.GetUtcNow();
        if (snapshot is null || (snapshot.Version != version && now - snapshot.LoadedAt > ReloadAfter))
        {
            snapshot = _snapshot = await LoadAsync(connection, version, now, cancellationToken);
        }

        return snapshot.Closest(word);
    }

    private static async Task<Snapshot> LoadAsync(DbConnection connection, long version, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var byLength = new Dictionary<int, List<(string Term, int Documents)>>();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT term, doc FROM \"{SearchSchema.TermsTable}\" WHERE length(term) >= 3";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var term = reader.GetString(0);
            if (term.Any(char.IsDigit))
            {
                continue;
            }

            if (!byLength.TryGetValue(term.Length, out var list))
            {
                byLength[term.Length] = list = [];
            }

            list.Add((term, reader.GetInt32(1)));
        }

        return new Snapshot(version, now, byLength);
    }

    private sealed class Snapshot(long version, DateTimeOffset loadedAt, Dictionary<int, List<(string Term, int Documents)>> byLength)
    {
        public long Version { get; } = version;

        public DateTimeOffset LoadedAt { get; } = loadedAt;

        public string? Closest(string word)
        {
            var maxDistance = word.Length switch
            {
                <= 3 => 0,
                <= 5 => 1,
                _ => 2,
            };
            if (maxDistance == 0)
            {
                return null;
            }

            // The index holds stems ("teams" is "team"), so also try the word without a plural or -ing/-ed ending.
            string[] variants = [word, .. Endings.Where(e => word.Length > e.Length + 3 && word.EndsWith(e, StringComparison.Ordinal)).Select(e => word[..^e.Length])];
            string? best = null;
            var bestScore = double.MaxValue;
            var bestDocuments = 0;
            foreach (var variant in variants.Distinct())
            {
                for (var length = variant.Length - maxDistance; length <= variant.Length + maxDistance; length++)
                {
                    if (!byLength.TryGetValue(length, out var terms))
                    {
                        continue;
                    }

                    foreach (var (term, documents) in terms)
                    {
                        var distance = Distance(variant, term, maxDistance);
                        if (distance > maxDistance)
                        {
                            continue;
                        }

                        var score = distance + (term[0] == variant[0] ? 0 : 0.5);
                        if (score < bestScore || (score == bestScore && documents > bestDocuments))
                        {
                            (best, bestScore, bestDocuments) = (term, score, documents);
                        }
                    }
                }
            }

            return best;
        }

        private static readonly string[] Endings = ["s", "es", "ing", "ed"];

        private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

        /// <summary>
        /// Optimal string alignment distance in half edits: one vowel for another costs half an edit (people misspell
        /// vowels: "teems" is "teams" before it is "thems"); gives up (returning max + 1) once every path exceeds max.
        /// </summary>
        private static double Distance(string a, string b, int maxEdits)
        {
            var max = maxEdits * 2;
            Span<int> previousPrevious = stackalloc int[b.Length + 1];
            Span<int> previous = stackalloc int[b.Length + 1];
            Span<int> current = stackalloc int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++)
            {
                previous[j] = j * 2;
            }

            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i * 2;
                var rowMin = i * 2;
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : IsVowel(a[i - 1]) && IsVowel(b[j - 1]) ? 1 : 2;
                    var value = Math.Min(Math.Min(previous[j] + 2, current[j - 1] + 2), previous[j - 1] + cost);
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    {
                        value = Math.Min(value, previousPrevious[j - 2] + 2);
                    }

                    current[j] = value;
                    rowMin = Math.Min(rowMin, value);
                }

                if (rowMin > max)
                {
                    return maxEdits + 1;
                }

                var recycled = previousPrevious;
                previousPrevious = previous;
                previous = current;
                current = recycled;
            }

            return previous[b.Length] / 2.0;
        }
    }
}
