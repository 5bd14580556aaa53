using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SkillBridge.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReportsMentoringFirstAnswer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AuthorAnsweredAt",
                table: "MentoringRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ModuleProgress_CompletedAt_UserId_RevisionId",
                table: "ModuleProgress",
                columns: new[] { "CompletedAt", "UserId", "RevisionId" });

            migrationBuilder.CreateIndex(
                name: "IX_ModuleProgress_ModuleId_UserId_CompletedAt",
                table: "ModuleProgress",
                columns: new[] { "ModuleId", "UserId", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ModuleProgress_StartedAt",
                table: "ModuleProgress",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ModuleProgress_UserId_StartedAt_CompletedAt",
                table: "ModuleProgress",
                columns: new[] { "UserId", "StartedAt", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MentoringRequests_CreatedAt",
                table: "MentoringRequests",
                column: "CreatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ModuleProgress_CompletedAt_UserId_RevisionId",
                table: "ModuleProgress");

            migrationBuilder.DropIndex(
                name: "IX_ModuleProgress_ModuleId_UserId_CompletedAt",
                table: "ModuleProgress");

            migrationBuilder.DropIndex(
                name: "IX_ModuleProgress_StartedAt",
                table: "ModuleProgress");

            migrationBuilder.DropIndex(
                name: "IX_ModuleProgress_UserId_StartedAt_CompletedAt",
                table: "ModuleProgress");

            migrationBuilder.DropIndex(
                name: "IX_MentoringRequests_CreatedAt",
                table: "MentoringRequests");

            migrationBuilder.DropColumn(
                name: "AuthorAnsweredAt",
                table: "MentoringRequests");
        }
    }
}
