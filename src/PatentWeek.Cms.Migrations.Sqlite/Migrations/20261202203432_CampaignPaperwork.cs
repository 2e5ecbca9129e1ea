using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatentWeek.Cms.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CampaignPaperwork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Key",
                table: "Notifications",
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Link",
                table: "Notifications",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "OperationsHub",
                table: "Cities",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "CampaignMetrics",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EditionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Decimals = table.Column<int>(type: "INTEGER", nullable: false),
                    Prefill = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    OnDashboard = table.Column<bool>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignMetrics", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignMetrics_Editions_EditionId",
                        column: x => x.EditionId,
                        principalTable: "Editions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CampaignTasks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EditionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    GraceMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    TitlePattern = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CityCodes = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignTasks_Editions_EditionId",
                        column: x => x.EditionId,
                        principalTable: "Editions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CitySubmissions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EditionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Data = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    FirstSubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReturnedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AcceptedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CitySubmissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CitySubmissions_Cities_CityCode",
                        column: x => x.CityCode,
                        principalTable: "Cities",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CitySubmissions_Editions_EditionId",
                        column: x => x.EditionId,
                        principalTable: "Editions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EventQuotas",
                columns: table => new
                {
                    EditionId = table.Column<int>(type: "INTEGER", nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    MinimumEvents = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventQuotas", x => new { x.EditionId, x.CityCode });
                    table.ForeignKey(
                        name: "FK_EventQuotas_Cities_CityCode",
                        column: x => x.CityCode,
                        principalTable: "Cities",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EventQuotas_Editions_EditionId",
                        column: x => x.EditionId,
                        principalTable: "Editions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DeadlineExtensions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignTaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    GrantedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    GrantedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeadlineExtensions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeadlineExtensions_CampaignTasks_CampaignTaskId",
                        column: x => x.CampaignTaskId,
                        principalTable: "CampaignTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DeadlineExtensions_Cities_CityCode",
                        column: x => x.CityCode,
                        principalTable: "Cities",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SubmissionVersions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CitySubmissionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Data = table.Column<string>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubmissionVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubmissionVersions_CitySubmissions_CitySubmissionId",
                        column: x => x.CitySubmissionId,
                        principalTable: "CitySubmissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_Key",
                table: "Notifications",
                columns: new[] { "UserId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CampaignMetrics_EditionId_Key",
                table: "CampaignMetrics",
                columns: new[] { "EditionId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CampaignTasks_EditionId_Kind",
                table: "CampaignTasks",
                columns: new[] { "EditionId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CitySubmissions_CityCode",
                table: "CitySubmissions",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_CitySubmissions_EditionId_Kind_CityCode",
                table: "CitySubmissions",
                columns: new[] { "EditionId", "Kind", "CityCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineExtensions_CampaignTaskId_CityCode",
                table: "DeadlineExtensions",
                columns: new[] { "CampaignTaskId", "CityCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineExtensions_CityCode",
                table: "DeadlineExtensions",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_EventQuotas_CityCode",
                table: "EventQuotas",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_SubmissionVersions_CitySubmissionId_Number",
                table: "SubmissionVersions",
                columns: new[] { "CitySubmissionId", "Number" },
                unique: true);

            migrationBuilder.AddColumn<bool>(
                name: "StrongCity",
                table: "Cities",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Existing editions keep what they had: their deadlines become their tasks (owed by every city), a city's
            // own event minimum becomes its override in every edition, and every edition's report gets the default metrics.
            migrationBuilder.Sql("INSERT INTO CampaignTasks (EditionId,Kind,OpensOn,DueOn,GraceMinutes,TitlePattern,CityCodes) SELECT Id, 'Plan', date(WeekStart, '-1 month'), PlanDeadline, 0, '第{edition}届中国专利周{city}活动方案', (SELECT json_group_array(Code) FROM (SELECT Code FROM Cities ORDER BY SortOrder)) FROM Editions;");
            migrationBuilder.Sql("INSERT INTO CampaignTasks (EditionId,Kind,OpensOn,DueOn,GraceMinutes,TitlePattern,CityCodes) SELECT Id, 'Report', WeekStart, ReportDeadline, 0, '{city}第{edition}届中国专利周活动总结报告', (SELECT json_group_array(Code) FROM (SELECT Code FROM Cities ORDER BY SortOrder)) FROM Editions;");
            migrationBuilder.Sql("INSERT INTO EventQuotas (EditionId,CityCode,MinimumEvents) SELECT e.Id, c.Code, c.MinimumEvents FROM Editions e CROSS JOIN Cities c WHERE c.MinimumEvents <> 1;");
            migrationBuilder.Sql("INSERT INTO CampaignMetrics (EditionId,\"Key\",Label,Unit,Decimals,Prefill,OnDashboard,SortOrder) SELECT Id, 'events-held', '举办主题活动', '场', 0, 'events-held', 1, 1 FROM Editions;");
            migrationBuilder.Sql("INSERT INTO CampaignMetrics (EditionId,\"Key\",Label,Unit,Decimals,Prefill,OnDashboard,SortOrder) SELECT Id, 'participants', '参与人数', '人次', 0, NULL, 1, 2 FROM Editions;");
            migrationBuilder.Sql("INSERT INTO CampaignMetrics (EditionId,\"Key\",Label,Unit,Decimals,Prefill,OnDashboard,SortOrder) SELECT Id, 'stories-published', '发布亮点稿件', '篇', 0, 'stories-published', 0, 3 FROM Editions;");
            migrationBuilder.Sql("INSERT INTO CampaignMetrics (EditionId,\"Key\",Label,Unit,Decimals,Prefill,OnDashboard,SortOrder) SELECT Id, 'media-reports', '媒体报道', '篇', 0, 'media-reports', 1, 4 FROM Editions;");
            migrationBuilder.Sql("INSERT INTO CampaignMetrics (EditionId,\"Key\",Label,Unit,Decimals,Prefill,OnDashboard,SortOrder) SELECT Id, 'online-reads', '网络阅读量', '次', 0, NULL, 0, 5 FROM Editions;");
            migrationBuilder.Sql("INSERT INTO CampaignMetrics (EditionId,\"Key\",Label,Unit,Decimals,Prefill,OnDashboard,SortOrder) SELECT Id, 'transactions', '专利交易', '件', 0, NULL, 0, 6 FROM Editions;");
            migrationBuilder.Sql("INSERT INTO CampaignMetrics (EditionId,\"Key\",Label,Unit,Decimals,Prefill,OnDashboard,SortOrder) SELECT Id, 'transaction-amount', '专利交易金额', '万元', 2, NULL, 1, 7 FROM Editions;");
            migrationBuilder.Sql("INSERT INTO CampaignMetrics (EditionId,\"Key\",Label,Unit,Decimals,Prefill,OnDashboard,SortOrder) SELECT Id, 'pledge-deals', '质押融资', '笔', 0, NULL, 0, 8 FROM Editions;");
            migrationBuilder.Sql("INSERT INTO CampaignMetrics (EditionId,\"Key\",Label,Unit,Decimals,Prefill,OnDashboard,SortOrder) SELECT Id, 'pledge-amount', '质押融资金额', '万元', 2, NULL, 1, 9 FROM Editions;");
            migrationBuilder.Sql("INSERT INTO CampaignMetrics (EditionId,\"Key\",Label,Unit,Decimals,Prefill,OnDashboard,SortOrder) SELECT Id, 'matchmaking', '对接活动', '场', 0, NULL, 0, 10 FROM Editions;");
            migrationBuilder.Sql("INSERT INTO CampaignMetrics (EditionId,\"Key\",Label,Unit,Decimals,Prefill,OnDashboard,SortOrder) SELECT Id, 'consultations', '咨询服务', '次', 0, NULL, 0, 11 FROM Editions;");
            migrationBuilder.Sql("INSERT INTO CampaignMetrics (EditionId,\"Key\",Label,Unit,Decimals,Prefill,OnDashboard,SortOrder) SELECT Id, 'agency-aid', '代理援助', '件', 0, NULL, 0, 12 FROM Editions;");

            // SQLite drops a plain column in place (3.35+); EF's table rebuild would need foreign keys off, outside the
            // migration's transaction.
            migrationBuilder.Sql("ALTER TABLE Editions DROP COLUMN PlanDeadline;");
            migrationBuilder.Sql("ALTER TABLE Editions DROP COLUMN ReportDeadline;");
            migrationBuilder.Sql("ALTER TABLE Cities DROP COLUMN MinimumEvents;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CampaignMetrics");

            migrationBuilder.DropTable(
                name: "DeadlineExtensions");

            migrationBuilder.DropTable(
                name: "EventQuotas");

            migrationBuilder.DropTable(
                name: "SubmissionVersions");

            migrationBuilder.DropTable(
                name: "CampaignTasks");

            migrationBuilder.DropTable(
                name: "CitySubmissions");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_UserId_Key",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "Key",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "Link",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "OperationsHub",
                table: "Cities");

            migrationBuilder.DropColumn(
                name: "StrongCity",
                table: "Cities");

            migrationBuilder.AddColumn<int>(
                name: "MinimumEvents",
                table: "Cities",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PlanDeadline",
                table: "Editions",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReportDeadline",
                table: "Editions",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));
        }
    }
}
