using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Dialer.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Agents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "abandoned",
                table: "call_attempts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "converted",
                table: "call_attempts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "disposition_notes",
                table: "call_attempts",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "dispositioned_at",
                table: "call_attempts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "greeting_ended_at",
                table: "call_attempts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "live_answer",
                table: "call_attempts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "message_started_at",
                table: "call_attempts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "console_disconnected_at",
                table: "agents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "agent_state_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    agent_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    to_state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    attempt_id = table.Column<Guid>(type: "uuid", nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agent_state_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_agent_state_changes_agents_agent_id",
                        column: x => x.agent_id,
                        principalTable: "agents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_call_attempts_campaign_id_answered_at",
                table: "call_attempts",
                columns: new[] { "campaign_id", "answered_at" });

            migrationBuilder.CreateIndex(
                name: "ix_agents_campaign_ids",
                table: "agents",
                column: "campaign_ids")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_agent_state_changes_agent_id_at",
                table: "agent_state_changes",
                columns: new[] { "agent_id", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agent_state_changes");

            migrationBuilder.DropIndex(
                name: "ix_call_attempts_campaign_id_answered_at",
                table: "call_attempts");

            migrationBuilder.DropIndex(
                name: "ix_agents_campaign_ids",
                table: "agents");

            migrationBuilder.DropColumn(
                name: "abandoned",
                table: "call_attempts");

            migrationBuilder.DropColumn(
                name: "converted",
                table: "call_attempts");

            migrationBuilder.DropColumn(
                name: "disposition_notes",
                table: "call_attempts");

            migrationBuilder.DropColumn(
                name: "dispositioned_at",
                table: "call_attempts");

            migrationBuilder.DropColumn(
                name: "greeting_ended_at",
                table: "call_attempts");

            migrationBuilder.DropColumn(
                name: "live_answer",
                table: "call_attempts");

            migrationBuilder.DropColumn(
                name: "message_started_at",
                table: "call_attempts");

            migrationBuilder.DropColumn(
                name: "console_disconnected_at",
                table: "agents");
        }
    }
}
