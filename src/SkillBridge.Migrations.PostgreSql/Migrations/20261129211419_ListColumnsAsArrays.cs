using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SkillBridge.Migrations.PostgreSql.Migrations
{
    /// <summary>
    /// The list columns (a person's roles and topics, a draft's tags and authors) were created as text, but Npgsql maps a
    /// list of strings to a PostgreSQL array: it wrote them as array literals (<c>{LinkedIn,"short video"}</c>) and
    /// could not read them back. This turns each into text[], keeping every value and its order; a value written as a
    /// JSON array (SQLite's form, e.g. by hand) converts too. (Scaffolded as AlterColumn; PostgreSQL needs USING to
    /// convert, and USING cannot hold a subquery, hence the session-local function.)
    /// </summary>
    public partial class ListColumnsAsArrays : Migration
    {
        private static readonly (string Table, string Column)[] ListColumns =
        [
            ("People", "Roles"),
            ("People", "HelpsWith"),
            ("ModuleDrafts", "Tags"),
            ("ModuleDrafts", "Authors"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION pg_temp.skillbridge_list_to_array(value text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
                    SELECT CASE
                        WHEN left(btrim(value), 1) = '[' THEN (
                            SELECT coalesce(array_agg(item.value ORDER BY item.position), '{}')
                            FROM json_array_elements_text(value::json) WITH ORDINALITY AS item(value, position))
                        WHEN btrim(value) = '' THEN '{}'::text[]
                        ELSE value::text[]
                    END
                $$;
                """);
            foreach (var (table, column) in ListColumns)
            {
                migrationBuilder.Sql($"""ALTER TABLE "{table}" ALTER COLUMN "{column}" TYPE text[] USING pg_temp.skillbridge_list_to_array("{column}");""");
            }

            migrationBuilder.Sql("DROP FUNCTION pg_temp.skillbridge_list_to_array(text);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, column) in ListColumns)
            {
                migrationBuilder.Sql($"""ALTER TABLE "{table}" ALTER COLUMN "{column}" TYPE text USING array_to_json("{column}")::text;""");
            }
        }
    }
}
