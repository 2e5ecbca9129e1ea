using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatentWeek.Cms.Migrations.PostgreSql.Migrations
{
    /// <summary>
    /// The GIN-indexed vector (<c>AllVector</c>) also holds each Chinese run's three- and four-character substrings, made
    /// from consecutive pairs (知识 识产 产权 → 知识产 识产权 知识产权), so a query of three or four characters is one
    /// lexeme that the index answers alone. As a phrase of pairs it had each candidate's positions checked, which
    /// detoasts every vector for a common word (171 ms at p50 for 知识产权 on 20,000 items). The title and summary
    /// vectors, which are read for the rank of every hit and sit in the row itself, stay as they were: grams there made
    /// every common search slower (专利 62 ms instead of 34 at p50).
    /// </summary>
    public partial class SearchLongerGrams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Consecutive tokens with no break between them are always pairs of one Chinese run (a Latin word, and a
            // one-character run, stand between breaks; the single characters at the end are one character long), and
            // two such pairs overlap by one character; the overlap is checked all the same.
            migrationBuilder.Sql("""
                CREATE FUNCTION search_vector_grams(tokens text) RETURNS tsvector
                LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
                    WITH t AS (
                        SELECT u.token, u.position, lead(u.token) OVER w AS next1, lead(u.token, 2) OVER w AS next2
                        FROM unnest(string_to_array(tokens, ' ')) WITH ORDINALITY AS u(token, position)
                        WINDOW w AS (ORDER BY u.position)
                    ), three AS (
                        SELECT token || right(next1, 1) AS lexeme, position, next1, next2 FROM t
                        WHERE char_length(token) = 2 AND char_length(next1) = 2 AND right(token, 1) = left(next1, 1)
                    ), lexemes AS (
                        SELECT token AS lexeme, position FROM t WHERE token <> chr(57344) AND token <> ''
                        UNION ALL
                        SELECT lexeme, position FROM three
                        UNION ALL
                        SELECT lexeme || right(next2, 1), position FROM three WHERE char_length(next2) = 2 AND right(next1, 1) = left(next2, 1)
                    )
                    SELECT coalesce(string_agg(quote_literal(lexeme) || ':' || least(position, 16383), ' ')::tsvector, ''::tsvector)
                    FROM lexemes
                $$;
                """);
            // A generated column's expression cannot be changed in place before PostgreSQL 17: the column is made again
            // (its index goes with it), which computes every row's vector.
            migrationBuilder.Sql("""
                ALTER TABLE "SearchDocuments" DROP COLUMN "AllVector";
                ALTER TABLE "SearchDocuments" ADD "AllVector" tsvector GENERATED ALWAYS AS (search_vector_grams(
                    "TitleTokens" || ' ' || chr(57344) || ' ' || "SummaryTokens" || ' ' || chr(57344) || ' ' || "BodyTokens")) STORED;
                CREATE INDEX "IX_SearchDocuments_AllVector" ON "SearchDocuments" USING GIN ("AllVector");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE "SearchDocuments" DROP COLUMN "AllVector";
                ALTER TABLE "SearchDocuments" ADD "AllVector" tsvector GENERATED ALWAYS AS (search_vector(
                    "TitleTokens" || ' ' || chr(57344) || ' ' || "SummaryTokens" || ' ' || chr(57344) || ' ' || "BodyTokens")) STORED;
                CREATE INDEX "IX_SearchDocuments_AllVector" ON "SearchDocuments" USING GIN ("AllVector");
                DROP FUNCTION search_vector_grams(text);
                """);
        }
    }
}
