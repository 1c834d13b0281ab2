using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlueLamp.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PlatformChannels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DeliveredPlatformMessageId",
                table: "messages",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeliveryError",
                table: "messages",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EditedAt",
                table: "messages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ParentPostId",
                table: "messages",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RemovedAt",
                table: "messages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "account_connections",
                columns: table => new
                {
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    ForceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Platform = table.Column<int>(type: "integer", nullable: false),
                    PlatformAccountId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ProtectedCredentials = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    CredentialsHint = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    CredentialsExpireAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ConnectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NeedsReconnect = table.Column<bool>(type: "boolean", nullable: false),
                    Problem = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ProblemSince = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastEventAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastReconciledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PollMarker = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    PollMarkerAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ChatMarker = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_account_connections", x => x.AccountId);
                    table.ForeignKey(
                        name: "FK_account_connections_accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "inbound_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ForceId = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Platform = table.Column<int>(type: "integer", nullable: false),
                    EventKey = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    PlatformMessageId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Event = table.Column<string>(type: "character varying(32000)", maxLength: 32000, nullable: false),
                    Payload = table.Column<string>(type: "character varying(32000)", maxLength: 32000, nullable: false),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbound_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inbound_events_accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "outbound_deliveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ForceId = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConversationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    QueuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbound_deliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_outbound_deliveries_accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_outbound_deliveries_conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_outbound_deliveries_messages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "messages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_account_connections_ForceId",
                table: "account_connections",
                column: "ForceId");

            migrationBuilder.CreateIndex(
                name: "IX_account_connections_Platform_PlatformAccountId",
                table: "account_connections",
                columns: new[] { "Platform", "PlatformAccountId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inbound_events_AccountId_EventKey",
                table: "inbound_events",
                columns: new[] { "AccountId", "EventKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inbound_events_AccountId_PlatformMessageId",
                table: "inbound_events",
                columns: new[] { "AccountId", "PlatformMessageId" });

            migrationBuilder.CreateIndex(
                name: "IX_inbound_events_ProcessedAt",
                table: "inbound_events",
                column: "ProcessedAt");

            migrationBuilder.CreateIndex(
                name: "IX_outbound_deliveries_AccountId",
                table: "outbound_deliveries",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_outbound_deliveries_CompletedAt_DueAt",
                table: "outbound_deliveries",
                columns: new[] { "CompletedAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_outbound_deliveries_ConversationId",
                table: "outbound_deliveries",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_outbound_deliveries_MessageId",
                table: "outbound_deliveries",
                column: "MessageId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "account_connections");

            migrationBuilder.DropTable(
                name: "inbound_events");

            migrationBuilder.DropTable(
                name: "outbound_deliveries");

            migrationBuilder.DropColumn(
                name: "DeliveredPlatformMessageId",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "DeliveryError",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "EditedAt",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "ParentPostId",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "RemovedAt",
                table: "messages");
        }
    }
}
