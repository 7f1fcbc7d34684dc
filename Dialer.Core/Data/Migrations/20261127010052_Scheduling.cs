using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dialer.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Scheduling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in QuartzSchema.CreateStatements()) migrationBuilder.Sql(statement);

            migrationBuilder.DropIndex(
                name: "ix_contacts_campaign_id_status_next_attempt_at",
                table: "contacts");

            migrationBuilder.AddColumn<short>(
                name: "priority",
                table: "contacts",
                type: "smallint",
                maxLength: 32,
                nullable: false,
                defaultValue: (short)2);

            migrationBuilder.CreateIndex(
                name: "ix_contacts_campaign_id_status_priority_next_attempt_at",
                table: "contacts",
                columns: new[] { "campaign_id", "status", "priority", "next_attempt_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(QuartzSchema.DropStatement());

            migrationBuilder.DropIndex(
                name: "ix_contacts_campaign_id_status_priority_next_attempt_at",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "priority",
                table: "contacts");

            migrationBuilder.CreateIndex(
                name: "ix_contacts_campaign_id_status_next_attempt_at",
                table: "contacts",
                columns: new[] { "campaign_id", "status", "next_attempt_at" });
        }
    }
}
