using Microsoft.EntityFrameworkCore.Migrations;

namespace SkillBridge.Core.Data.Migrations.History;

/// <summary>Smaller copies of stored images, made by libvips, for responsive images.</summary>
public abstract class MediaVariants : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "MediaVariants",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                MediaFileId = table.Column<int>(nullable: false),
                Width = table.Column<int>(nullable: false),
                Height = table.Column<int>(nullable: false),
                Length = table.Column<long>(nullable: false),
                FileName = table.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MediaVariants", x => x.Id);
                table.ForeignKey("FK_MediaVariants_MediaFiles_MediaFileId", x => x.MediaFileId, "MediaFiles", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_MediaVariants_MediaFileId_Width", "MediaVariants", ["MediaFileId", "Width"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropTable("MediaVariants");
}
