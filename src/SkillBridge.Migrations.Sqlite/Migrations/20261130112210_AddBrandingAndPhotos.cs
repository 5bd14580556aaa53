using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SkillBridge.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddBrandingAndPhotos : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PhotoMediaFileId",
                table: "People",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SiteBranding",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    SiteName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    AccentColour = table.Column<string>(type: "TEXT", maxLength: 7, nullable: true),
                    LogoMediaFileId = table.Column<int>(type: "INTEGER", nullable: true),
                    FaviconMediaFileId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SiteBranding", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SiteBranding_MediaFiles_FaviconMediaFileId",
                        column: x => x.FaviconMediaFileId,
                        principalTable: "MediaFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SiteBranding_MediaFiles_LogoMediaFileId",
                        column: x => x.LogoMediaFileId,
                        principalTable: "MediaFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_People_PhotoMediaFileId",
                table: "People",
                column: "PhotoMediaFileId");

            migrationBuilder.CreateIndex(
                name: "IX_SiteBranding_FaviconMediaFileId",
                table: "SiteBranding",
                column: "FaviconMediaFileId");

            migrationBuilder.CreateIndex(
                name: "IX_SiteBranding_LogoMediaFileId",
                table: "SiteBranding",
                column: "LogoMediaFileId");

            migrationBuilder.AddForeignKey(
                name: "FK_People_MediaFiles_PhotoMediaFileId",
                table: "People",
                column: "PhotoMediaFileId",
                principalTable: "MediaFiles",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_People_MediaFiles_PhotoMediaFileId",
                table: "People");

            migrationBuilder.DropTable(
                name: "SiteBranding");

            migrationBuilder.DropIndex(
                name: "IX_People_PhotoMediaFileId",
                table: "People");

            migrationBuilder.DropColumn(
                name: "PhotoMediaFileId",
                table: "People");
        }
    }
}
