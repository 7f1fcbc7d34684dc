using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dialer.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ConsentErasure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "consents",
                table: "erasures",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<byte[]>(
                name: "phone_hash",
                table: "contact_consents",
                type: "bytea",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_contact_consents_phone_hash",
                table: "contact_consents",
                column: "phone_hash",
                filter: "phone_hash IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_contact_consents_phone_hash",
                table: "contact_consents");

            migrationBuilder.DropColumn(
                name: "consents",
                table: "erasures");

            migrationBuilder.DropColumn(
                name: "phone_hash",
                table: "contact_consents");
        }
    }
}
