using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Dialer.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Quartz's clustered ADO store: its own tables, from the script inside the Quartz package
            foreach (var statement in QuartzSchema.CreateStatements()) migrationBuilder.Sql(statement);

            migrationBuilder.CreateTable(
                name: "agents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    client_identity = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    state_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    break_reason = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    campaign_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    current_attempt_id = table.Column<Guid>(type: "uuid", nullable: true),
                    console_disconnected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    logout_requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    logout_requested_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    logout_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    line_kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    line_address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    line_state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    line_call_sid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    line_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    line_reason = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    line_request_id = table.Column<Guid>(type: "uuid", nullable: true),
                    room_sid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "campaign_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    fields = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_campaign_changes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "campaigns",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    settings = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_campaigns", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "do_not_call",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    phone = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    added_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_do_not_call", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    body = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    api_key_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    agent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "agent_state_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    agent_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    to_state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    attempt_id = table.Column<Guid>(type: "uuid", nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    changed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
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

            migrationBuilder.CreateTable(
                name: "contacts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    phone = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    time_zones = table.Column<string[]>(type: "text[]", nullable: false),
                    custom_fields = table.Column<string>(type: "jsonb", nullable: true),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    disposition = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    callback_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    priority = table.Column<short>(type: "smallint", maxLength: 32, nullable: false, defaultValue: (short)2),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    held_by_agent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    held_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    skip_count = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    last_skip_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contacts", x => x.id);
                    table.ForeignKey(
                        name: "fk_contacts_agents_held_by_agent_id",
                        column: x => x.held_by_agent_id,
                        principalTable: "agents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_contacts_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pacing_states",
                columns: table => new
                {
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    mode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    node = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    agents = table.Column<int>(type: "integer", nullable: false),
                    idle_agents = table.Column<int>(type: "integer", nullable: false),
                    lines_in_use = table.Column<int>(type: "integer", nullable: false),
                    lines_opened = table.Column<int>(type: "integer", nullable: false),
                    lines_per_agent = table.Column<double>(type: "double precision", nullable: false),
                    live_rate = table.Column<double>(type: "double precision", nullable: true),
                    abandon_budget_left = table.Column<double>(type: "double precision", nullable: true),
                    risk_threshold = table.Column<double>(type: "double precision", nullable: true),
                    learned = table.Column<bool>(type: "boolean", nullable: true),
                    live_answers_in_window = table.Column<int>(type: "integer", nullable: false),
                    dropped_in_window = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pacing_states", x => x.campaign_id);
                    table.ForeignKey(
                        name: "fk_pacing_states_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "call_attempts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    conference_sid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    agent_call_sid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    contact_id = table.Column<long>(type: "bigint", nullable: false),
                    state = table.Column<int>(type: "integer", maxLength: 32, nullable: false),
                    call_sid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    dialed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    bridged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    answered_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    agent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    disposition = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    duration_seconds = table.Column<int>(type: "integer", nullable: true),
                    last_sequence_number = table.Column<int>(type: "integer", nullable: false),
                    error = table.Column<string>(type: "text", nullable: true),
                    live_answer = table.Column<bool>(type: "boolean", nullable: false),
                    greeting_ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    message_started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    abandoned = table.Column<bool>(type: "boolean", nullable: false),
                    converted = table.Column<bool>(type: "boolean", nullable: false),
                    disposition_notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    dispositioned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_call_attempts", x => x.id);
                    table.ForeignKey(
                        name: "fk_call_attempts_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_call_attempts_contacts_contact_id",
                        column: x => x.contact_id,
                        principalTable: "contacts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                name: "ix_agent_state_changes_agent_id_at",
                table: "agent_state_changes",
                columns: new[] { "agent_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_agents_campaign_ids",
                table: "agents",
                column: "campaign_ids")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_agents_client_identity",
                table: "agents",
                column: "client_identity",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_agents_line_call_sid",
                table: "agents",
                column: "line_call_sid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_agents_state_state_since",
                table: "agents",
                columns: new[] { "state", "state_since" });

            migrationBuilder.CreateIndex(
                name: "ix_call_attempts_call_sid",
                table: "call_attempts",
                column: "call_sid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_call_attempts_campaign_id_answered_at",
                table: "call_attempts",
                columns: new[] { "campaign_id", "answered_at" });

            migrationBuilder.CreateIndex(
                name: "ix_call_attempts_campaign_id_state",
                table: "call_attempts",
                columns: new[] { "campaign_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_call_attempts_contact_id",
                table: "call_attempts",
                column: "contact_id");

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

            migrationBuilder.CreateIndex(
                name: "ix_campaign_changes_campaign_id_at",
                table: "campaign_changes",
                columns: new[] { "campaign_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_campaigns_status",
                table: "campaigns",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_contacts_campaign_id_phone",
                table: "contacts",
                columns: new[] { "campaign_id", "phone" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_contacts_campaign_id_status_priority_next_attempt_at",
                table: "contacts",
                columns: new[] { "campaign_id", "status", "priority", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_contacts_held_by_agent_id",
                table: "contacts",
                column: "held_by_agent_id",
                filter: "held_by_agent_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_do_not_call_phone_campaign_id",
                table: "do_not_call",
                columns: new[] { "phone", "campaign_id" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_published_at",
                table: "outbox_messages",
                column: "published_at",
                filter: "published_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_unpublished",
                table: "outbox_messages",
                column: "id",
                filter: "published_at IS NULL");

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

            migrationBuilder.CreateIndex(
                name: "ix_users_api_key_hash",
                table: "users",
                column: "api_key_hash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(QuartzSchema.DropStatement());

            migrationBuilder.DropTable(
                name: "agent_state_changes");

            migrationBuilder.DropTable(
                name: "call_recordings");

            migrationBuilder.DropTable(
                name: "call_transfers");

            migrationBuilder.DropTable(
                name: "campaign_changes");

            migrationBuilder.DropTable(
                name: "do_not_call");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "pacing_states");

            migrationBuilder.DropTable(
                name: "supervision_mode_changes");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "supervision_sessions");

            migrationBuilder.DropTable(
                name: "call_attempts");

            migrationBuilder.DropTable(
                name: "contacts");

            migrationBuilder.DropTable(
                name: "agents");

            migrationBuilder.DropTable(
                name: "campaigns");
        }
    }
}
