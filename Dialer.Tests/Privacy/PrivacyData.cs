using Dialer.Core.Campaigns;
using Dialer.Core.Compliance;
using Dialer.Core.Contacts;
using Dialer.Core.Data;
using Dialer.Core.Dialing;
using Dialer.Core.Figures;
using Dialer.Core.OutboundWebhooks;
using Dialer.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Privacy;

/// <summary>Rows the erasure and retention tests plant: campaigns of a team, contacts with calls, webhook deliveries.
/// </summary>
static class PrivacyData
{
    public static async Task<Guid> TeamAsync(DialerDb db)
    {
        var team = new Team
        {
            Id = Guid.CreateVersion7(), Name = "Team " + Guid.NewGuid().ToString("N")[..8],
            CreatedAt = DateTimeOffset.UtcNow
        };
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        return team.Id;
    }

    public static async Task<Campaign> CampaignAsync(DialerDb db, Guid teamId, CampaignStatus status)
    {
        var campaign = Campaign.Create(new CampaignSettings { Name = "privacy " + status, CallerId = "+14155550100" },
            DateTimeOffset.UtcNow);
        campaign.Status = status;
        campaign.TeamId = teamId;
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        return campaign;
    }

    /// <summary>A contact called once, at <paramref name="at"/>: an abandoned live answer with an agent's
    /// notes.</summary>
    public static async Task<(Contact Contact, CallAttempt Attempt)> CalledContactAsync(DialerDb db, Guid campaignId,
        string phone, DateTimeOffset at)
    {
        var contact = new Contact
        {
            CampaignId = campaignId, Phone = phone, Name = "Ann Example",
            CustomFields = """{"note":"prefers mornings"}""",
            TimeZones = ["America/Los_Angeles"], StatedJurisdiction = "US-CA", Status = ContactStatus.Pending,
            Attempts = 1,
            NextAttemptAt = at.AddDays(1), LastAttemptAt = at, LastOutcome = "abandoned", CreatedAt = at.AddDays(-1),
        };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        var attempt = CallAttempt.Create(campaignId, contact.Id, at);
        attempt.State = AttemptState.Completed;
        attempt.CallSid = "CA" + Guid.NewGuid().ToString("N");
        attempt.AnsweredAt = at.AddSeconds(10);
        attempt.EndedAt = at.AddSeconds(20);
        attempt.LiveAnswer = true;
        attempt.Abandoned = true;
        attempt.Outcome = "abandoned";
        attempt.DispositionNotes = "Ann said to call back after her surgery";
        attempt.Error = $"Twilio could not reach {phone}";
        db.CallAttempts.Add(attempt);
        await db.SaveChangesAsync();
        return (contact, attempt);
    }

    /// <summary>A subscription of the campaign's team with one delivery about the contact and one quoting the number.
    /// </summary>
    public static async Task<long[]> DeliveriesAsync(DialerDb db, Guid teamId, Contact contact)
    {
        var subscription = new WebhookSubscription
        {
            Id = Guid.CreateVersion7(), Url = "https://hooks.example.com/dialer", Secret = new string('s', 32),
            Events = [.. WebhookEvents.All], TeamId = teamId, CreatedBy = "test", CreatedAt = DateTimeOffset.UtcNow,
        };
        db.WebhookSubscriptions.Add(subscription);
        WebhookDelivery Delivery(string type, string key, string body) => new()
        {
            SubscriptionId = subscription.Id, EventId = Guid.NewGuid(), Event = type, OrderKey = key, Body = body,
            CreatedAt = DateTimeOffset.UtcNow, NextAttemptAt = DateTimeOffset.UtcNow, State = DeliveryState.Delivered,
        };
        var about = Delivery(WebhookEvents.ContactDone, $"contact:{contact.Id}",
            "{\"contactId\":" + contact.Id + ",\"data\":{}}");
        var quoting = Delivery(WebhookEvents.DoNotCallAdded, "do-not-call",
            "{\"data\":{\"phone\":\"" + contact.Phone + "\"}}");
        db.WebhookDeliveries.AddRange(about, quoting);
        await db.SaveChangesAsync();
        return [about.Id, quoting.Id];
    }

    static readonly string AbandonedSql =
        $"SELECT count(*) AS \"Value\" FROM call_attempts a "
        + $"WHERE a.campaign_id = {{0}} AND {CallFigures.Abandoned.Sql}";

    public static async Task<long> AbandonedInAsync(DialerDb db, Guid campaignId) =>
        await db.Database.SqlQueryRaw<long>(AbandonedSql, campaignId).SingleAsync();

    /// <summary>What the claim would know of the number, from a campaign that never called it.</summary>
    public static Task<PersonHistory> PersonAsync(DialerDb db, string phone) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var history = await PersonCalls.ForAsync(db, Guid.NewGuid(), [phone], DateTimeOffset.UtcNow,
                CancellationToken.None);
            return history[phone];
        });
}
