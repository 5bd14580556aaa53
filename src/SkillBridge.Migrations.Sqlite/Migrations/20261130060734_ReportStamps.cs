using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SkillBridge.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReportStamps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ModuleRatings_ModuleId",
                table: "ModuleRatings");

            migrationBuilder.DropIndex(
                name: "IX_ModuleProgress_CompletedAt_UserId_RevisionId",
                table: "ModuleProgress");

            migrationBuilder.DropIndex(
                name: "IX_ModuleProgress_ModuleId_UserId_CompletedAt",
                table: "ModuleProgress");

            migrationBuilder.DropIndex(
                name: "IX_ModuleProgress_RevisionId",
                table: "ModuleProgress");

            migrationBuilder.DropIndex(
                name: "IX_ModuleProgress_StartedAt",
                table: "ModuleProgress");

            migrationBuilder.DropIndex(
                name: "IX_ModuleProgress_UserId_StartedAt_CompletedAt",
                table: "ModuleProgress");

            migrationBuilder.AddColumn<int>(
                name: "DepartmentId",
                table: "StuckFlags",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PersonId",
                table: "StuckFlags",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DepartmentId",
                table: "RevisionAuthors",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DepartmentId",
                table: "ModuleRatings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PersonId",
                table: "ModuleRatings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DepartmentId",
                table: "ModuleProgress",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PersonId",
                table: "ModuleProgress",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_StuckFlags_DepartmentId",
                table: "StuckFlags",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_StuckFlags_PersonId_FlaggedAt",
                table: "StuckFlags",
                columns: new[] { "PersonId", "FlaggedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RevisionAuthors_DepartmentId",
                table: "RevisionAuthors",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_RevisionAuthors_RevisionId_PersonId_DepartmentId",
                table: "RevisionAuthors",
                columns: new[] { "RevisionId", "PersonId", "DepartmentId" });

            migrationBuilder.CreateIndex(
                name: "IX_ModuleRatings_DepartmentId_ModuleId_Stars_RatedAt",
                table: "ModuleRatings",
                columns: new[] { "DepartmentId", "ModuleId", "Stars", "RatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ModuleRatings_ModuleId_Stars_PersonId_RatedAt",
                table: "ModuleRatings",
                columns: new[] { "ModuleId", "Stars", "PersonId", "RatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ModuleRatings_PersonId_RatedAt",
                table: "ModuleRatings",
                columns: new[] { "PersonId", "RatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ModuleProgress_CompletedAt_RevisionId_PersonId_DepartmentId_ModuleId",
                table: "ModuleProgress",
                columns: new[] { "CompletedAt", "RevisionId", "PersonId", "DepartmentId", "ModuleId" });

            migrationBuilder.CreateIndex(
                name: "IX_ModuleProgress_DepartmentId_PersonId_ModuleId_StartedAt_CompletedAt",
                table: "ModuleProgress",
                columns: new[] { "DepartmentId", "PersonId", "ModuleId", "StartedAt", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ModuleProgress_ModuleId_PersonId_CompletedAt",
                table: "ModuleProgress",
                columns: new[] { "ModuleId", "PersonId", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ModuleProgress_PersonId_StartedAt_ModuleId_CompletedAt",
                table: "ModuleProgress",
                columns: new[] { "PersonId", "StartedAt", "ModuleId", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ModuleProgress_RevisionId_CompletedAt_PersonId_DepartmentId",
                table: "ModuleProgress",
                columns: new[] { "RevisionId", "CompletedAt", "PersonId", "DepartmentId" });

            migrationBuilder.CreateIndex(
                name: "IX_ModuleProgress_StartedAt_ModuleId_PersonId_DepartmentId_CompletedAt",
                table: "ModuleProgress",
                columns: new[] { "StartedAt", "ModuleId", "PersonId", "DepartmentId", "CompletedAt" });

            migrationBuilder.AddForeignKey(
                name: "FK_ModuleProgress_Departments_DepartmentId",
                table: "ModuleProgress",
                column: "DepartmentId",
                principalTable: "Departments",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_ModuleProgress_People_PersonId",
                table: "ModuleProgress",
                column: "PersonId",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_ModuleRatings_Departments_DepartmentId",
                table: "ModuleRatings",
                column: "DepartmentId",
                principalTable: "Departments",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_ModuleRatings_People_PersonId",
                table: "ModuleRatings",
                column: "PersonId",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_RevisionAuthors_Departments_DepartmentId",
                table: "RevisionAuthors",
                column: "DepartmentId",
                principalTable: "Departments",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_StuckFlags_Departments_DepartmentId",
                table: "StuckFlags",
                column: "DepartmentId",
                principalTable: "Departments",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_StuckFlags_People_PersonId",
                table: "StuckFlags",
                column: "PersonId",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            SkillBridge.Core.Data.Migrations.Steps.ReportStamps.Apply(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ModuleProgress_Departments_DepartmentId",
                table: "ModuleProgress");

            migrationBuilder.DropForeignKey(
                name: "FK_ModuleProgress_People_PersonId",
                table: "ModuleProgress");

            migrationBuilder.DropForeignKey(
                name: "FK_ModuleRatings_Departments_DepartmentId",
                table: "ModuleRatings");

            migrationBuilder.DropForeignKey(
                name: "FK_ModuleRatings_People_PersonId",
                table: "ModuleRatings");

            migrationBuilder.DropForeignKey(
                name: "FK_RevisionAuthors_Departments_DepartmentId",
                table: "RevisionAuthors");

            migrationBuilder.DropForeignKey(
                name: "FK_StuckFlags_Departments_DepartmentId",
                table: "StuckFlags");

            migrationBuilder.DropForeignKey(
                name: "FK_StuckFlags_People_PersonId",
                table: "StuckFlags");

            migrationBuilder.DropIndex(
                name: "IX_StuckFlags_DepartmentId",
                table: "StuckFlags");

            migrationBuilder.DropIndex(
                name: "IX_StuckFlags_PersonId_FlaggedAt",
                table: "StuckFlags");

            migrationBuilder.DropIndex(
                name: "IX_RevisionAuthors_DepartmentId",
                table: "RevisionAuthors");

            migrationBuilder.DropIndex(
                name: "IX_RevisionAuthors_RevisionId_PersonId_DepartmentId",
                table: "RevisionAuthors");

            migrationBuilder.DropIndex(
                name: "IX_ModuleRatings_DepartmentId_ModuleId_Stars_RatedAt",
                table: "ModuleRatings");

            migrationBuilder.DropIndex(
                name: "IX_ModuleRatings_ModuleId_Stars_PersonId_RatedAt",
                table: "ModuleRatings");

            migrationBuilder.DropIndex(
                name: "IX_ModuleRatings_PersonId_RatedAt",
                table: "ModuleRatings");

            migrationBuilder.DropIndex(
                name: "IX_ModuleProgress_CompletedAt_RevisionId_PersonId_DepartmentId_ModuleId",
                table: "ModuleProgress");

            migrationBuilder.DropIndex(
                name: "IX_ModuleProgress_DepartmentId_PersonId_ModuleId_StartedAt_CompletedAt",
                table: "ModuleProgress");

            migrationBuilder.DropIndex(
                name: "IX_ModuleProgress_ModuleId_PersonId_CompletedAt",
                table: "ModuleProgress");

            migrationBuilder.DropIndex(
                name: "IX_ModuleProgress_PersonId_StartedAt_ModuleId_CompletedAt",
                table: "ModuleProgress");

            migrationBuilder.DropIndex(
                name: "IX_ModuleProgress_RevisionId_CompletedAt_PersonId_DepartmentId",
                table: "ModuleProgress");

            migrationBuilder.DropIndex(
                name: "IX_ModuleProgress_StartedAt_ModuleId_PersonId_DepartmentId_CompletedAt",
                table: "ModuleProgress");

            migrationBuilder.DropColumn(
                name: "DepartmentId",
                table: "StuckFlags");

            migrationBuilder.DropColumn(
                name: "PersonId",
                table: "StuckFlags");

            migrationBuilder.DropColumn(
                name: "DepartmentId",
                table: "RevisionAuthors");

            migrationBuilder.DropColumn(
                name: "DepartmentId",
                table: "ModuleRatings");

            migrationBuilder.DropColumn(
                name: "PersonId",
                table: "ModuleRatings");

            migrationBuilder.DropColumn(
                name: "DepartmentId",
                table: "ModuleProgress");

            migrationBuilder.DropColumn(
                name: "PersonId",
                table: "ModuleProgress");

            migrationBuilder.CreateIndex(
                name: "IX_ModuleRatings_ModuleId",
                table: "ModuleRatings",
                column: "ModuleId");

            migrationBuilder.CreateIndex(
                name: "IX_ModuleProgress_CompletedAt_UserId_RevisionId",
                table: "ModuleProgress",
                columns: new[] { "CompletedAt", "UserId", "RevisionId" });

            migrationBuilder.CreateIndex(
                name: "IX_ModuleProgress_ModuleId_UserId_CompletedAt",
                table: "ModuleProgress",
                columns: new[] { "ModuleId", "UserId", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ModuleProgress_RevisionId",
                table: "ModuleProgress",
                column: "RevisionId");

            migrationBuilder.CreateIndex(
                name: "IX_ModuleProgress_StartedAt",
                table: "ModuleProgress",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ModuleProgress_UserId_StartedAt_CompletedAt",
                table: "ModuleProgress",
                columns: new[] { "UserId", "StartedAt", "CompletedAt" });
        }
    }
}
