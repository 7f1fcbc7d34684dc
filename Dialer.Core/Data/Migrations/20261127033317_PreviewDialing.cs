using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dialer.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class PreviewDialing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "held_by_agent_id",
                table: "contacts",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "held_until",
                table: "contacts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "last_skip_reason",
                table: "contacts",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "skip_count",
                table: "contacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "ix_contacts_held_by_agent_id",
                table: "contacts",
                column: "held_by_agent_id",
                filter: "held_by_agent_id IS NOT NULL");

            migrationBuilder.AddForeignKey(
                name: "fk_contacts_agents_held_by_agent_id",
                table: "contacts",
                column: "held_by_agent_id",
                principalTable: "agents",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_contacts_agents_held_by_agent_id",
                table: "contacts");

            migrationBuilder.DropIndex(
                name: "ix_contacts_held_by_agent_id",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "held_by_agent_id",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "held_until",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "last_skip_reason",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "skip_count",
                table: "contacts");
        }
    }
}
