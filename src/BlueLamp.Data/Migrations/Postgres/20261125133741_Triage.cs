using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlueLamp.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Triage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "BreachedDueAt",
                table: "conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CategoryCode",
                table: "conversations",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EngineGrade",
                table: "conversations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "HandoverAcknowledgedAt",
                table: "conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "HandoverId",
                table: "conversations",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "HoldingReplySentAt",
                table: "conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "conversations",
                type: "character varying(2)",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "LifeAtRisk",
                table: "conversations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "SlaBreachCount",
                table: "conversations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SlaBreachedAt",
                table: "conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SlaDueAt",
                table: "conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "UnansweredSince",
                table: "conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "handovers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ForceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConversationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    OpenedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    EscalatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    AcknowledgedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    IncidentNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_handovers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_handovers_conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "risk_assessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ForceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConversationId = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    Grade = table.Column<int>(type: "integer", nullable: false),
                    LifeAtRisk = table.Column<bool>(type: "boolean", nullable: false),
                    CategoryCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    PersonAtRisk = table.Column<int>(type: "integer", nullable: false),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    IndicatorsJson = table.Column<string>(type: "character varying(64000)", maxLength: 64000, nullable: false),
                    EngineVersion = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    IndicatorSetVersion = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AssessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_risk_assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_risk_assessments_conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_risk_assessments_messages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "messages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_conversations_ForceId_Status_SlaDueAt",
                table: "conversations",
                columns: new[] { "ForceId", "Status", "SlaDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_handovers_ConversationId",
                table: "handovers",
                column: "ConversationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_handovers_ForceId_Status_OpenedAt",
                table: "handovers",
                columns: new[] { "ForceId", "Status", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_risk_assessments_ConversationId_AssessedAt",
                table: "risk_assessments",
                columns: new[] { "ConversationId", "AssessedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_risk_assessments_ForceId_AssessedAt",
                table: "risk_assessments",
                columns: new[] { "ForceId", "AssessedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_risk_assessments_MessageId",
                table: "risk_assessments",
                column: "MessageId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "handovers");

            migrationBuilder.DropTable(
                name: "risk_assessments");

            migrationBuilder.DropIndex(
                name: "IX_conversations_ForceId_Status_SlaDueAt",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "BreachedDueAt",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "CategoryCode",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "EngineGrade",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "HandoverAcknowledgedAt",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "HandoverId",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "HoldingReplySentAt",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "LifeAtRisk",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "SlaBreachCount",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "SlaBreachedAt",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "SlaDueAt",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "UnansweredSince",
                table: "conversations");
        }
    }
}
