using Dialer.Core.OutboundWebhooks;
using Dialer.Tests.Agents;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Webhooks;

/// <summary>Calls answered by the simulator's people and wrapped up by its agents; webhooks retried fast.</summary>
public sealed class CallsHeardByAReceiver : AgentsWorld
{
    protected override IDictionary<string, string?> WorkerSettings() =>
        new Dictionary<string, string?>(base.WorkerSettings())
        {
            ["Agents:AutoWrapUpSeconds"] = "1",
            ["Webhooks:AllowPrivateAddresses"] = "true",
            ["Webhooks:PollMilliseconds"] = "200",
            ["Webhooks:FirstRetrySeconds"] = "0.3",
            ["Webhooks:MaxRetrySeconds"] = "1",
        };
}

public sealed class WebhookDeliveryTests(CallsHeardByAReceiver world) : IClassFixture<CallsHeardByAReceiver>
{
    [Fact]
    public async Task A_receiver_that_was_down_hears_every_event_once_signed_and_in_order_per_contact()
    {
        await using var receiver = new WebhookReceiver(); // down until the calls are under way
        await using var secondWorker = world.StartWorker(); // two senders share the deliveries
        var (campaign, contacts) = await world.RunningCampaignAsync(4,
            s => s with { Dispositions = ["sale"], ConversionDispositions = ["sale"] });
        var subscription = await SubscribeAsync(campaign.Id, receiver);
        await world.AvailableAgentsAsync(campaign.Id, 4);

        var attempts = await world.DialAsync(campaign, 4);
        await WaitForAsync(async db => await db.WebhookDeliveries.AnyAsync(d => d.Attempts >= 2));
        await receiver.StartAsync();
        await world.WaitForAttemptsAsync(attempts.Select(a => a.Id), a => a.IsFinal && a.Disposition is not null,
            TimeSpan.FromSeconds(60));
        await WaitForAsync(async db => !await db.WebhookDeliveries.AnyAsync(d => d.State == DeliveryState.Pending));

        await using var db = world.Db();
        var sent = await db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == subscription)
            .OrderBy(d => d.Id).ToListAsync();
        var heard = receiver.All;
        Assert.All(sent, d => Assert.Equal(DeliveryState.Delivered, d.State));
        Assert.Equal(sent.Select(d => d.Id), heard.Select(h => h.DeliveryId).Order()); // each once
        Assert.All(heard, h => Assert.True(h.SignatureValid));
        Assert.Contains(sent, d => d.Attempts > 1); // the receiver's time down was felt
        foreach (var contact in contacts)
        {
            var key = $"contact:{contact.Id}";
            var inOrder = heard.Where(h => sent.Single(d => d.Id == h.DeliveryId).OrderKey == key)
                .Select(h => h.DeliveryId).ToList();
            Assert.Equal(inOrder.Order(), inOrder);
            var events = heard.Where(h => inOrder.Contains(h.DeliveryId)).Select(h => h.Event).ToList();
            // a sale ends the contact: it is not called again
            Assert.Equal([WebhookEvents.CallAnswered, WebhookEvents.CallEnded, WebhookEvents.ContactDone,
                WebhookEvents.DispositionSet], events.Order());
            Assert.Equal(events.Count, events.Distinct().Count());
            Assert.All(heard.Where(h => inOrder.Contains(h.DeliveryId)),
                h => Assert.Equal(contact.Id, h.Body["contactId"]!.GetValue<long>()));
        }
    }

    async Task<Guid> SubscribeAsync(Guid campaignId, WebhookReceiver receiver)
    {
        await using var db = world.Db();
        var subscription = new WebhookSubscription
        {
            Id = Guid.NewGuid(), Url = receiver.Url, Secret = receiver.Secret, Events = [.. WebhookEvents.All],
            CampaignId = campaignId, CreatedBy = "test", CreatedAt = DateTimeOffset.UtcNow,
        };
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync();
        return subscription.Id;
    }

    async Task WaitForAsync(Func<Dialer.Core.Data.DialerDb, Task<bool>> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            await using (var db = world.Db())
                if (await done(db)) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The deliveries did not get there.");
            await Task.Delay(200);
        }
    }
}
