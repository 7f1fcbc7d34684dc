using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dialer.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ClaimIndexById : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_contacts_campaign_id_status_priority_next_attempt_at",
                table: "contacts");

            migrationBuilder.CreateIndex(
                name: "ix_contacts_campaign_id_status_priority_next_attempt_at_id",
                table: "contacts",
                columns: new[] { "campaign_id", "status", "priority", "next_attempt_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_contacts_campaign_id_status_priority_next_attempt_at_id",
                table: "contacts");

            migrationBuilder.CreateIndex(
                name: "ix_contacts_campaign_id_status_priority_next_attempt_at",
                table: "contacts",
                columns: new[] { "campaign_id", "status", "priority", "next_attempt_at" });
        }
    }
}
