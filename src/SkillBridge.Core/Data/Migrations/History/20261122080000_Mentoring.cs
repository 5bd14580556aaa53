using Microsoft.EntityFrameworkCore.Migrations;

namespace SkillBridge.Core.Data.Migrations.History;

/// <summary>Mentoring requests with their proposed times and feedback, and in-app notifications.</summary>
public abstract class Mentoring : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "MentoringRequests",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                ModuleId = table.Column<int>(nullable: false),
                LearnerId = table.Column<string>(nullable: true),
                AuthorId = table.Column<string>(nullable: true),
                Message = table.Column<string>(maxLength: 2000, nullable: false),
                DurationMinutes = table.Column<int>(nullable: false),
                State = table.Column<string>(maxLength: 30, nullable: false),
                StartsAt = table.Column<DateTime>(nullable: true),
                EndsAt = table.Column<DateTime>(nullable: true),
                CalendarUid = table.Column<string>(maxLength: 100, nullable: false),
                Sequence = table.Column<int>(nullable: false),
                Round = table.Column<int>(nullable: false),
                DeclineNote = table.Column<string>(maxLength: 1000, nullable: true),
                CancelNote = table.Column<string>(maxLength: 1000, nullable: true),
                CancelledBy = table.Column<string>(maxLength: 20, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MentoringRequests", x => x.Id);
                table.ForeignKey("FK_MentoringRequests_Modules_ModuleId", x => x.ModuleId, "Modules", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_MentoringRequests_AspNetUsers_LearnerId", x => x.LearnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_MentoringRequests_AspNetUsers_AuthorId", x => x.AuthorId, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
            });

        migrationBuilder.CreateTable(
            name: "ProposedTimes",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                RequestId = table.Column<int>(nullable: false),
                StartsAt = table.Column<DateTime>(nullable: false),
                ProposedBy = table.Column<string>(maxLength: 20, nullable: false),
                Round = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProposedTimes", x => x.Id);
                table.ForeignKey("FK_ProposedTimes_MentoringRequests_RequestId", x => x.RequestId, "MentoringRequests", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "SessionFeedback",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                RequestId = table.Column<int>(nullable: false),
                UserId = table.Column<string>(nullable: true),
                Text = table.Column<string>(maxLength: 1000, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SessionFeedback", x => x.Id);
                table.ForeignKey("FK_SessionFeedback_MentoringRequests_RequestId", x => x.RequestId, "MentoringRequests", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_SessionFeedback_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.SetNull);
            });

        migrationBuilder.CreateTable(
            name: "Notifications",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                UserId = table.Column<string>(nullable: false),
                Text = table.Column<string>(maxLength: 500, nullable: false),
                Link = table.Column<string>(maxLength: 300, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                ReadAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Notifications", x => x.Id);
                table.ForeignKey("FK_Notifications_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_MentoringRequests_ModuleId", "MentoringRequests", "ModuleId");
        migrationBuilder.CreateIndex("IX_MentoringRequests_LearnerId", "MentoringRequests", "LearnerId");
        migrationBuilder.CreateIndex("IX_MentoringRequests_AuthorId", "MentoringRequests", "AuthorId");
        migrationBuilder.CreateIndex("IX_MentoringRequests_CalendarUid", "MentoringRequests", "CalendarUid", unique: true);
        migrationBuilder.CreateIndex("IX_ProposedTimes_RequestId", "ProposedTimes", "RequestId");
        migrationBuilder.CreateIndex("IX_SessionFeedback_RequestId_UserId", "SessionFeedback", ["RequestId", "UserId"], unique: true);
        migrationBuilder.CreateIndex("IX_SessionFeedback_UserId", "SessionFeedback", "UserId");
        migrationBuilder.CreateIndex("IX_Notifications_UserId_ReadAt", "Notifications", ["UserId", "ReadAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("Notifications");
        migrationBuilder.DropTable("SessionFeedback");
        migrationBuilder.DropTable("ProposedTimes");
        migrationBuilder.DropTable("MentoringRequests");
    }
}
