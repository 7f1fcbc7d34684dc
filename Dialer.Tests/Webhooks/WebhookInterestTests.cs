using Dialer.Contracts;
using Dialer.Core.Campaigns;
using Dialer.Core.Changes;
using Dialer.Core.OutboundWebhooks;
using Dialer.ServiceDefaults.OutboundWebhooks;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Dialer.Tests.Webhooks;

public sealed class WebhookInterestRules
{
    [Fact]
    public void Unknown_interest_wants_everything_and_known_interest_wants_only_its_events()
    {
        var interest = new WebhookInterest();
        Assert.True(interest.MayWant([WebhookEvents.CallAnswered]));

        Assert.True(interest.Know(new HashSet<string> { WebhookEvents.CallEnded }, interest.Generation));
        Assert.False(interest.MayWant([WebhookEvents.CallAnswered]));
        Assert.False(interest.MayWant([]));
        Assert.True(interest.MayWant([WebhookEvents.CallAnswered, WebhookEvents.CallEnded]));
    }

    [Fact]
    public void A_load_during_which_a_subscription_changed_does_not_count()
    {
        var interest = new WebhookInterest();
        var loadedAt = interest.Generation;
        interest.Forget(); // a notification while the load ran

        Assert.False(interest.Know(new HashSet<string>(), loadedAt));
        Assert.True(interest.MayWant([WebhookEvents.CallAnswered]));
    }
}

/// <summary>
/// The listener on real PostgreSQL: a subscription added or removed reaches the interest through the trigger's
/// notification, a change nobody wants writes no delivery and sends no fan-out, and a lost connection makes every
/// change fan out again until it is back.
/// </summary>
public sealed class WebhookInterestTests : IAsyncLifetime
{
    readonly TestDatabase _database = new();
    readonly WebhookInterest _interest = new();
    WebhookInterestListener? _listener;
    Guid _campaign;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await using var db = _database.CreateDb();
        var campaign = Campaign.Create(new CampaignSettings { Name = "interest", CallerId = "+14155550100" },
            DateTimeOffset.UtcNow);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        _campaign = campaign.Id;
        _listener = new WebhookInterestListener(_database.ConnectionString, _interest,
            NullLogger<WebhookInterestListener>.Instance);
        await _listener.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_listener is not null) await _listener.StopAsync(CancellationToken.None);
        await _database.DisposeAsync();
    }

    static async Task EventuallyAsync(Func<bool> holds, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!holds())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException(what);
            await Task.Delay(20);
        }
    }

    async Task<Guid> SubscribeAsync(string @event)
    {
        await using var db = _database.CreateDb();
        var subscription = new WebhookSubscription
        {
            Id = Guid.NewGuid(), Url = "https://crm.example.com/hooks", Secret = "0123456789abcdef",
            Events = [@event], CampaignId = _campaign, CreatedBy = "test", CreatedAt = DateTimeOffset.UtcNow,
        };
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync();
        return subscription.Id;
    }

    async Task<int> ChangeAsync()
    {
        await using var db = _database.CreateDb();
        await new StateChanges(db, new OutboxSignal(), TimeProvider.System, interest: _interest).RunAsync(
            (change, _) =>
            {
                change.Publish(new CampaignStateChanged(_campaign, "running", null, change.Now));
                return Task.CompletedTask;
            }, CancellationToken.None);
        return await db.WebhookDeliveries.CountAsync();
    }

    static readonly string[] Changed = [WebhookEvents.CampaignStateChanged];

    [Fact]
    public async Task Subscriptions_reach_the_interest_and_a_change_nobody_wants_writes_no_delivery()
    {
        await SubscribeAsync(WebhookEvents.CallEnded); // another kind of event
        await EventuallyAsync(() => _interest.MayWant([WebhookEvents.CallEnded]) && !_interest.MayWant(Changed),
            "the other subscription known");
        Assert.Equal(0, await ChangeAsync());

        var id = await SubscribeAsync(WebhookEvents.CampaignStateChanged);
        await EventuallyAsync(() => _interest.MayWant(Changed), "the subscription heard of");
        Assert.Equal(1, await ChangeAsync());

        await using (var db = _database.CreateDb())
            await db.WebhookSubscriptions.Where(s => s.Id == id).ExecuteDeleteAsync();
        await EventuallyAsync(() => !_interest.MayWant(Changed), "the deletion heard of");
        Assert.Equal(0, await ChangeAsync()); // a subscription's deliveries go with it, and none is written
    }

    [Fact]
    public async Task A_lost_connection_makes_every_change_fan_out_until_it_is_back()
    {
        await EventuallyAsync(() => !_interest.MayWant([WebhookEvents.CallAnswered]), "no subscription known");

        await using (var admin = new NpgsqlConnection(_database.ConnectionString))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                + "WHERE application_name = 'webhook-interest' AND datname = current_database()", admin);
            await kill.ExecuteNonQueryAsync();
        }
        await EventuallyAsync(() => _interest.MayWant([WebhookEvents.CallAnswered]), "forgotten when the line died");
        await EventuallyAsync(() => !_interest.MayWant([WebhookEvents.CallAnswered]), "known again once back");
    }
}
