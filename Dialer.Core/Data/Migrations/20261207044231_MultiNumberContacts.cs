using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dialer.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class MultiNumberContacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "numbers",
                table: "contacts",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "phone_kind",
                table: "contacts",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "numbers",
                table: "contact_list_rows",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "phone_kind",
                table: "contact_list_rows",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "phone_kind",
                table: "call_attempts",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "numbers",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "phone_kind",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "numbers",
                table: "contact_list_rows");

            migrationBuilder.DropColumn(
                name: "phone_kind",
                table: "contact_list_rows");

            migrationBuilder.DropColumn(
                name: "phone_kind",
                table: "call_attempts");
        }
    }
}
