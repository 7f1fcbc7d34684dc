using Dialer.Contracts;
using Dialer.Core.Campaigns;
using Dialer.Core.Changes;
using Dialer.Core.Contacts;
using Dialer.Core.OutboundWebhooks;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Webhooks;

/// <summary>Deliveries are written by the unit of work itself: with its change, for the subscriptions that
/// asked.</summary>
public sealed class WebhookFanOutTests : IAsyncLifetime
{
    readonly TestDatabase _database = new();
    Guid _campaign, _other, _subscription;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await using var db = _database.CreateDb();
        var settings = new CampaignSettings { Name = "hooks", CallerId = "+14155550100" };
        var now = DateTimeOffset.UtcNow;
        var (a, b) = (Campaign.Create(settings, now), Campaign.Create(settings, now));
        db.Campaigns.AddRange(a, b);
        var subscription = new WebhookSubscription
        {
            Id = Guid.NewGuid(), Url = "https://crm.example.com/hooks", Secret = "0123456789abcdef",
            Events = [WebhookEvents.CampaignStateChanged], CampaignId = a.Id, CreatedBy = "test",
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync();
        (_campaign, _other, _subscription) = (a.Id, b.Id, subscription.Id);
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    async Task<List<WebhookDelivery>> DeliveriesAsync()
    {
        await using var db = _database.CreateDb();
        return await db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == _subscription)
            .OrderBy(d => d.Id).ToListAsync();
    }

    async Task RunAsync(Action<StateChange> work)
    {
        await using var db = _database.CreateDb();
        await new StateChanges(db, new OutboxSignal(), TimeProvider.System).RunAsync((change, _) =>
        {
            work(change);
            return Task.CompletedTask;
        }, CancellationToken.None);
    }

    [Fact]
    public async Task A_committed_change_writes_one_delivery_per_event_its_subscription_asked_for()
    {
        await RunAsync(c =>
        {
            c.Publish(new CampaignStateChanged(_campaign, "running", null, c.Now));
            c.Publish(new CampaignStateChanged(_other, "running", null, c.Now)); // another campaign's
            c.Publish(new CallAnswered(Guid.NewGuid(), _campaign, null, c.Now)); // not asked for
            c.Publish(new CampaignStateChanged(_campaign, "paused", "a reason", c.Now));
        });

        var deliveries = await DeliveriesAsync();
        Assert.Equal(["running", "paused"], deliveries.Select(d => System.Text.Json.JsonDocument.Parse(d.Body)
            .RootElement.GetProperty("data").GetProperty("status").GetString()));
        Assert.All(deliveries, d => Assert.Equal($"campaign:{_campaign}", d.OrderKey));
        Assert.All(deliveries, d => Assert.Equal(DeliveryState.Pending, d.State));
    }

    [Fact]
    public async Task A_team_wide_subscription_hears_its_teams_campaigns_and_the_global_list_but_no_other_team()
    {
        Guid teamWide, otherTeamsCampaign;
        await using (var db = _database.CreateDb())
        {
            var team = new Dialer.Core.Teams.Team
            {
                Id = Guid.NewGuid(), Name = "B", CreatedAt = DateTimeOffset.UtcNow,
            };
            var campaign = Campaign.Create(new CampaignSettings { Name = "B's", CallerId = "+14155550100" },
                DateTimeOffset.UtcNow);
            campaign.TeamId = team.Id;
            var subscription = new WebhookSubscription
            {
                Id = Guid.NewGuid(), Url = "https://crm.example.com/all", Secret = "0123456789abcdef",
                Events = [WebhookEvents.CampaignStateChanged, WebhookEvents.DoNotCallAdded], CreatedBy = "test",
                CreatedAt = DateTimeOffset.UtcNow, // the default team's, as are _campaign and _other
            };
            db.AddRange(team, campaign, subscription);
            await db.SaveChangesAsync();
            (teamWide, otherTeamsCampaign) = (subscription.Id, campaign.Id);
        }

        await RunAsync(c =>
        {
            c.Publish(new CampaignStateChanged(_campaign, "running", null, c.Now));
            c.Publish(new CampaignStateChanged(otherTeamsCampaign, "running", null, c.Now));
            c.Publish(new CampaignStateChanged(_other, "paused", null, c.Now));
            c.Db.DoNotCall.Add(new Dialer.Core.Compliance.DoNotCallEntry { Phone = "+14155550199", AddedAt = c.Now });
        });

        await using var read = _database.CreateDb();
        var heard = await read.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == teamWide)
            .OrderBy(d => d.Id).Select(d => d.OrderKey).ToListAsync();
        Assert.Equal([$"campaign:{_campaign}", $"campaign:{_other}", "do-not-call"], heard);
    }

    [Fact]
    public async Task A_contact_done_is_heard_even_when_the_unit_saved_it_midway()
    {
        long contactId;
        Guid hearsContacts;
        await using (var db = _database.CreateDb())
        {
            var contact = new Contact
            {
                CampaignId = _campaign, Phone = "+14155550177", Status = ContactStatus.Pending,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            var subscription = new WebhookSubscription
            {
                Id = Guid.NewGuid(), Url = "https://crm.example.com/contacts", Secret = "0123456789abcdef",
                Events = [WebhookEvents.ContactDone], CampaignId = _campaign, CreatedBy = "test",
                CreatedAt = DateTimeOffset.UtcNow,
            };
            db.AddRange(contact, subscription);
            await db.SaveChangesAsync();
            (contactId, hearsContacts) = (contact.Id, subscription.Id);
        }

        await using (var db = _database.CreateDb())
            await new StateChanges(db, new OutboxSignal(), TimeProvider.System).RunAsync(async (c, ct) =>
            {
                var contact = (await c.LockContactAsync(contactId, ct))!;
                contact.Status = ContactStatus.Done; // as the preview desk defers a refused candidate
                await c.Db.SaveChangesAsync(ct);
                c.Publish(new CampaignStateChanged(_other, "running", null, c.Now));
            }, CancellationToken.None);

        await using var read = _database.CreateDb();
        var done = await read.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.SubscriptionId == hearsContacts);
        Assert.Equal(($"contact:{contactId}", WebhookEvents.ContactDone), (done.OrderKey, done.Event));
    }

    [Fact]
    public async Task A_change_discarded_or_failed_writes_no_delivery()
    {
        await RunAsync(c =>
        {
            c.Publish(new CampaignStateChanged(_campaign, "running", null, c.Now));
            c.Discard();
        });
        await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync(c =>
        {
            c.Publish(new CampaignStateChanged(_campaign, "running", null, c.Now));
            throw new InvalidOperationException("the change failed");
        }));

        Assert.Empty(await DeliveriesAsync());
    }
}
