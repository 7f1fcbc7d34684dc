using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dialer.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Teams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "team_id",
                table: "users",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-7000-8000-000000000001"));

            migrationBuilder.AddColumn<Guid>(
                name: "team_id",
                table: "campaigns",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-7000-8000-000000000001"));

            migrationBuilder.AddColumn<Guid>(
                name: "team_id",
                table: "agents",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-7000-8000-000000000001"));

            migrationBuilder.CreateTable(
                name: "campaign_agents",
                columns: table => new
                {
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agent_id = table.Column<Guid>(type: "uuid", nullable: false),
                    assigned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    assigned_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_campaign_agents", x => new { x.campaign_id, x.agent_id });
                    table.ForeignKey(
                        name: "fk_campaign_agents_agents_agent_id",
                        column: x => x.agent_id,
                        principalTable: "agents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_campaign_agents_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "teams",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_teams", x => x.id);
                });

            // every row made before teams existed joins this team (the columns' default), so it must exist first
            migrationBuilder.Sql(
                "INSERT INTO teams (id, name, created_at) VALUES ('00000000-0000-7000-8000-000000000001', 'Default', now());");

            migrationBuilder.CreateIndex(
                name: "ix_users_team_id",
                table: "users",
                column: "team_id");

            migrationBuilder.CreateIndex(
                name: "ix_campaigns_team_id",
                table: "campaigns",
                column: "team_id");

            migrationBuilder.CreateIndex(
                name: "ix_agents_team_id",
                table: "agents",
                column: "team_id");

            migrationBuilder.CreateIndex(
                name: "ix_campaign_agents_agent_id",
                table: "campaign_agents",
                column: "agent_id");

            migrationBuilder.CreateIndex(
                name: "ix_teams_name",
                table: "teams",
                column: "name",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_agents_teams_team_id",
                table: "agents",
                column: "team_id",
                principalTable: "teams",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_campaigns_teams_team_id",
                table: "campaigns",
                column: "team_id",
                principalTable: "teams",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_users_teams_team_id",
                table: "users",
                column: "team_id",
                principalTable: "teams",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_agents_teams_team_id",
                table: "agents");

            migrationBuilder.DropForeignKey(
                name: "fk_campaigns_teams_team_id",
                table: "campaigns");

            migrationBuilder.DropForeignKey(
                name: "fk_users_teams_team_id",
                table: "users");

            migrationBuilder.DropTable(
                name: "campaign_agents");

            migrationBuilder.DropTable(
                name: "teams");

            migrationBuilder.DropIndex(
                name: "ix_users_team_id",
                table: "users");

            migrationBuilder.DropIndex(
                name: "ix_campaigns_team_id",
                table: "campaigns");

            migrationBuilder.DropIndex(
                name: "ix_agents_team_id",
                table: "agents");

            migrationBuilder.DropColumn(
                name: "team_id",
                table: "users");

            migrationBuilder.DropColumn(
                name: "team_id",
                table: "campaigns");

            migrationBuilder.DropColumn(
                name: "team_id",
                table: "agents");
        }
    }
}
