using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PatentWeek.Cms.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class WeChat : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "WeChatTitle",
                table: "ContentItems",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WeChatUrl",
                table: "ContentItems",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "WeChatAccountSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    AppId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ProtectedAppSecret = table.Column<string>(type: "text", nullable: true),
                    ProtectedToken = table.Column<string>(type: "text", nullable: true),
                    ProtectedEncodingAesKey = table.Column<string>(type: "text", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeChatAccountSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WeChatDeliveries",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeChatDeliveries", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "WeChatPosts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AppId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Marker = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DraftRequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DraftMediaId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    SubmitRequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ArticleId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Retries = table.Column<int>(type: "integer", nullable: false),
                    ReplacesPostId = table.Column<long>(type: "bigint", nullable: true),
                    RequestedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeChatPosts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WeChatUploads",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AppId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    MediaId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeChatUploads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WeChatPostItems",
                columns: table => new
                {
                    PostId = table.Column<long>(type: "bigint", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    ContentItemId = table.Column<int>(type: "integer", nullable: false),
                    Fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ThumbMediaId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    ArticleUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeChatPostItems", x => new { x.PostId, x.Position });
                    table.ForeignKey(
                        name: "FK_WeChatPostItems_ContentItems_ContentItemId",
                        column: x => x.ContentItemId,
                        principalTable: "ContentItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WeChatPostItems_WeChatPosts_PostId",
                        column: x => x.PostId,
                        principalTable: "WeChatPosts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WeChatPostSteps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PostId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Name = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    IsError = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeChatPostSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WeChatPostSteps_WeChatPosts_PostId",
                        column: x => x.PostId,
                        principalTable: "WeChatPosts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WeChatDeliveries_ReceivedAt",
                table: "WeChatDeliveries",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_WeChatPostItems_ContentItemId",
                table: "WeChatPostItems",
                column: "ContentItemId");

            migrationBuilder.CreateIndex(
                name: "IX_WeChatPosts_CreatedAt",
                table: "WeChatPosts",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_WeChatPosts_Marker",
                table: "WeChatPosts",
                column: "Marker",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WeChatPosts_PublishId",
                table: "WeChatPosts",
                column: "PublishId");

            migrationBuilder.CreateIndex(
                name: "IX_WeChatPostSteps_PostId",
                table: "WeChatPostSteps",
                column: "PostId");

            migrationBuilder.CreateIndex(
                name: "IX_WeChatUploads_AppId_Kind_Key",
                table: "WeChatUploads",
                columns: new[] { "AppId", "Kind", "Key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WeChatAccountSettings");

            migrationBuilder.DropTable(
                name: "WeChatDeliveries");

            migrationBuilder.DropTable(
                name: "WeChatPostItems");

            migrationBuilder.DropTable(
                name: "WeChatPostSteps");

            migrationBuilder.DropTable(
                name: "WeChatUploads");

            migrationBuilder.DropTable(
                name: "WeChatPosts");

            migrationBuilder.DropColumn(
                name: "WeChatTitle",
                table: "ContentItems");

            migrationBuilder.DropColumn(
                name: "WeChatUrl",
                table: "ContentItems");
        }
    }
}
