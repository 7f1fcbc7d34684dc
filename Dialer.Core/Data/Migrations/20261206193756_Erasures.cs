using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dialer.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Erasures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "anonymised_at",
                table: "contacts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "phone_hash",
                table: "call_attempts",
                type: "bytea",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "erasures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    phone_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    requested_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    contacts = table.Column<int>(type: "integer", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    recordings = table.Column<int>(type: "integer", nullable: false),
                    recordings_pending = table.Column<int>(type: "integer", nullable: false),
                    webhook_deliveries = table.Column<int>(type: "integer", nullable: false),
                    transfers = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_erasures", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_contacts_last_attempt_at",
                table: "contacts",
                column: "last_attempt_at",
                filter: "anonymised_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_call_attempts_phone_hash",
                table: "call_attempts",
                column: "phone_hash",
                filter: "phone_hash IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_erasures_phone_hash",
                table: "erasures",
                column: "phone_hash");
            migrationBuilder.Sql("""
                CREATE TABLE privacy_keys (id int PRIMARY KEY CHECK (id = 1), key bytea NOT NULL);
                INSERT INTO privacy_keys VALUES (1, uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()));
                CREATE FUNCTION dialer_phone_hash(phone text) RETURNS bytea LANGUAGE sql STABLE STRICT
                    AS $$ SELECT sha256(k.key || convert_to(phone, 'UTF8')) FROM privacy_keys k WHERE k.id = 1 $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION dialer_phone_hash(text); DROP TABLE privacy_keys;");
            migrationBuilder.DropTable(
                name: "erasures");

            migrationBuilder.DropIndex(
                name: "ix_contacts_last_attempt_at",
                table: "contacts");

            migrationBuilder.DropIndex(
                name: "ix_call_attempts_phone_hash",
                table: "call_attempts");

            migrationBuilder.DropColumn(
                name: "anonymised_at",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "phone_hash",
                table: "call_attempts");
        }
    }
}
