using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dialer.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class CallerIdPools : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "caller_id",
                table: "call_attempts",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "caller_id_days",
                columns: table => new
                {
                    phone = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    calls = table.Column<int>(type: "integer", nullable: false),
                    answers = table.Column<int>(type: "integer", nullable: false),
                    rested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cleared_calls = table.Column<int>(type: "integer", nullable: false),
                    cleared_answers = table.Column<int>(type: "integer", nullable: false),
                    cleared_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cleared_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_caller_id_days", x => new { x.phone, x.day });
                });

            migrationBuilder.CreateIndex(
                name: "ix_call_attempts_caller_id",
                table: "call_attempts",
                column: "caller_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "caller_id_days");

            migrationBuilder.DropIndex(
                name: "ix_call_attempts_caller_id",
                table: "call_attempts");

            migrationBuilder.DropColumn(
                name: "caller_id",
                table: "call_attempts");
        }
    }
}
