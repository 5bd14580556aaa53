using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SkillBridge.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ReviewWorkflowNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReviewedContent",
                table: "ReviewComments",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "MailDigestPending",
                table: "Notifications",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReviewDigestSentOn",
                table: "AspNetUsers",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ReviewMailDigest",
                table: "AspNetUsers",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReviewedContent",
                table: "ReviewComments");

            migrationBuilder.DropColumn(
                name: "MailDigestPending",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "ReviewDigestSentOn",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "ReviewMailDigest",
                table: "AspNetUsers");
        }
    }
}
