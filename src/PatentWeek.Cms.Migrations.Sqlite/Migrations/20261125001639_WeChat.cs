using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatentWeek.Cms.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WeChatUrl",
                table: "ContentItems",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "WeChatAccountSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    AppId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ProtectedAppSecret = table.Column<string>(type: "TEXT", nullable: true),
                    ProtectedToken = table.Column<string>(type: "TEXT", nullable: true),
                    ProtectedEncodingAesKey = table.Column<string>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeChatAccountSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WeChatDeliveries",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeChatDeliveries", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "WeChatPosts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AppId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Marker = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DraftRequestedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DraftMediaId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    SubmitRequestedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ArticleId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Retries = table.Column<int>(type: "INTEGER", nullable: false),
                    ReplacesPostId = table.Column<long>(type: "INTEGER", nullable: true),
                    RequestedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeChatPosts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WeChatUploads",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AppId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    MediaId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeChatUploads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WeChatPostItems",
                columns: table => new
                {
                    PostId = table.Column<long>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ThumbMediaId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    ArticleUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PostId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    IsError = table.Column<bool>(type: "INTEGER", nullable: false)
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
