using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SkillBridge.Migrations.PostgreSql.Migrations
{
    /// <summary>
    /// Starts the generated history: the schema the hand-written migrations (History.cs) built already matches
    /// the model (the list columns still hold JSON text; ListColumnsAsArrays changes that), so there is nothing
    /// to do; from here on this assembly's model snapshot is the reference that <c>dotnet ef migrations add</c>
    /// compares with.
    /// </summary>
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
