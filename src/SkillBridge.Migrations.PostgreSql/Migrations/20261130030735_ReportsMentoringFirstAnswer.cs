using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SkillBridge.Migrations.PostgreSql.Migrations
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
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ModuleProgress_CompletedAt",
                table: "ModuleProgress",
                column: "CompletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ModuleProgress_StartedAt",
                table: "ModuleProgress",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_MentoringRequests_CreatedAt",
                table: "MentoringRequests",
                column: "CreatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ModuleProgress_CompletedAt",
                table: "ModuleProgress");

            migrationBuilder.DropIndex(
                name: "IX_ModuleProgress_StartedAt",
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
