using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlueLamp.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DeskWork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AssessedAt",
                table: "conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AssignedAt",
                table: "conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssignedToName",
                table: "conversations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssignedToUserId",
                table: "conversations",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClosedAt",
                table: "conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosedByName",
                table: "conversations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "GradeSource",
                table: "conversations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OutcomeCode",
                table: "conversations",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "case_references",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ForceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConversationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AddedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AddedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_references", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_references_conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "conversation_notes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ForceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConversationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    AuthorUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    WrittenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conversation_notes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_conversation_notes_conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "reply_templates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ForceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Body = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reply_templates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_reply_templates_forces_ForceId",
                        column: x => x.ForceId,
                        principalTable: "forces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "thrive_assessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ForceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConversationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Threat = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Harm = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Risk = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Investigation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Vulnerability = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Engagement = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Rationale = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Grade = table.Column<int>(type: "integer", nullable: false),
                    PreviousGrade = table.Column<int>(type: "integer", nullable: true),
                    AssessedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AssessedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AssessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_thrive_assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_thrive_assessments_conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_conversations_ForceId_AssignedToUserId",
                table: "conversations",
                columns: new[] { "ForceId", "AssignedToUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_case_references_ConversationId_Kind_Value",
                table: "case_references",
                columns: new[] { "ConversationId", "Kind", "Value" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_case_references_ForceId_Value",
                table: "case_references",
                columns: new[] { "ForceId", "Value" });

            migrationBuilder.CreateIndex(
                name: "IX_conversation_notes_ConversationId_WrittenAt",
                table: "conversation_notes",
                columns: new[] { "ConversationId", "WrittenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_reply_templates_ForceId_Language_Title",
                table: "reply_templates",
                columns: new[] { "ForceId", "Language", "Title" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_thrive_assessments_ConversationId_AssessedAt",
                table: "thrive_assessments",
                columns: new[] { "ConversationId", "AssessedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_references");

            migrationBuilder.DropTable(
                name: "conversation_notes");

            migrationBuilder.DropTable(
                name: "reply_templates");

            migrationBuilder.DropTable(
                name: "thrive_assessments");

            migrationBuilder.DropIndex(
                name: "IX_conversations_ForceId_AssignedToUserId",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "AssessedAt",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "AssignedAt",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "AssignedToName",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "AssignedToUserId",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "ClosedByName",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "GradeSource",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "OutcomeCode",
                table: "conversations");
        }
    }
}
