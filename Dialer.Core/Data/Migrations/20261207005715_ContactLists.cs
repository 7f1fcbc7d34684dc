using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Dialer.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ContactLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "list_id",
                table: "contacts",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "contact_lists",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    team_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    default_region = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    columns = table.Column<string[]>(type: "text[]", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    upload_started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    row_count = table.Column<int>(type: "integer", nullable: false),
                    rejected_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contact_lists", x => x.id);
                    table.ForeignKey(
                        name: "fk_contact_lists_teams_team_id",
                        column: x => x.team_id,
                        principalTable: "teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "campaign_lists",
                columns: table => new
                {
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    list_id = table.Column<Guid>(type: "uuid", nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    priority = table.Column<int>(type: "integer", nullable: false),
                    attached_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    attached_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_campaign_lists", x => new { x.campaign_id, x.list_id });
                    table.ForeignKey(
                        name: "fk_campaign_lists_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_campaign_lists_contact_lists_list_id",
                        column: x => x.list_id,
                        principalTable: "contact_lists",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "contact_list_rows",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    list_id = table.Column<Guid>(type: "uuid", nullable: false),
                    phone = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    time_zones = table.Column<string[]>(type: "text[]", nullable: false),
                    stated_jurisdiction = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    custom_fields = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contact_list_rows", x => x.id);
                    table.ForeignKey(
                        name: "fk_contact_list_rows_contact_lists_list_id",
                        column: x => x.list_id,
                        principalTable: "contact_lists",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_contacts_campaign_id_list_id",
                table: "contacts",
                columns: new[] { "campaign_id", "list_id" },
                filter: "list_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_contacts_list_id",
                table: "contacts",
                column: "list_id");

            migrationBuilder.CreateIndex(
                name: "ix_campaign_lists_list_id",
                table: "campaign_lists",
                column: "list_id");

            migrationBuilder.CreateIndex(
                name: "ix_contact_list_rows_list_id_phone",
                table: "contact_list_rows",
                columns: new[] { "list_id", "phone" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_contact_lists_team_id",
                table: "contact_lists",
                column: "team_id");

            migrationBuilder.AddForeignKey(
                name: "fk_contacts_contact_lists_list_id",
                table: "contacts",
                column: "list_id",
                principalTable: "contact_lists",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_contacts_contact_lists_list_id",
                table: "contacts");

            migrationBuilder.DropTable(
                name: "campaign_lists");

            migrationBuilder.DropTable(
                name: "contact_list_rows");

            migrationBuilder.DropTable(
                name: "contact_lists");

            migrationBuilder.DropIndex(
                name: "ix_contacts_campaign_id_list_id",
                table: "contacts");

            migrationBuilder.DropIndex(
                name: "ix_contacts_list_id",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "list_id",
                table: "contacts");
        }
    }
}
