using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dialer.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class PacingStates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pacing_states");
        }
    }
}
