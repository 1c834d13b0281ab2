using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlueLamp.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Reassessment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReviewDueAt",
                table: "conversations",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReviewDueAt",
                table: "conversations");
        }
    }
}
