using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dialer.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class RegistryListsAndConsentExpiry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "valid_until",
                table: "contact_consents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "registry_lists",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    team_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    jurisdiction = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    downloaded_on = table.Column<DateOnly>(type: "date", nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    uploaded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    numbers = table.Column<int>(type: "integer", nullable: false),
                    rejected = table.Column<int>(type: "integer", nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_lists", x => x.id);
                    table.ForeignKey(
                        name: "fk_registry_lists_teams_team_id",
                        column: x => x.team_id,
                        principalTable: "teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "registry_numbers",
                columns: table => new
                {
                    phone = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    list_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_numbers", x => new { x.phone, x.list_id });
                    table.ForeignKey(
                        name: "fk_registry_numbers_registry_lists_list_id",
                        column: x => x.list_id,
                        principalTable: "registry_lists",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_registry_lists_team_id_jurisdiction_name",
                table: "registry_lists",
                columns: new[] { "team_id", "jurisdiction", "name" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_numbers_list_id",
                table: "registry_numbers",
                column: "list_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "registry_numbers");

            migrationBuilder.DropTable(
                name: "registry_lists");

            migrationBuilder.DropColumn(
                name: "valid_until",
                table: "contact_consents");
        }
    }
}
