using Dialer.Core.Dialing;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dialer.Core.Data.Migrations
{
    /// <summary>Attempt states are stored as their ordered numbers, so SQL can compare them.</summary>
    public partial class AttemptStateOrdered : Migration
    {
        static string NameToNumber() => string.Join(" ", Enum.GetValues<AttemptState>().Select(s => $"WHEN '{s}' THEN {(int)s}"));
        static string NumberToName() => string.Join(" ", Enum.GetValues<AttemptState>().Select(s => $"WHEN {(int)s} THEN '{s}'"));

        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql($"ALTER TABLE call_attempts ALTER COLUMN state TYPE integer USING CASE state {NameToNumber()} END");

        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql($"ALTER TABLE call_attempts ALTER COLUMN state TYPE character varying(32) USING CASE state {NumberToName()} END");
    }
}
