using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace SkillBridge.Core.Search;

/// <summary>
/// Writes modules' rows in the FTS5 index with plain SQL on a given connection and transaction, so the index changes
/// in the same transaction as the content (design.md, Search). A module that is not published ends up without a row.
/// Each write bumps the index version first and stamps the modules' rows in <see cref="SearchSchema.DocumentsTable"/>
/// with it, so <see cref="SearchFacetMap"/> reads only what changed.
/// </summary>
public static class SearchIndexWriter
{
    private const int BatchSize = 500;

    private const string SelectPublished = """
        SELECT m."Id", m."Slug", r."Title", r."Summary", r."Body", r."Level", r."Minutes", c."Key", c."Name",
               (SELECT group_concat(t."Tag", char(31)) FROM "RevisionTags" t WHERE t."RevisionId" = r."Id"),
               (SELECT group_concat(p."Username" || char(30) || p."Name", char(31) ORDER BY a."Position")
                  FROM "RevisionAuthors" a JOIN "People" p ON p."Id" = a."PersonId" WHERE a."RevisionId" = r."Id")
        FROM "Modules" m
        JOIN "ModuleRevisions" r ON r."Id" = m."PublishedRevisionId"
        JOIN "Categories" c ON c."Id" = r."CategoryId"
        WHERE m."Status" = 'Published' AND m."Id" IN
        """;

    /// <summary>Replaces the rows of these modules with their published revisions (or removes them), then bumps the index version.</summary>
    public static async Task IndexModulesAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyCollection<int> moduleIds, CancellationToken cancellationToken)
    {
        var version = await BumpVersionAsync(connection, transaction, cancellationToken);
        foreach (var batch in moduleIds.Distinct().Chunk(BatchSize))
        {
            // The ids are ints, so listing them inline is safe and keeps one statement per batch.
            var idList = string.Join(",", batch.Select(id => id.ToString(CultureInfo.InvariantCulture)));
            await ExecuteAsync(connection, transaction, $"DELETE FROM \"{SearchSchema.IndexTable}\" WHERE rowid IN ({idList})", cancellationToken);
            await ExecuteAsync(connection, transaction, $"DELETE FROM \"{SearchSchema.HeadTable}\" WHERE rowid IN ({idList})", cancellationToken);
            await ExecuteAsync(connection, transaction, $"{LeaveIndex(version)} WHERE \"ModuleId\" IN ({idList})", cancellationToken);
            await WriteAsync(connection, transaction, Prepare(await ReadAsync(connection, transaction, $"{SelectPublished} ({idList})", cancellationToken)), version, cancellationToken);
        }
    }

    /// <summary>Empties the index and fills it again from every published module, reporting (done, total) as it goes.</summary>
    public static async Task<int> RebuildAsync(DbConnection connection, DbTransaction? transaction, IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        var ids = new List<int>();
        await using (var command = Command(connection, transaction, "SELECT \"Id\" FROM \"Modules\" WHERE \"Status\" = 'Published' AND \"PublishedRevisionId\" IS NOT NULL ORDER BY \"Id\""))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetInt32(0));
            }
        }

        var version = await BumpVersionAsync(connection, transaction, cancellationToken);
        await ExecuteAsync(connection, transaction, $"DELETE FROM \"{SearchSchema.IndexTable}\"", cancellationToken);
        await ExecuteAsync(connection, transaction, $"INSERT INTO \"{SearchSchema.HeadTable}\"(\"{SearchSchema.HeadTable}\") VALUES ('delete-all')", cancellationToken);
        await ExecuteAsync(connection, transaction, LeaveIndex(version), cancellationToken);
        // A bulk load: no merging while rows go in, and a large in-memory list before each write-out (fewer, larger
        // segments), then one full merge at the end. Restored afterwards for the single-module writes of publishing.
        await ConfigureAsync(connection, transaction, "automerge", 0, cancellationToken);
        await ConfigureAsync(connection, transaction, "hashsize", 64 * 1024 * 1024, cancellationToken);
        var done = 0;
        progress?.Report((0, ids.Count));
        var batches = ids.Chunk(BatchSize * 4).Select(batch => $"{SelectPublished} ({string.Join(",", batch.Select(id => id.ToString(CultureInfo.InvariantCulture)))})");
        await foreach (var rows in PreparedRowsAsync(connection, transaction, batches, cancellationToken))
        {
            await WriteAsync(connection, transaction, rows, version, cancellationToken);
            done += rows.Count;
            progress?.Report((done, ids.Count));
        }

        // Each index in one segment: every MATCH looks a word up once per segment, and a results page does that per row.
        await ExecuteAsync(connection, transaction, $"INSERT INTO \"{SearchSchema.IndexTable}\"(\"{SearchSchema.IndexTable}\") VALUES ('optimize')", cancellationToken);
        await ExecuteAsync(connection, transaction, $"INSERT INTO \"{SearchSchema.HeadTable}\"(\"{SearchSchema.HeadTable}\") VALUES ('optimize')", cancellationToken);
        await ConfigureAsync(connection, transaction, "automerge", DefaultAutomerge, cancellationToken);
        await ConfigureAsync(connection, transaction, "hashsize", DefaultHashSize, cancellationToken);
        return ids.Count;
    }

    /// <summary>FTS5's own defaults for the settings a rebuild changes while it runs.</summary>
    private const int DefaultAutomerge = 4;

    private const int DefaultHashSize = 1024 * 1024;

    private static Task ConfigureAsync(DbConnection connection, DbTransaction? transaction, string setting, int value, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction,
            $"INSERT INTO \"{SearchSchema.IndexTable}\"(\"{SearchSchema.IndexTable}\", rank) VALUES ('{setting}', {value.ToString(CultureInfo.InvariantCulture)})", cancellationToken);

    private static string LeaveIndex(long version) =>
        $"UPDATE \"{SearchSchema.DocumentsTable}\" SET \"Indexed\" = 0, \"Version\" = {version.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// The batches' rows read and made into index text on a second connection to the same file while this one writes:
    /// on two cores reading and turning Markdown into plain text overlap with FTS5's tokenizing. An in-memory database
    /// cannot be opened twice, so there it is read in turn on the one connection.
    /// </summary>
    private static async IAsyncEnumerable<List<IndexRow>> PreparedRowsAsync(
        DbConnection connection, DbTransaction? transaction, IEnumerable<string> batches, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (connection is not SqliteConnection sqlite || IsInMemory(sqlite))
        {
            foreach (var select in batches)
            {
                yield return Prepare(await ReadAsync(connection, transaction, select, cancellationToken));
            }

            yield break;
        }

        var channel = Channel.CreateBounded<List<IndexRow>>(2);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(async () =>
        {
            try
            {
                await using var reader = new SqliteConnection(sqlite.ConnectionString);
                await reader.OpenAsync(stop.Token);
                foreach (var select in batches)
                {
                    await channel.Writer.WriteAsync(Prepare(await ReadAsync(reader, null, select, stop.Token)), stop.Token);
                }

                channel.Writer.Complete();
            }
            catch (Exception exception)
            {
                // Whatever went wrong is rethrown to the writer by the channel, which must always be completed.
                channel.Writer.Complete(exception);
            }
        }, CancellationToken.None);

        try
        {
            await foreach (var rows in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return rows;
            }
        }
        finally
        {
            // The writer stopped early (an error or cancellation): the reader must not wait on a full channel.
            await stop.CancelAsync();
            await reading;
        }
    }

    private static bool IsInMemory(SqliteConnection connection)
    {
        var builder = new SqliteConnectionStringBuilder(connection.ConnectionString);
        return builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:";
    }

    private static async Task<List<object[]>> ReadAsync(DbConnection connection, DbTransaction? transaction, string select, CancellationToken cancellationToken)
    {
        var rows = new List<object[]>();
        await using var command = Command(connection, transaction, select);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(values);
        }

        return rows;
    }

    /// <summary>One module's values for the index: the full row's columns in order, and the head's and documents' from them.</summary>
    private sealed record IndexRow(object[] Values)
    {
        public object[] Head => [Values[0], Values[1], Values[2], Values[3], Values[6]];

        public object[] Document => [Values[0], Values[8], Values[9], Values[10], Values[11]];
    }

    private static List<IndexRow> Prepare(List<object[]> rows)
    {
        var prepared = new List<IndexRow>(rows.Count);
        foreach (var row in rows)
        {
            var tags = row[9] is string t ? t.Split('\u001f') : [];
            var authors = row[10] is string a ? a.Split('\u001f').Select(x => x.Split('\u001e')).ToArray() : [];
            var authorKeys = "|" + string.Join("|", authors.Select(x => x[0])) + "|";
            prepared.Add(new IndexRow(
            [
                row[0],
                row[2],
                string.Join(" | ", tags.Append((string)row[8])),
                row[3],
                SearchText.PlainBody((string)row[4]),
                string.Join(" | ", authors.Select(x => x[1] + " " + x[0])),
                SearchFilterTokens.ForModule((string)row[7], (string)row[5], Convert.ToInt32(row[6], CultureInfo.InvariantCulture), authors.Select(x => x[0])),
                row[1],
                row[7],
                row[5],
                row[6],
                authorKeys,
                string.Join(", ", authors.Select(x => x[1])),
            ]));
        }

        return prepared;
    }

    private static async Task WriteAsync(DbConnection connection, DbTransaction? transaction, List<IndexRow> rows, long version, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var insert = Command(connection, transaction, $"""
            INSERT INTO "{SearchSchema.IndexTable}" (rowid, title, tags, summary, body, authors, filters, slug, category, level, minutes, author_keys, author_names)
            VALUES ($id, $title, $tags, $summary, $body, $authors, $filters, $slug, $category, $level, $minutes, $authorKeys, $authorNames)
            """);
        AddParameters(insert, "$id", "$title", "$tags", "$summary", "$body", "$authors", "$filters", "$slug", "$category", "$level", "$minutes", "$authorKeys", "$authorNames");
        await using var document = Command(connection, transaction, $"""
            INSERT INTO "{SearchSchema.DocumentsTable}" ("ModuleId", "Version", "Indexed", "Category", "Level", "Minutes", "AuthorKeys")
            VALUES ($id, {version.ToString(CultureInfo.InvariantCulture)}, 1, $category, $level, $minutes, $authorKeys)
            ON CONFLICT ("ModuleId") DO UPDATE SET "Version" = excluded."Version", "Indexed" = 1, "Category" = excluded."Category",
                "Level" = excluded."Level", "Minutes" = excluded."Minutes", "AuthorKeys" = excluded."AuthorKeys"
            """);
        AddParameters(document, "$id", "$category", "$level", "$minutes", "$authorKeys");
        await using var head = Command(connection, transaction, $"""
            INSERT INTO "{SearchSchema.HeadTable}" (rowid, title, tags, summary, filters) VALUES ($id, $title, $tags, $summary, $filters)
            """);
        AddParameters(head, "$id", "$title", "$tags", "$summary", "$filters");

        foreach (var row in rows)
        {
            await RunAsync(insert, row.Values, cancellationToken);
            await RunAsync(document, row.Document, cancellationToken);
            await RunAsync(head, row.Head, cancellationToken);
        }
    }

    private static async Task RunAsync(DbCommand command, object[] values, CancellationToken cancellationToken)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> BumpVersionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, $"UPDATE \"{SearchSchema.StateTable}\" SET \"Version\" = \"Version\" + 1 WHERE \"Id\" = 1 RETURNING \"Version\"");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static void AddParameters(DbCommand command, params string[] names)
    {
        foreach (var name in names)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }
}
