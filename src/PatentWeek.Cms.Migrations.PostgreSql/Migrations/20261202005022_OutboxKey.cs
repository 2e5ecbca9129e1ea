using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatentWeek.Cms.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class OutboxKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Key",
                table: "OutboxMessages",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Type_Key",
                table: "OutboxMessages",
                columns: new[] { "Type", "Key" });

            // Jobs still waiting get the key their writer now sets, read from their payload, so a later schedule still
            // cancels them and a push still wakes them; finished and cancelled rows are never looked up again.
            migrationBuilder.Sql("""
                UPDATE "OutboxMessages" SET "Key" = 'content/' || ("Payload"::jsonb ->> 'ItemId') WHERE "Type" IN ('content.publish', 'content.unpublish') AND "CompletedAt" IS NULL AND "CancelledAt" IS NULL;
                """);
            migrationBuilder.Sql("""
                UPDATE "OutboxMessages" SET "Key" = 'wechat-post/' || ("Payload"::jsonb ->> 'PostId') WHERE "Type" = 'wechat.post' AND "CompletedAt" IS NULL AND "CancelledAt" IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_Type_Key",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "Key",
                table: "OutboxMessages");
        }
    }
}
