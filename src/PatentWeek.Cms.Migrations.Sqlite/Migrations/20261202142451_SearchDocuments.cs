using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatentWeek.Cms.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SearchDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SearchDocuments",
                columns: table => new
                {
                    ContentItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    EditionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    TitleTokens = table.Column<string>(type: "TEXT", nullable: false),
                    SummaryTokens = table.Column<string>(type: "TEXT", nullable: false),
                    BodyTokens = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchDocuments", x => x.ContentItemId);
                    table.ForeignKey(
                        name: "FK_SearchDocuments_ContentItems_ContentItemId",
                        column: x => x.ContentItemId,
                        principalTable: "ContentItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_IsPublic_EditionId",
                table: "SearchDocuments",
                columns: new[] { "IsPublic", "EditionId" });

            // The index: FTS5 over the documents' token columns (external content, so the tokens are stored once),
            // kept by triggers on every insert, update and delete (a cascade from ContentItems included). unicode61
            // takes the pre-split tokens as they are; diacritics are kept, as PostgreSQL's simple configuration keeps them.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE SearchFts USING fts5(TitleTokens, SummaryTokens, BodyTokens,
                    content='SearchDocuments', content_rowid='ContentItemId', tokenize='unicode61 remove_diacritics 0');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER SearchDocuments_Inserted AFTER INSERT ON SearchDocuments BEGIN
                    INSERT INTO SearchFts(rowid, TitleTokens, SummaryTokens, BodyTokens)
                    VALUES (new.ContentItemId, new.TitleTokens, new.SummaryTokens, new.BodyTokens);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER SearchDocuments_Deleted AFTER DELETE ON SearchDocuments BEGIN
                    INSERT INTO SearchFts(SearchFts, rowid, TitleTokens, SummaryTokens, BodyTokens)
                    VALUES ('delete', old.ContentItemId, old.TitleTokens, old.SummaryTokens, old.BodyTokens);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER SearchDocuments_Updated AFTER UPDATE ON SearchDocuments BEGIN
                    INSERT INTO SearchFts(SearchFts, rowid, TitleTokens, SummaryTokens, BodyTokens)
                    VALUES ('delete', old.ContentItemId, old.TitleTokens, old.SummaryTokens, old.BodyTokens);
                    INSERT INTO SearchFts(rowid, TitleTokens, SummaryTokens, BodyTokens)
                    VALUES (new.ContentItemId, new.TitleTokens, new.SummaryTokens, new.BodyTokens);
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER SearchDocuments_Updated;");
            migrationBuilder.Sql("DROP TRIGGER SearchDocuments_Deleted;");
            migrationBuilder.Sql("DROP TRIGGER SearchDocuments_Inserted;");
            migrationBuilder.Sql("DROP TABLE SearchFts;");
            migrationBuilder.DropTable(
                name: "SearchDocuments");
        }
    }
}
