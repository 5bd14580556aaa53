using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;

namespace SkillBridge.Core.Data.Migrations.History;

/// <summary>Modules with revisions, categories, people, learning paths and media.</summary>
public abstract class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Categories",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                Key = table.Column<string>(maxLength: 60, nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Description = table.Column<string>(maxLength: 500, nullable: false),
                Position = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Categories", x => x.Id));

        migrationBuilder.CreateTable(
            name: "People",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                Username = table.Column<string>(maxLength: 100, nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Department = table.Column<string>(maxLength: 200, nullable: false),
                Bio = table.Column<string>(maxLength: 2000, nullable: false),
                HelpsWith = table.Column<string>(nullable: false),
                Roles = table.Column<string>(nullable: false),
                Email = table.Column<string>(maxLength: 320, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_People", x => x.Id));

        migrationBuilder.CreateTable(
            name: "MediaFiles",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                Sha256 = table.Column<string>(maxLength: 64, nullable: false),
                ContentType = table.Column<string>(maxLength: 40, nullable: false),
                Length = table.Column<long>(nullable: false),
                Width = table.Column<int>(nullable: false),
                Height = table.Column<int>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_MediaFiles", x => x.Id));

        migrationBuilder.CreateTable(
            name: "LearningPaths",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                Slug = table.Column<string>(maxLength: 120, nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Summary = table.Column<string>(maxLength: 500, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_LearningPaths", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Modules",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                Slug = table.Column<string>(maxLength: 120, nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                PublishedRevisionId = table.Column<int>(nullable: true),
                PublishedAt = table.Column<DateTime>(nullable: true),
                LastImportedRevisionId = table.Column<int>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Modules", x => x.Id));

        migrationBuilder.CreateTable(
            name: "ModuleRevisions",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                ModuleId = table.Column<int>(nullable: false),
                Number = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Summary = table.Column<string>(maxLength: 500, nullable: false),
                CategoryId = table.Column<int>(nullable: false),
                Level = table.Column<string>(maxLength: 20, nullable: false),
                Minutes = table.Column<int>(nullable: false),
                Cover = table.Column<string>(maxLength: 300, nullable: true),
                Body = table.Column<string>(nullable: false),
                UpdatedOn = table.Column<DateOnly>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                Source = table.Column<string>(maxLength: 20, nullable: false),
                ContentHash = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ModuleRevisions", x => x.Id);
                table.ForeignKey("FK_ModuleRevisions_Categories_CategoryId", x => x.CategoryId, "Categories", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_ModuleRevisions_Modules_ModuleId", x => x.ModuleId, "Modules", "Id", onDelete: ReferentialAction.Cascade);
            });

        // Modules and revisions point at each other; the module's side is added once both tables exist.
        migrationBuilder.AddForeignKey("FK_Modules_ModuleRevisions_PublishedRevisionId", "Modules", "PublishedRevisionId", "ModuleRevisions", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
        migrationBuilder.AddForeignKey("FK_Modules_ModuleRevisions_LastImportedRevisionId", "Modules", "LastImportedRevisionId", "ModuleRevisions", principalColumn: "Id", onDelete: ReferentialAction.Restrict);

        migrationBuilder.CreateTable(
            name: "RevisionTags",
            columns: table => new
            {
                RevisionId = table.Column<int>(nullable: false),
                Tag = table.Column<string>(maxLength: 60, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RevisionTags", x => new { x.RevisionId, x.Tag });
                table.ForeignKey("FK_RevisionTags_ModuleRevisions_RevisionId", x => x.RevisionId, "ModuleRevisions", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "RevisionAuthors",
            columns: table => new
            {
                RevisionId = table.Column<int>(nullable: false),
                PersonId = table.Column<int>(nullable: false),
                Position = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RevisionAuthors", x => new { x.RevisionId, x.PersonId });
                table.ForeignKey("FK_RevisionAuthors_ModuleRevisions_RevisionId", x => x.RevisionId, "ModuleRevisions", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_RevisionAuthors_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "RevisionImages",
            columns: table => new
            {
                RevisionId = table.Column<int>(nullable: false),
                Path = table.Column<string>(maxLength: 300, nullable: false),
                MediaFileId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RevisionImages", x => new { x.RevisionId, x.Path });
                table.ForeignKey("FK_RevisionImages_MediaFiles_MediaFileId", x => x.MediaFileId, "MediaFiles", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_RevisionImages_ModuleRevisions_RevisionId", x => x.RevisionId, "ModuleRevisions", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "LearningPathModules",
            columns: table => new
            {
                LearningPathId = table.Column<int>(nullable: false),
                Position = table.Column<int>(nullable: false),
                ModuleId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_LearningPathModules", x => new { x.LearningPathId, x.Position });
                table.ForeignKey("FK_LearningPathModules_LearningPaths_LearningPathId", x => x.LearningPathId, "LearningPaths", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_LearningPathModules_Modules_ModuleId", x => x.ModuleId, "Modules", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_Categories_Key", "Categories", "Key", unique: true);
        migrationBuilder.CreateIndex("IX_People_Username", "People", "Username", unique: true);
        migrationBuilder.CreateIndex("IX_MediaFiles_Sha256", "MediaFiles", "Sha256", unique: true);
        migrationBuilder.CreateIndex("IX_LearningPaths_Slug", "LearningPaths", "Slug", unique: true);
        migrationBuilder.CreateIndex("IX_Modules_Slug", "Modules", "Slug", unique: true);
        migrationBuilder.CreateIndex("IX_Modules_Status", "Modules", "Status");
        migrationBuilder.CreateIndex("IX_Modules_PublishedRevisionId", "Modules", "PublishedRevisionId");
        migrationBuilder.CreateIndex("IX_Modules_LastImportedRevisionId", "Modules", "LastImportedRevisionId");
        migrationBuilder.CreateIndex("IX_ModuleRevisions_CategoryId", "ModuleRevisions", "CategoryId");
        migrationBuilder.CreateIndex("IX_ModuleRevisions_ModuleId_Number", "ModuleRevisions", ["ModuleId", "Number"], unique: true);
        migrationBuilder.CreateIndex("IX_RevisionTags_Tag", "RevisionTags", "Tag");
        migrationBuilder.CreateIndex("IX_RevisionAuthors_PersonId", "RevisionAuthors", "PersonId");
        migrationBuilder.CreateIndex("IX_RevisionImages_MediaFileId", "RevisionImages", "MediaFileId");
        migrationBuilder.CreateIndex("IX_LearningPathModules_ModuleId", "LearningPathModules", "ModuleId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropForeignKey("FK_Modules_ModuleRevisions_PublishedRevisionId", "Modules");
        migrationBuilder.DropForeignKey("FK_Modules_ModuleRevisions_LastImportedRevisionId", "Modules");
        foreach (var table in new[] { "LearningPathModules", "RevisionImages", "RevisionAuthors", "RevisionTags", "ModuleRevisions", "Modules", "LearningPaths", "MediaFiles", "People", "Categories" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}

internal static class MigrationColumnExtensions
{
    /// <summary>An auto-incrementing key on every provider SkillBridge supports.</summary>
    public static OperationBuilder<AddColumnOperation> Identity(this OperationBuilder<AddColumnOperation> column) =>
        column
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
