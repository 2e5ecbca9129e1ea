using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatentWeek.Cms.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EventTypeOrganiser : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CaptionsId",
                table: "MediaAssets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EventType",
                table: "ContentItems",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Organiser",
                table: "ContentItems",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_MediaAssets_CaptionsId",
                table: "MediaAssets",
                column: "CaptionsId");

            migrationBuilder.AddForeignKey(
                name: "FK_MediaAssets_MediaAssets_CaptionsId",
                table: "MediaAssets",
                column: "CaptionsId",
                principalTable: "MediaAssets",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_MediaAssets_MediaAssets_CaptionsId",
                table: "MediaAssets");

            migrationBuilder.DropIndex(
                name: "IX_MediaAssets_CaptionsId",
                table: "MediaAssets");

            migrationBuilder.DropColumn(
                name: "CaptionsId",
                table: "MediaAssets");

            migrationBuilder.DropColumn(
                name: "EventType",
                table: "ContentItems");

            migrationBuilder.DropColumn(
                name: "Organiser",
                table: "ContentItems");
        }
    }
}
