using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatentWeek.Cms.Migrations.PostgreSql.Migrations
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
                    ContentItemId = table.Column<int>(type: "integer", nullable: false),
                    EditionId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CityCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    IsPublic = table.Column<bool>(type: "boolean", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Title = table.Column<string>(type: "text", nullable: false),
                    Summary = table.Column<string>(type: "text", nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    TitleTokens = table.Column<string>(type: "text", nullable: false),
                    SummaryTokens = table.Column<string>(type: "text", nullable: false),
                    BodyTokens = table.Column<string>(type: "text", nullable: false)
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

            // The index: tsvector columns generated from the documents' token columns, so they cannot drift from them.
            // The tokens are cast with their positions, never parsed (no locale decides what a word is); the break
            // between runs is left out and leaves its gap in the positions. PostgreSQL keeps positions up to 16383.
            migrationBuilder.Sql("""
                CREATE FUNCTION search_vector(tokens text) RETURNS tsvector
                LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
                    SELECT coalesce(string_agg(quote_literal(t.token) || ':' || least(t.position, 16383), ' ')::tsvector, ''::tsvector)
                    FROM unnest(string_to_array(tokens, ' ')) WITH ORDINALITY AS t(token, position)
                    WHERE t.token <> chr(57344) AND t.token <> ''
                $$;
                """);
            migrationBuilder.Sql("""
                ALTER TABLE "SearchDocuments"
                    ADD "TitleVector" tsvector GENERATED ALWAYS AS (search_vector("TitleTokens")) STORED,
                    ADD "SummaryVector" tsvector GENERATED ALWAYS AS (search_vector("SummaryTokens")) STORED,
                    ADD "AllVector" tsvector GENERATED ALWAYS AS (search_vector(
                        "TitleTokens" || ' ' || chr(57344) || ' ' || "SummaryTokens" || ' ' || chr(57344) || ' ' || "BodyTokens")) STORED;
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_SearchDocuments_AllVector" ON "SearchDocuments" USING GIN ("AllVector");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SearchDocuments");
            migrationBuilder.Sql("DROP FUNCTION search_vector(text);");
        }
    }
}
