using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlueLamp.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Publishing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "lockdowns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ForceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    StartedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    StartedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lockdowns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_lockdowns_forces_ForceId",
                        column: x => x.ForceId,
                        principalTable: "forces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "posting_rights",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ForceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OwnAccountIds = table.Column<string>(type: "TEXT", nullable: false),
                    MayPostDirectly = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_posting_rights", x => x.Id);
                    table.ForeignKey(
                        name: "FK_posting_rights_areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "posts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ForceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Purpose = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    AccountIds = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ApprovedContent = table.Column<string>(type: "TEXT", nullable: true),
                    ApprovedVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    ApprovedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ApprovedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RejectedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RejectedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ScheduledFor = table.Column<long>(type: "INTEGER", nullable: true),
                    ScheduledByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    HeldByLockdownId = table.Column<Guid>(type: "TEXT", nullable: true),
                    HeldAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ClaimedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ContemptWarningAcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_posts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_posts_forces_ForceId",
                        column: x => x.ForceId,
                        principalTable: "forces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "appeals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ForceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PostId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseReference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CaseStatus = table.Column<int>(type: "INTEGER", nullable: false),
                    StatusChangedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StatusChangedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Authorisation = table.Column<string>(type: "TEXT", nullable: true),
                    ReviewDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewFlaggedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReplacementPostId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_appeals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_appeals_posts_PostId",
                        column: x => x.PostId,
                        principalTable: "posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "post_copies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ForceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PostId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Platform = table.Column<int>(type: "INTEGER", nullable: false),
                    Language = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 70000, nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    PlatformPostId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Link = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Retryable = table.Column<bool>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WithdrawalReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_post_copies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_post_copies_accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_post_copies_posts_PostId",
                        column: x => x.PostId,
                        principalTable: "posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_appeals_ForceId_CaseReference",
                table: "appeals",
                columns: new[] { "ForceId", "CaseReference" });

            migrationBuilder.CreateIndex(
                name: "IX_appeals_ForceId_ReviewDueAt",
                table: "appeals",
                columns: new[] { "ForceId", "ReviewDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_appeals_PostId",
                table: "appeals",
                column: "PostId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_lockdowns_ForceId_EndedAt",
                table: "lockdowns",
                columns: new[] { "ForceId", "EndedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_post_copies_AccountId",
                table: "post_copies",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_post_copies_ForceId_State",
                table: "post_copies",
                columns: new[] { "ForceId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_post_copies_PostId_AccountId_Language",
                table: "post_copies",
                columns: new[] { "PostId", "AccountId", "Language" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_posting_rights_AreaId",
                table: "posting_rights",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_posting_rights_ForceId_UserId",
                table: "posting_rights",
                columns: new[] { "ForceId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_posts_ForceId_Status_ScheduledFor",
                table: "posts",
                columns: new[] { "ForceId", "Status", "ScheduledFor" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "appeals");

            migrationBuilder.DropTable(
                name: "lockdowns");

            migrationBuilder.DropTable(
                name: "post_copies");

            migrationBuilder.DropTable(
                name: "posting_rights");

            migrationBuilder.DropTable(
                name: "posts");
        }
    }
}
