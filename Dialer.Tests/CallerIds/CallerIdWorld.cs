using Dialer.Core.CallerIds;
using Dialer.Core.Campaigns;
using Dialer.Core.Contacts;
using Dialer.Core.Dialing;
using Dialer.Tests.Infrastructure;
using Dialer.TwilioSimulator.Hosting;
using Dialer.TwilioSimulator.Numbers;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.CallerIds;

/// <summary>
/// A Worker, an Api and the simulator on one database; the simulated account owns <see cref="Owned"/> only (each
/// number's voice URL the Worker's callback line), and nobody answers calls from <see cref="Spam"/>. Customers answer
/// every other call.
/// </summary>
public sealed class CallerIdWorld : DialingWorld
{
    public const string Default = "+14155550100", Spam = "+14155550111", Other = "+14155550122";
    public const string NewYork = "+12125550100", Chicago = "+13125550100", Foreign = "+14155550199";
    public static readonly string[] Owned = [Default, Spam, Other, NewYork, Chicago];
    public KestrelApi Api { get; private set; } = null!;

    // one dial at a time on a shared machine: a slow create must not pass for a lost one
    protected override IDictionary<string, string?> WorkerSettings() =>
        new Dictionary<string, string?> { ["Twilio:RequestTimeoutSeconds"] = "15" };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Simulator.Numbers.Replace(new NumberOptions
        {
            OwnsAnyNumber = false, Unanswered = [Spam],
            Owned = [.. Owned.Select(n => new OwnedNumber
            {
                PhoneNumber = n, VoiceUrl = Worker.PublicUrl + "/twilio/callback-line",
            })],
        });
        Api = new KestrelApi(Database.ConnectionString,
            new Dictionary<string, string?> { ["Twilio:ApiBaseUrl"] = Simulator.BaseAddress.ToString() });
        Api.StartServer();
    }

    public override async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await base.DisposeAsync();
    }

    public async Task<Campaign> CampaignAsync(CallerIdPool pool, params string[] phones)
    {
        var (campaign, _) = await RunningCampaignAsync(0, s => s with { CallerId = Default, CallerIds = pool });
        await using var db = Db();
        db.Contacts.AddRange(phones.Select(p => new Contact
        {
            CampaignId = campaign.Id, Phone = p, TimeZones = [ZoneOpenNow()], Status = ContactStatus.Pending,
            NextAttemptAt = DateTimeOffset.UtcNow, CreatedAt = DateTimeOffset.UtcNow,
        }));
        await db.SaveChangesAsync();
        return campaign;
    }

    /// <summary>Dials one contact and waits until the simulator has its call: one choice at a time.</summary>
    public async Task<CallAttempt?> DialOneAsync(Campaign campaign)
    {
        var claimed = await DialAsync(campaign, 1);
        if (claimed.Count == 0) return null;
        return (await WaitForAttemptsAsync([claimed[0].Id],
            a => a.CallSid is not null || a.IsFinal))[0];
    }

    /// <param name="prefix">"+1212555": the numbers are the prefix and 1000, 1001...</param>
    public static string[] Phones(string prefix, int count) =>
        [.. Enumerable.Range(0, count).Select(i => $"{prefix}{1000 + i}")];

    /// <summary>The From of every call the simulator placed to a customer, by To.</summary>
    public Dictionary<string, string> FromByTo() =>
        Simulator.Calls.Snapshot(null).ToDictionary(c => c.To, c => c.From);
}
