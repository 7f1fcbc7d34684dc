using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dialer.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AgentLines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "line_address",
                table: "agents",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "line_call_sid",
                table: "agents",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "line_kind",
                table: "agents",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "line_reason",
                table: "agents",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "line_request_id",
                table: "agents",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "line_since",
                table: "agents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "line_state",
                table: "agents",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<string>(
                name: "room_sid",
                table: "agents",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "call_recordings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    attempt_id = table.Column<Guid>(type: "uuid", nullable: false),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recording_sid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    duration_seconds = table.Column<int>(type: "integer", nullable: true),
                    delete_after = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_call_recordings", x => x.id);
                    table.ForeignKey(
                        name: "fk_call_recordings_call_attempts_attempt_id",
                        column: x => x.attempt_id,
                        principalTable: "call_attempts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_call_recordings_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "call_transfers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    attempt_id = table.Column<Guid>(type: "uuid", nullable: false),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_agent_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    to_number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    to_agent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    third_party_call_sid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    error = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_call_transfers", x => x.id);
                    table.ForeignKey(
                        name: "fk_call_transfers_call_attempts_attempt_id",
                        column: x => x.attempt_id,
                        principalTable: "call_attempts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_agents_line_call_sid",
                table: "agents",
                column: "line_call_sid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_call_recordings_attempt_id",
                table: "call_recordings",
                column: "attempt_id");

            migrationBuilder.CreateIndex(
                name: "ix_call_recordings_campaign_id",
                table: "call_recordings",
                column: "campaign_id");

            migrationBuilder.CreateIndex(
                name: "ix_call_recordings_delete_after",
                table: "call_recordings",
                column: "delete_after",
                filter: "deleted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_call_recordings_recording_sid",
                table: "call_recordings",
                column: "recording_sid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_call_transfers_attempt_id",
                table: "call_transfers",
                column: "attempt_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "call_recordings");

            migrationBuilder.DropTable(
                name: "call_transfers");

            migrationBuilder.DropIndex(
                name: "ix_agents_line_call_sid",
                table: "agents");

            migrationBuilder.DropColumn(
                name: "line_address",
                table: "agents");

            migrationBuilder.DropColumn(
                name: "line_call_sid",
                table: "agents");

            migrationBuilder.DropColumn(
                name: "line_kind",
                table: "agents");

            migrationBuilder.DropColumn(
                name: "line_reason",
                table: "agents");

            migrationBuilder.DropColumn(
                name: "line_request_id",
                table: "agents");

            migrationBuilder.DropColumn(
                name: "line_since",
                table: "agents");

            migrationBuilder.DropColumn(
                name: "line_state",
                table: "agents");

            migrationBuilder.DropColumn(
                name: "room_sid",
                table: "agents");
        }
    }
}
