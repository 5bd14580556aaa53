using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SkillBridge.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class LearningPathBuilder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CoverMediaFileId",
                table: "LearningPaths",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CoverPath",
                table: "LearningPaths",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CreatedAt",
                table: "LearningPaths",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<int>(
                name: "LastImportedRevisionId",
                table: "LearningPaths",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PublishedAt",
                table: "LearningPaths",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PublishedRevisionId",
                table: "LearningPaths",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "LearningPaths",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "LearningPathDrafts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LearningPathId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CoverPath = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CoverMediaFileId = table.Column<int>(type: "integer", nullable: true),
                    ModuleIds = table.Column<List<int>>(type: "integer[]", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningPathDrafts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LearningPathDrafts_LearningPaths_LearningPathId",
                        column: x => x.LearningPathId,
                        principalTable: "LearningPaths",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LearningPathDrafts_MediaFiles_CoverMediaFileId",
                        column: x => x.CoverMediaFileId,
                        principalTable: "MediaFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LearningPathRevisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LearningPathId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CoverPath = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CoverMediaFileId = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningPathRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LearningPathRevisions_LearningPaths_LearningPathId",
                        column: x => x.LearningPathId,
                        principalTable: "LearningPaths",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LearningPathRevisions_MediaFiles_CoverMediaFileId",
                        column: x => x.CoverMediaFileId,
                        principalTable: "MediaFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LearningPathRevisionModules",
                columns: table => new
                {
                    RevisionId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    ModuleId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningPathRevisionModules", x => new { x.RevisionId, x.Position });
                    table.ForeignKey(
                        name: "FK_LearningPathRevisionModules_LearningPathRevisions_RevisionId",
                        column: x => x.RevisionId,
                        principalTable: "LearningPathRevisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LearningPathRevisionModules_Modules_ModuleId",
                        column: x => x.ModuleId,
                        principalTable: "Modules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LearningPaths_CoverMediaFileId",
                table: "LearningPaths",
                column: "CoverMediaFileId");

            migrationBuilder.CreateIndex(
                name: "IX_LearningPaths_Status",
                table: "LearningPaths",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_LearningPathDrafts_CoverMediaFileId",
                table: "LearningPathDrafts",
                column: "CoverMediaFileId");

            migrationBuilder.CreateIndex(
                name: "IX_LearningPathDrafts_LearningPathId",
                table: "LearningPathDrafts",
                column: "LearningPathId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LearningPathRevisionModules_ModuleId",
                table: "LearningPathRevisionModules",
                column: "ModuleId");

            migrationBuilder.CreateIndex(
                name: "IX_LearningPathRevisions_CoverMediaFileId",
                table: "LearningPathRevisions",
                column: "CoverMediaFileId");

            migrationBuilder.CreateIndex(
                name: "IX_LearningPathRevisions_LearningPathId_Number",
                table: "LearningPathRevisions",
                columns: new[] { "LearningPathId", "Number" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_LearningPaths_MediaFiles_CoverMediaFileId",
                table: "LearningPaths",
                column: "CoverMediaFileId",
                principalTable: "MediaFiles",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            SkillBridge.Core.Data.Migrations.Steps.LearningPathRevisions.Apply(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_LearningPaths_MediaFiles_CoverMediaFileId",
                table: "LearningPaths");

            migrationBuilder.DropTable(
                name: "LearningPathDrafts");

            migrationBuilder.DropTable(
                name: "LearningPathRevisionModules");

            migrationBuilder.DropTable(
                name: "LearningPathRevisions");

            migrationBuilder.DropIndex(
                name: "IX_LearningPaths_CoverMediaFileId",
                table: "LearningPaths");

            migrationBuilder.DropIndex(
                name: "IX_LearningPaths_Status",
                table: "LearningPaths");

            migrationBuilder.DropColumn(
                name: "CoverMediaFileId",
                table: "LearningPaths");

            migrationBuilder.DropColumn(
                name: "CoverPath",
                table: "LearningPaths");

            migrationBuilder.DropColumn(
                name: "CreatedAt",
                table: "LearningPaths");

            migrationBuilder.DropColumn(
                name: "LastImportedRevisionId",
                table: "LearningPaths");

            migrationBuilder.DropColumn(
                name: "PublishedAt",
                table: "LearningPaths");

            migrationBuilder.DropColumn(
                name: "PublishedRevisionId",
                table: "LearningPaths");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "LearningPaths");
        }
    }
}
