using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlueLamp.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SurgeClusters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ClusterId",
                table: "conversations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "clusters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ForceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 140, nullable: false),
                    FormedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_clusters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_clusters_forces_ForceId",
                        column: x => x.ForceId,
                        principalTable: "forces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_conversations_ClusterId",
                table: "conversations",
                column: "ClusterId");

            migrationBuilder.CreateIndex(
                name: "IX_clusters_ForceId_FormedAt",
                table: "clusters",
                columns: new[] { "ForceId", "FormedAt" });

            migrationBuilder.AddForeignKey(
                name: "FK_conversations_clusters_ClusterId",
                table: "conversations",
                column: "ClusterId",
                principalTable: "clusters",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_conversations_clusters_ClusterId",
                table: "conversations");

            migrationBuilder.DropTable(
                name: "clusters");

            migrationBuilder.DropIndex(
                name: "IX_conversations_ClusterId",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "ClusterId",
                table: "conversations");
        }
    }
}
