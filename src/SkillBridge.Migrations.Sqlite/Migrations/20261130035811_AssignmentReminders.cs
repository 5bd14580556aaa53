using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SkillBridge.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AssignmentReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ReminderMailOff",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ReminderDigests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Items = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderDigests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReminderDigests_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssignmentReminders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LearnerAssignmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    SendAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClaimedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MailPending = table.Column<bool>(type: "INTEGER", nullable: false),
                    DigestId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssignmentReminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssignmentReminders_LearnerAssignments_LearnerAssignmentId",
                        column: x => x.LearnerAssignmentId,
                        principalTable: "LearnerAssignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AssignmentReminders_ReminderDigests_DigestId",
                        column: x => x.DigestId,
                        principalTable: "ReminderDigests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssignmentReminders_DigestId",
                table: "AssignmentReminders",
                column: "DigestId");

            migrationBuilder.CreateIndex(
                name: "IX_AssignmentReminders_LearnerAssignmentId_Kind_Number",
                table: "AssignmentReminders",
                columns: new[] { "LearnerAssignmentId", "Kind", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssignmentReminders_SendAt",
                table: "AssignmentReminders",
                column: "SendAt",
                filter: "\"SentAt\" IS NULL AND \"CancelledAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ReminderDigests_UserId_Date",
                table: "ReminderDigests",
                columns: new[] { "UserId", "Date" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssignmentReminders");

            migrationBuilder.DropTable(
                name: "ReminderDigests");

            migrationBuilder.DropColumn(
                name: "ReminderMailOff",
                table: "AspNetUsers");
        }
    }
}
