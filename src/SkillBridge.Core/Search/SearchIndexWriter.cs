using System.Data.Common;
using System.Globalization;

namespace SkillBridge.Core.Search;

/// <summary>
/// Writes modules' rows in the FTS5 index with plain SQL on a given connection and transaction, so the index changes
/// in the same transaction as the content (design.md, Search). A module that is not published ends up without a row.
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
        foreach (var batch in moduleIds.Distinct().Chunk(BatchSize))
        {
            // The ids are ints, so listing them inline is safe and keeps one statement per batch.
            var idList = string.Join(",", batch.Select(id => id.ToString(CultureInfo.InvariantCulture)));
            await ExecuteAsync(connection, transaction, $"DELETE FROM \"{SearchSchema.IndexTable}\" WHERE rowid IN ({idList})", cancellationToken);
            await InsertAsync(connection, transaction, $"{SelectPublished} ({idList})", cancellationToken);
        }

        await BumpVersionAsync(connection, transaction, cancellationToken);
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

        await ExecuteAsync(connection, transaction, $"DELETE FROM \"{SearchSchema.IndexTable}\"", cancellationToken);
        var done = 0;
        progress?.Report((0, ids.Count));
        foreach (var batch in ids.Chunk(BatchSize * 4))
        {
            var idList = string.Join(",", batch.Select(id => id.ToString(CultureInfo.InvariantCulture)));
            await InsertAsync(connection, transaction, $"{SelectPublished} ({idList})", cancellationToken);
            done += batch.Length;
            progress?.Report((done, ids.Count));
        }

        // Merge the index's segments into one: fewer b-trees to read per query.
        await ExecuteAsync(connection, transaction, $"INSERT INTO \"{SearchSchema.IndexTable}\"(\"{SearchSchema.IndexTable}\") VALUES ('optimize')", cancellationToken);
        await BumpVersionAsync(connection, transaction, cancellationToken);
        return ids.Count;
    }

    private static async Task InsertAsync(DbConnection connection, DbTransaction? transaction, string select, CancellationToken cancellationToken)
    {
        var rows = new List<object[]>();
        await using (var command = Command(connection, transaction, select))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var values = new object[reader.FieldCount];
                reader.GetValues(values);
                rows.Add(values);
            }
        }

        if (rows.Count == 0)
        {
            return;
        }

        await using var insert = Command(connection, transaction, $"""
            INSERT INTO "{SearchSchema.IndexTable}" (rowid, title, tags, summary, body, authors, slug, category, level, minutes, author_keys, author_names)
            VALUES ($id, $title, $tags, $summary, $body, $authors, $slug, $category, $level, $minutes, $authorKeys, $authorNames)
            """);
        var names = new[] { "$id", "$title", "$tags", "$summary", "$body", "$authors", "$slug", "$category", "$level", "$minutes", "$authorKeys", "$authorNames" };
        foreach (var name in names)
        {
            var parameter = insert.CreateParameter();
            parameter.ParameterName = name;
            insert.Parameters.Add(parameter);
        }

        foreach (var row in rows)
        {
            var tags = row[9] is string t ? t.Split('\u001f') : [];
            var authors = row[10] is string a ? a.Split('\u001f').Select(x => x.Split('\u001e')).ToArray() : [];
            object[] values =
            [
                row[0],
                row[2],
                string.Join(" | ", tags.Append((string)row[8])),
                row[3],
                SearchText.PlainBody((string)row[4]),
                string.Join(" | ", authors.Select(x => x[1] + " " + x[0])),
                row[1],
                row[7],
                row[5],
                row[6],
                "|" + string.Join("|", authors.Select(x => x[0])) + "|",
                string.Join(", ", authors.Select(x => x[1])),
            ];
            for (var i = 0; i < values.Length; i++)
            {
                insert.Parameters[i].Value = values[i];
            }

            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static Task BumpVersionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, $"UPDATE \"{SearchSchema.StateTable}\" SET \"Version\" = \"Version\" + 1 WHERE \"Id\" = 1", cancellationToken);

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
