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

            // No foreign key here: SQLite cannot add a constraint to an existing table, and EF would rebuild the whole
            // media table (outside a transaction, with foreign keys off) to add it. The captions reference is kept by
            // the media library, which refuses to delete a file a video still uses; PostgreSQL has the constraint.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
