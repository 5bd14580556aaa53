using Microsoft.EntityFrameworkCore.Migrations;

namespace SkillBridge.Core.Data.Migrations.History;

/// <summary>Drafts with their images, curators' review comments, and who published each revision.</summary>
public abstract class Authoring : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "CreatedBy", table: "ModuleRevisions", maxLength: 100, nullable: true);
        migrationBuilder.AddColumn<string>(name: "PublishNote", table: "ModuleRevisions", maxLength: 300, nullable: true);

        // Statuses of the first schema that now live on the draft.
        migrationBuilder.Sql("UPDATE \"Modules\" SET \"Status\" = 'Draft' WHERE \"Status\" IN ('InReview', 'ChangesRequested')");

        migrationBuilder.CreateTable(
            name: "ModuleDrafts",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                ModuleId = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Summary = table.Column<string>(maxLength: 500, nullable: false),
                CategoryId = table.Column<int>(nullable: true),
                Tags = table.Column<string>(nullable: false),
                Level = table.Column<string>(maxLength: 20, nullable: false),
                Minutes = table.Column<int>(nullable: false),
                Cover = table.Column<string>(maxLength: 300, nullable: true),
                Body = table.Column<string>(nullable: false),
                Authors = table.Column<string>(nullable: false),
                BasedOnRevisionId = table.Column<int>(nullable: true),
                State = table.Column<string>(maxLength: 20, nullable: false),
                SubmittedAt = table.Column<DateTime>(nullable: true),
                ScheduledFor = table.Column<DateTime>(nullable: true),
                ScheduledBy = table.Column<string>(maxLength: 100, nullable: true),
                ScheduleClaimedAt = table.Column<DateTime>(nullable: true),
                ScheduleProblem = table.Column<string>(maxLength: 2000, nullable: true),
                Version = table.Column<int>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                UpdatedBy = table.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ModuleDrafts", x => x.Id);
                table.ForeignKey("FK_ModuleDrafts_Categories_CategoryId", x => x.CategoryId, "Categories", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_ModuleDrafts_Modules_ModuleId", x => x.ModuleId, "Modules", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "DraftImages",
            columns: table => new
            {
                DraftId = table.Column<int>(nullable: false),
                Path = table.Column<string>(maxLength: 300, nullable: false),
                MediaFileId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DraftImages", x => new { x.DraftId, x.Path });
                table.ForeignKey("FK_DraftImages_MediaFiles_MediaFileId", x => x.MediaFileId, "MediaFiles", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_DraftImages_ModuleDrafts_DraftId", x => x.DraftId, "ModuleDrafts", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ReviewComments",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                ModuleId = table.Column<int>(nullable: false),
                Author = table.Column<string>(maxLength: 100, nullable: false),
                Text = table.Column<string>(maxLength: 4000, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReviewComments", x => x.Id);
                table.ForeignKey("FK_ReviewComments_Modules_ModuleId", x => x.ModuleId, "Modules", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_ModuleDrafts_ModuleId", "ModuleDrafts", "ModuleId", unique: true);
        migrationBuilder.CreateIndex("IX_ModuleDrafts_CategoryId", "ModuleDrafts", "CategoryId");
        migrationBuilder.CreateIndex("IX_ModuleDrafts_State_ScheduledFor", "ModuleDrafts", ["State", "ScheduledFor"]);
        migrationBuilder.CreateIndex("IX_DraftImages_MediaFileId", "DraftImages", "MediaFileId");
        migrationBuilder.CreateIndex("IX_ReviewComments_ModuleId", "ReviewComments", "ModuleId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ReviewComments");
        migrationBuilder.DropTable("DraftImages");
        migrationBuilder.DropTable("ModuleDrafts");
        migrationBuilder.DropColumn("PublishNote", "ModuleRevisions");
        migrationBuilder.DropColumn("CreatedBy", "ModuleRevisions");
    }
}
