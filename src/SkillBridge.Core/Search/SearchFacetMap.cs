using System.Data.Common;
using System.Globalization;

namespace SkillBridge.Core.Search;

/// <summary>
/// Each indexed module's category, level, minutes and authors, held in memory by module id so facet counts cost an
/// array lookup per matching module instead of a row read. Kept per index version: when the version moved on, only the
/// rows of <see cref="SearchSchema.DocumentsTable"/> written since are read (a publish touches one row), and a new
/// snapshot replaces the old one, so readers never see a half-updated map.
/// </summary>
public sealed class SearchFacetMap : IDisposable
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private Snapshot _current = Snapshot.Empty;

    /// <summary>The map as of <paramref name="version"/> of the index, reading what changed since the last call.</summary>
    public async Task<Snapshot> AtAsync(DbConnection connection, long version, CancellationToken cancellationToken)
    {
        var current = _current;
        if (current.Version == version)
        {
            return current;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            current = _current;
            if (current.Version == version)
            {
                return current;
            }

            // A version below ours means another database (a restore): start again from nothing.
            var start = version < current.Version ? Snapshot.Empty : current;
            var next = await ReadChangesAsync(connection, start, version, cancellationToken);
            _current = next;
            return next;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>
    /// Rows written after <paramref name="start"/>'s version. The result is labelled with the version the caller read
    /// before this: rows written after that are newer still and read again next time, which changes nothing.
    /// </summary>
    private static async Task<Snapshot> ReadChangesAsync(DbConnection connection, Snapshot start, long version, CancellationToken cancellationToken)
    {
        var changes = new List<(int Id, Document? Document)>();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT "ModuleId", "Indexed", "Category", "Level", "Minutes", "AuthorKeys"
            FROM "{SearchSchema.DocumentsTable}" WHERE "Version" > {start.Version.ToString(CultureInfo.InvariantCulture)}
            """;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                changes.Add(((int)reader.GetInt64(0), reader.GetInt64(1) == 0 ? null
                    : new Document(reader.GetString(2), reader.GetString(3), (int)reader.GetInt64(4), Authors(reader.GetString(5)))));
            }
        }

        return start.With(changes, version);
    }

    public void Dispose() => _refresh.Dispose();

    private static string[] Authors(string keys) => keys.Split('|', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>One module's facet values; strings are shared between modules by <see cref="Snapshot.With"/>.</summary>
    public sealed record Document(string Category, string Level, int Minutes, string[] Authors);

    public sealed class Snapshot
    {
        public static readonly Snapshot Empty = new([], -1);

        private readonly Document?[] _documents;

        private Snapshot(Document?[] documents, long version) => (_documents, Version) = (documents, version);

        public long Version { get; }

        public Document? this[long moduleId] => moduleId >= 0 && moduleId < _documents.Length ? _documents[moduleId] : null;

        /// <summary>Every module in the index.</summary>
        public IEnumerable<Document> All => _documents.Where(d => d is not null)!;

            internal Snapshot With(List<(int Id, Document? Document)> list, long version)
        {
            if (list.Count == 0)
            {
                return new Snapshot(_documents, version);
            }

            var documents = new Document?[Math.Max(_documents.Length, list.Max(c => c.Id) + 1)];
            Array.Copy(_documents, documents, _documents.Length);
            var strings = new Dictionary<string, string>(StringComparer.Ordinal);
            string Shared(string s) => strings.TryGetValue(s, out var existing) ? existing : strings[s] = s;
            foreach (var (id, document) in list)
            {
                documents[id] = document is null ? null : new Document(Shared(document.Category), Shared(document.Level), document.Minutes, [.. document.Authors.Select(Shared)]);
            }

            return new Snapshot(documents, version);
        }
    }
}
