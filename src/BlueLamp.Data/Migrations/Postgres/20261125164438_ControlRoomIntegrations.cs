using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlueLamp.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ControlRoomIntegrations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CommandAndControlIncident",
                table: "handovers",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CommandAndControlIncidentAt",
                table: "handovers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "command_and_control_links",
                columns: table => new
                {
                    ForceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    EndpointUrl = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ProtectedSecret = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    SecretHint = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    UpdatedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_command_and_control_links", x => x.ForceId);
                    table.ForeignKey(
                        name: "FK_command_and_control_links_forces_ForceId",
                        column: x => x.ForceId,
                        principalTable: "forces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "force_indicator_sets",
                columns: table => new
                {
                    ForceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Json = table.Column<string>(type: "character varying(1000000)", maxLength: 1000000, nullable: false),
                    Version = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SavedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SavedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_force_indicator_sets", x => x.ForceId);
                    table.ForeignKey(
                        name: "FK_force_indicator_sets_forces_ForceId",
                        column: x => x.ForceId,
                        principalTable: "forces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "handover_dispatches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ForceId = table.Column<Guid>(type: "uuid", nullable: false),
                    HandoverId = table.Column<Guid>(type: "uuid", nullable: false),
                    QueuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LeasedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    GaveUp = table.Column<bool>(type: "boolean", nullable: false),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    IncidentNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_handover_dispatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_handover_dispatches_handovers_HandoverId",
                        column: x => x.HandoverId,
                        principalTable: "handovers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "referral_api_keys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ForceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Hint = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    KeyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LastUsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_referral_api_keys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_referral_api_keys_forces_ForceId",
                        column: x => x.ForceId,
                        principalTable: "forces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_handover_dispatches_DeliveredAt_GaveUp_DueAt",
                table: "handover_dispatches",
                columns: new[] { "DeliveredAt", "GaveUp", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_handover_dispatches_HandoverId",
                table: "handover_dispatches",
                column: "HandoverId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_referral_api_keys_ForceId",
                table: "referral_api_keys",
                column: "ForceId");

            migrationBuilder.CreateIndex(
                name: "IX_referral_api_keys_KeyHash",
                table: "referral_api_keys",
                column: "KeyHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "command_and_control_links");

            migrationBuilder.DropTable(
                name: "force_indicator_sets");

            migrationBuilder.DropTable(
                name: "handover_dispatches");

            migrationBuilder.DropTable(
                name: "referral_api_keys");

            migrationBuilder.DropColumn(
                name: "CommandAndControlIncident",
                table: "handovers");

            migrationBuilder.DropColumn(
                name: "CommandAndControlIncidentAt",
                table: "handovers");
        }
    }
}
