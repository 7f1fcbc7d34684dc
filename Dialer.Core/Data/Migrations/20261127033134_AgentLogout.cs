using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dialer.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AgentLogout : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "logout_reason",
                table: "agents",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "logout_requested_at",
                table: "agents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "logout_requested_by",
                table: "agents",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "reason",
                table: "agent_state_changes",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AddColumn<string>(
                name: "changed_by",
                table: "agent_state_changes",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "logout_reason",
                table: "agents");

            migrationBuilder.DropColumn(
                name: "logout_requested_at",
                table: "agents");

            migrationBuilder.DropColumn(
                name: "logout_requested_by",
                table: "agents");

            migrationBuilder.DropColumn(
                name: "changed_by",
                table: "agent_state_changes");

            migrationBuilder.AlterColumn<string>(
                name: "reason",
                table: "agent_state_changes",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500);
        }
    }
}
