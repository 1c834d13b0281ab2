using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlueLamp.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AppealResponsesAndComments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_post_copies_AccountId",
                table: "post_copies");

            migrationBuilder.AddColumn<string>(
                name: "CaseReference",
                table: "posts",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CommentsChangedAt",
                table: "post_copies",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CommentsNote",
                table: "post_copies",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CommentsState",
                table: "post_copies",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RespondsToLinkedAt",
                table: "conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RespondsToLinkedByName",
                table: "conversations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RespondsToPostId",
                table: "conversations",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RespondsToSource",
                table: "conversations",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_posts_ForceId_CaseReference",
                table: "posts",
                columns: new[] { "ForceId", "CaseReference" });

            migrationBuilder.CreateIndex(
                name: "IX_post_copies_AccountId_PlatformPostId",
                table: "post_copies",
                columns: new[] { "AccountId", "PlatformPostId" });

            migrationBuilder.CreateIndex(
                name: "IX_post_copies_Link",
                table: "post_copies",
                column: "Link");

            migrationBuilder.CreateIndex(
                name: "IX_conversations_ForceId_RespondsToPostId",
                table: "conversations",
                columns: new[] { "ForceId", "RespondsToPostId" });

            migrationBuilder.CreateIndex(
                name: "IX_conversations_RespondsToPostId",
                table: "conversations",
                column: "RespondsToPostId");

            migrationBuilder.AddForeignKey(
                name: "FK_conversations_posts_RespondsToPostId",
                table: "conversations",
                column: "RespondsToPostId",
                principalTable: "posts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_conversations_posts_RespondsToPostId",
                table: "conversations");

            migrationBuilder.DropIndex(
                name: "IX_posts_ForceId_CaseReference",
                table: "posts");

            migrationBuilder.DropIndex(
                name: "IX_post_copies_AccountId_PlatformPostId",
                table: "post_copies");

            migrationBuilder.DropIndex(
                name: "IX_post_copies_Link",
                table: "post_copies");

            migrationBuilder.DropIndex(
                name: "IX_conversations_ForceId_RespondsToPostId",
                table: "conversations");

            migrationBuilder.DropIndex(
                name: "IX_conversations_RespondsToPostId",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "CaseReference",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "CommentsChangedAt",
                table: "post_copies");

            migrationBuilder.DropColumn(
                name: "CommentsNote",
                table: "post_copies");

            migrationBuilder.DropColumn(
                name: "CommentsState",
                table: "post_copies");

            migrationBuilder.DropColumn(
                name: "RespondsToLinkedAt",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "RespondsToLinkedByName",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "RespondsToPostId",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "RespondsToSource",
                table: "conversations");

            migrationBuilder.CreateIndex(
                name: "IX_post_copies_AccountId",
                table: "post_copies",
                column: "AccountId");
        }
    }
}
