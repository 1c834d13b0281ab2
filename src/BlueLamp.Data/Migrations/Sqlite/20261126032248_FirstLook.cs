using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlueLamp.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FirstLookBreachCount",
                table: "conversations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "FirstLookBreachedAt",
                table: "conversations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FirstLookWaitingSince",
                table: "conversations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FirstLookedAt",
                table: "conversations",
                type: "INTEGER",
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
