using System.Data.Common;
using System.Globalization;

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
            await InsertAsync(connection, transaction, $"{SelectPublished} ({idList})", version, cancellationToken);
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
        var done = 0;
        progress?.Report((0, ids.Count));
        foreach (var batch in ids.Chunk(BatchSize * 4))
        {
            var idList = string.Join(",", batch.Select(id => id.ToString(CultureInfo.InvariantCulture)));
            await InsertAsync(connection, transaction, $"{SelectPublished} ({idList})", version, cancellationToken);
            done += batch.Length;
            progress?.Report((done, ids.Count));
        }

        // Merge the head index's segments into one: its lists are walked whole by the ranking tiers. The full index is
        // left to FTS5's automatic merging: searches only count in it up to the cap and read single rows.
        await ExecuteAsync(connection, transaction, $"INSERT INTO \"{SearchSchema.HeadTable}\"(\"{SearchSchema.HeadTable}\") VALUES ('optimize')", cancellationToken);
        return ids.Count;
    }

    private static string LeaveIndex(long version) =>
        $"UPDATE \"{SearchSchema.DocumentsTable}\" SET \"Indexed\" = 0, \"Version\" = {version.ToString(CultureInfo.InvariantCulture)}";

    private static async Task InsertAsync(DbConnection connection, DbTransaction? transaction, string select, long version, CancellationToken cancellationToken)
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
            var tags = row[9] is string t ? t.Split('\u001f') : [];
            var authors = row[10] is string a ? a.Split('\u001f').Select(x => x.Split('\u001e')).ToArray() : [];
            var authorKeys = "|" + string.Join("|", authors.Select(x => x[0])) + "|";
            object[] values =
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
            ];
            for (var i = 0; i < values.Length; i++)
            {
                insert.Parameters[i].Value = values[i];
            }

            await insert.ExecuteNonQueryAsync(cancellationToken);
            object[] documentValues = [row[0], row[7], row[5], row[6], authorKeys];
            for (var i = 0; i < documentValues.Length; i++)
            {
                document.Parameters[i].Value = documentValues[i];
            }

            await document.ExecuteNonQueryAsync(cancellationToken);
            object[] headValues = [values[0], values[1], values[2], values[3], values[6]];
            for (var i = 0; i < headValues.Length; i++)
            {
                head.Parameters[i].Value = headValues[i];
            }

            await head.ExecuteNonQueryAsync(cancellationToken);
        }
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
