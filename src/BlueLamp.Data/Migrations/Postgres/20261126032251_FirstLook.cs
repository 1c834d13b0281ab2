using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlueLamp.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FirstLook : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FirstLookMinutes",
                table: "forces",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FirstLookBreachCount",
                table: "conversations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FirstLookBreachedAt",
                table: "conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FirstLookWaitingSince",
                table: "conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FirstLookedAt",
                table: "conversations",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FirstLookMinutes",
                table: "forces");

            migrationBuilder.DropColumn(
                name: "FirstLookBreachCount",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "FirstLookBreachedAt",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "FirstLookWaitingSince",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "FirstLookedAt",
                table: "conversations");
        }
    }
}
