using Dialer.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dialer.Core.Data.Migrations
{
    /// <summary>
    /// Every change of webhook_subscriptions notifies the channel each process's WebhookInterestListener hears, so
    /// that a change no subscription wants can skip the fan-out's statement. No model change.
    /// </summary>
    [DbContext(typeof(DialerDb))]
    [Migration("20261207140000_WebhookInterestNotify")]
    public partial class WebhookInterestNotify : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION notify_webhook_subscriptions() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  PERFORM pg_notify('webhook_subscriptions', '');
                  RETURN NULL;
                END $$;
                CREATE TRIGGER webhook_subscriptions_changed
                  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON webhook_subscriptions
                  FOR EACH STATEMENT EXECUTE FUNCTION notify_webhook_subscriptions();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER webhook_subscriptions_changed ON webhook_subscriptions;
                DROP FUNCTION notify_webhook_subscriptions();
                """);
        }
    }
}
