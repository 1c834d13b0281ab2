using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlueLamp.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PersonLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_people_ForceId",
                table: "people");

            migrationBuilder.AddColumn<Guid>(
                name: "MergedIntoPersonId",
                table: "people",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_people_ForceId_DisplayName",
                table: "people",
                columns: new[] { "ForceId", "DisplayName" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_people_ForceId_DisplayName",
                table: "people");

            migrationBuilder.DropColumn(
                name: "MergedIntoPersonId",
                table: "people");

            migrationBuilder.CreateIndex(
                name: "IX_people_ForceId",
                table: "people",
                column: "ForceId");
        }
    }
}
