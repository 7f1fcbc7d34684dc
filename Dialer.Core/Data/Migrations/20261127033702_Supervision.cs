using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Dialer.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Supervision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "agent_call_sid",
                table: "call_attempts",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "conference_sid",
                table: "call_attempts",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "supervision_sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agent_id = table.Column<Guid>(type: "uuid", nullable: false),
                    attempt_id = table.Column<Guid>(type: "uuid", nullable: false),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    supervisor_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    supervisor_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    to = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    conference_sid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    call_sid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    mode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    end_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_supervision_sessions", x => x.id);
                    table.ForeignKey(
                        name: "fk_supervision_sessions_agents_agent_id",
                        column: x => x.agent_id,
                        principalTable: "agents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_supervision_sessions_call_attempts_attempt_id",
                        column: x => x.attempt_id,
                        principalTable: "call_attempts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "supervision_mode_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    mode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_supervision_mode_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_supervision_mode_changes_supervision_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "supervision_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_supervision_mode_changes_session_id",
                table: "supervision_mode_changes",
                column: "session_id");

            migrationBuilder.CreateIndex(
                name: "ix_supervision_sessions_agent_id_started_at",
                table: "supervision_sessions",
                columns: new[] { "agent_id", "started_at" });

            migrationBuilder.CreateIndex(
                name: "ix_supervision_sessions_attempt_id",
                table: "supervision_sessions",
                column: "attempt_id");

            migrationBuilder.CreateIndex(
                name: "ix_supervision_sessions_call_sid",
                table: "supervision_sessions",
                column: "call_sid");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "supervision_mode_changes");

            migrationBuilder.DropTable(
                name: "supervision_sessions");

            migrationBuilder.DropColumn(
                name: "agent_call_sid",
                table: "call_attempts");

            migrationBuilder.DropColumn(
                name: "conference_sid",
                table: "call_attempts");
        }
    }
}
