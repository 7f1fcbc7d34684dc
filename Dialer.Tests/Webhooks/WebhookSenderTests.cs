using Dialer.Core.Campaigns;
using Dialer.Core.Data;
using Dialer.Core.OutboundWebhooks;
using Dialer.ServiceDefaults.OutboundWebhooks;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dialer.Tests.Webhooks;

/// <summary>The sender's rounds by hand, on a database of their own: order per key, giving up, two senders.</summary>
public sealed class WebhookSenderTests : IAsyncLifetime
{
    readonly TestDatabase _database = new();
    readonly WebhookReceiver _receiver = new();
    readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    Guid _subscription;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await _receiver.StartAsync();
        await using var db = _database.CreateDb();
        var campaign = Campaign.Create(new CampaignSettings { Name = "hooks", CallerId = "+14155550100" },
            DateTimeOffset.UtcNow);
        db.Campaigns.Add(campaign);
        var subscription = new WebhookSubscription
        {
            Id = Guid.NewGuid(), Url = _receiver.Url, Secret = _receiver.Secret, Events = [.. WebhookEvents.All],
            CampaignId = campaign.Id, CreatedBy = "test", CreatedAt = DateTimeOffset.UtcNow,
        };
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync();
        _subscription = subscription.Id;
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _database.DisposeAsync();
    }

    WebhookSender Sender(WebhookOptions options)
    {
        var services = new ServiceCollection()
            .AddScoped(_ => _database.CreateDb())
            .BuildServiceProvider();
        var wrapped = Options.Create(options);
        return new WebhookSender(services.GetRequiredService<IServiceScopeFactory>(), new WebhookHttp(wrapped),
            new WebhookSignal(), wrapped, _clock,
            LoggerFactory.Create(_ => { }).CreateLogger<WebhookSender>());
    }

    async Task<List<long>> DeliveriesAsync(params string[] keys)
    {
        await using var db = _database.CreateDb();
        var now = _clock.GetUtcNow();
        var rows = keys.Select(key => new WebhookDelivery
        {
            SubscriptionId = _subscription, EventId = Guid.NewGuid(), Event = WebhookEvents.CallEnded, OrderKey = key,
            Body = $$"""{"key":"{{key}}"}""", CreatedAt = now, NextAttemptAt = now,
        }).ToList();
        foreach (var row in rows)
        {
            db.WebhookDeliveries.Add(row);
            await db.SaveChangesAsync(); // one by one: ids in the order given
        }
        return [.. rows.Select(r => r.Id)];
    }

    async Task<WebhookDelivery> DeliveryAsync(long id)
    {
        await using var db = _database.CreateDb();
        return await db.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.Id == id);
    }

    [Fact]
    public async Task A_contacts_next_delivery_waits_until_the_one_before_has_been_given_up_while_others_go_on()
    {
        var sender = Sender(new WebhookOptions { AllowPrivateAddresses = true, GiveUpAfterHours = 24 });
        var ids = await DeliveriesAsync("contact:1", "contact:1", "contact:2");
        _receiver.FailWith = 500;

        var first = await sender.SendOnceAsync(CancellationToken.None);

        Assert.Equal(2, first.Claimed); // contact 1's first and contact 2's, not contact 1's second
        Assert.Equal(0, (await DeliveryAsync(ids[1])).Attempts);
        _clock.Advance(TimeSpan.FromHours(25));
        await sender.SendOnceAsync(CancellationToken.None); // both fail again, a day on: given up
        Assert.Equal(DeliveryState.GaveUp, (await DeliveryAsync(ids[0])).State);
        _receiver.FailWith = null;
        Assert.Equal(1, (await sender.SendOnceAsync(CancellationToken.None)).Delivered);
        Assert.Equal(ids[1], Assert.Single(_receiver.All).DeliveryId);
    }

    [Fact]
    public async Task Without_the_setting_a_loopback_receiver_is_never_connected_to()
    {
        var ids = await DeliveriesAsync("contact:1");

        var round = await Sender(new WebhookOptions()).SendOnceAsync(CancellationToken.None);

        Assert.Equal((1, 0), (round.Claimed, round.Delivered));
        Assert.Empty(_receiver.All);
        await using var db = _database.CreateDb();
        var attempt = await db.WebhookAttempts.SingleAsync(a => a.DeliveryId == ids[0]);
        Assert.Null(attempt.StatusCode);
        Assert.Contains("not allowed", attempt.Error);
    }

    [Fact]
    public async Task Two_senders_at_once_never_send_one_delivery_twice()
    {
        var options = new WebhookOptions { AllowPrivateAddresses = true, BatchSize = 10 };
        var ids = await DeliveriesAsync([.. Enumerable.Range(0, 60).Select(i => $"contact:{i}")]);
        var (a, b) = (Sender(options), Sender(options));

        while (_receiver.All.Count < ids.Count)
        {
            var rounds = await Task.WhenAll(
                a.SendOnceAsync(CancellationToken.None), b.SendOnceAsync(CancellationToken.None));
            if (rounds.All(r => r.Claimed == 0)) break;
        }

        Assert.Equal(ids, _receiver.All.Select(r => r.DeliveryId).Order());
        Assert.All(_receiver.All, r => Assert.True(r.SignatureValid));
    }
}
