using Microsoft.EntityFrameworkCore.Migrations;

namespace SkillBridge.Core.Data.Migrations.History;

/// <summary>
/// Learners' progress per module revision (steps reached, quiz answers, completion), ratings, stuck flags, and the
/// setting that lets authors see a learner's name (on for every existing account too).
/// </summary>
public abstract class Progress : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<bool>(name: "SharesProgressWithAuthors", table: "AspNetUsers", nullable: false, defaultValue: true);

        migrationBuilder.CreateTable(
            name: "ModuleProgress",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                UserId = table.Column<string>(nullable: true),
                ModuleId = table.Column<int>(nullable: false),
                RevisionId = table.Column<int>(nullable: false),
                StepCount = table.Column<int>(nullable: false),
                QuizCount = table.Column<int>(nullable: false),
                StartedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                LastStep = table.Column<int>(nullable: false),
                CompletedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ModuleProgress", x => x.Id);
                table.ForeignKey("FK_ModuleProgress_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_ModuleProgress_Modules_ModuleId", x => x.ModuleId, "Modules", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_ModuleProgress_ModuleRevisions_RevisionId", x => x.RevisionId, "ModuleRevisions", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "StepVisits",
            columns: table => new
            {
                ProgressId = table.Column<int>(nullable: false),
                StepNumber = table.Column<int>(nullable: false),
                VisitedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_StepVisits", x => new { x.ProgressId, x.StepNumber });
                table.ForeignKey("FK_StepVisits_ModuleProgress_ProgressId", x => x.ProgressId, "ModuleProgress", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "QuizAnswers",
            columns: table => new
            {
                ProgressId = table.Column<int>(nullable: false),
                StepNumber = table.Column<int>(nullable: false),
                QuizIndex = table.Column<int>(nullable: false),
                Selected = table.Column<string>(maxLength: 100, nullable: false),
                IsCorrect = table.Column<bool>(nullable: false),
                AnsweredAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_QuizAnswers", x => new { x.ProgressId, x.StepNumber, x.QuizIndex });
                table.ForeignKey("FK_QuizAnswers_ModuleProgress_ProgressId", x => x.ProgressId, "ModuleProgress", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ModuleRatings",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                UserId = table.Column<string>(nullable: true),
                ModuleId = table.Column<int>(nullable: false),
                RevisionId = table.Column<int>(nullable: false),
                Stars = table.Column<int>(nullable: false),
                Comment = table.Column<string>(maxLength: 1000, nullable: true),
                RatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ModuleRatings", x => x.Id);
                table.ForeignKey("FK_ModuleRatings_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_ModuleRatings_Modules_ModuleId", x => x.ModuleId, "Modules", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_ModuleRatings_ModuleRevisions_RevisionId", x => x.RevisionId, "ModuleRevisions", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "StuckFlags",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                UserId = table.Column<string>(nullable: true),
                ModuleId = table.Column<int>(nullable: false),
                RevisionId = table.Column<int>(nullable: false),
                StepNumber = table.Column<int>(nullable: false),
                Note = table.Column<string>(maxLength: 300, nullable: true),
                FlaggedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_StuckFlags", x => x.Id);
                table.ForeignKey("FK_StuckFlags_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_StuckFlags_Modules_ModuleId", x => x.ModuleId, "Modules", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_StuckFlags_ModuleRevisions_RevisionId", x => x.RevisionId, "ModuleRevisions", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_ModuleProgress_UserId_RevisionId", "ModuleProgress", ["UserId", "RevisionId"], unique: true);
        migrationBuilder.CreateIndex("IX_ModuleProgress_ModuleId_CompletedAt", "ModuleProgress", ["ModuleId", "CompletedAt"]);
        migrationBuilder.CreateIndex("IX_ModuleProgress_RevisionId", "ModuleProgress", "RevisionId");
        migrationBuilder.CreateIndex("IX_ModuleRatings_UserId_RevisionId", "ModuleRatings", ["UserId", "RevisionId"], unique: true);
        migrationBuilder.CreateIndex("IX_ModuleRatings_ModuleId", "ModuleRatings", "ModuleId");
        migrationBuilder.CreateIndex("IX_ModuleRatings_RevisionId", "ModuleRatings", "RevisionId");
        migrationBuilder.CreateIndex("IX_StuckFlags_UserId_RevisionId_StepNumber", "StuckFlags", ["UserId", "RevisionId", "StepNumber"], unique: true);
        migrationBuilder.CreateIndex("IX_StuckFlags_ModuleId", "StuckFlags", "ModuleId");
        migrationBuilder.CreateIndex("IX_StuckFlags_RevisionId_StepNumber", "StuckFlags", ["RevisionId", "StepNumber"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("StuckFlags");
        migrationBuilder.DropTable("ModuleRatings");
        migrationBuilder.DropTable("QuizAnswers");
        migrationBuilder.DropTable("StepVisits");
        migrationBuilder.DropTable("ModuleProgress");
        migrationBuilder.DropColumn("SharesProgressWithAuthors", "AspNetUsers");
    }
}
