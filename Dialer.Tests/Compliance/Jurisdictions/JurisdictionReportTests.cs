using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dialer.Core.Compliance;
using Dialer.Core.Contacts;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Compliance.Jurisdictions;

/// <summary>
/// GET /api/campaigns/{id}/jurisdictions over a campaign dialed for real: Florida and British numbers, one Floridian
/// on the do-not-call list, the simulator answering some and not others.
/// </summary>
public sealed class JurisdictionReportTests(JurisdictionReportWorld world) : IClassFixture<JurisdictionReportWorld>
{
    [Fact]
    public async Task Calls_are_counted_under_each_contacts_jurisdiction_as_the_simulator_saw_them()
    {
        var (campaign, _) = await world.RunningCampaignAsync(0);
        var zone = DialingWorld.ZoneOpenNow();
        Contact New(string phone, string? stated) => new()
        {
            CampaignId = campaign.Id, Phone = phone, StatedJurisdiction = stated, TimeZones = [zone],
            Status = ContactStatus.Pending, NextAttemptAt = DateTimeOffset.UtcNow, CreatedAt = DateTimeOffset.UtcNow,
        };
        var florida = Enumerable.Range(0, 6).Select(i => New($"+1305555{i:D4}", "US-FL")).ToList();
        var britain = Enumerable.Range(0, 4).Select(i => New($"+44207946{i:D4}", null)).ToList();
        await using (var db = world.Db())
        {
            db.Contacts.AddRange([.. florida, .. britain]);
            db.DoNotCall.Add(new DoNotCallEntry { Phone = florida[0].Phone, AddedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        var dialed = await world.DialAsync(campaign, 10);
        Assert.Equal(9, dialed.Count);
        var attempts = await world.WaitForAttemptsAsync(dialed.Select(a => a.Id), a => a.IsFinal,
            TimeSpan.FromSeconds(60));

        var report = (await world.Manager.GetFromJsonAsync<JsonObject>($"/api/campaigns/{campaign.Id}/jurisdictions"))!;
        var rows = report["jurisdictions"]!.AsArray().ToDictionary(r => (string)r!["jurisdiction"]!, r => r!);
        Assert.Equal(["GB", "US-FL"], rows.Keys.Order());
        foreach (var (code, contacts) in new[] { ("US-FL", florida), ("GB", britain) })
        {
            var row = rows[code];
            var phones = contacts.Select(c => c.Phone).ToHashSet();
            var ids = contacts.Select(c => c.Id).ToHashSet();
            var simulated = phones.Sum(p => world.Simulator.Calls.Snapshot(p).Count);
            var answered = attempts.Count(a => ids.Contains(a.ContactId) && a.AnsweredAt is not null);
            Assert.Equal(contacts.Count, (long)row["contacts"]!);
            Assert.Equal(simulated, (long)row["dialed"]!);
            Assert.Equal(answered, (long)row["answered"]!);
        }
        Assert.Equal(5, (long)rows["US-FL"]["dialed"]!);
        Assert.Equal(4, (long)rows["GB"]["dialed"]!);
        Assert.Equal(1, (long)rows["US-FL"]["refused"]!);
        Assert.Equal(1, (long)rows["US-FL"]["refusals"]![DialPermit.DoNotCall]!);
        Assert.Equal(0, (long)rows["GB"]["refused"]!);
        Assert.Empty(world.Simulator.Calls.Snapshot(florida[0].Phone));
        // some answered and some not, or the answered column proves nothing
        Assert.InRange(attempts.Count(a => a.AnsweredAt is not null), 1, 8);
    }

    [Fact]
    public async Task A_contact_refused_at_the_dial_counts_once_under_its_place()
    {
        var (campaign, _) = await world.RunningCampaignAsync(0);
        await using (var db = world.Db())
        {
            var contact = new Contact
            {
                CampaignId = campaign.Id, Phone = "+14165550123", TimeZones = ["America/Toronto"],
                Status = ContactStatus.Done, LastOutcome = DialPermit.NoConsent, CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Contacts.Add(contact);
            await db.SaveChangesAsync();
        }

        var report = (await world.Manager.GetFromJsonAsync<JsonObject>($"/api/campaigns/{campaign.Id}/jurisdictions"))!;

        var row = Assert.Single(report["jurisdictions"]!.AsArray())!;
        Assert.Equal("CA-ON", (string)row["jurisdiction"]!);
        Assert.Equal((0L, 1L), ((long)row["dialed"]!, (long)row["refused"]!));
        Assert.Equal(1, (long)row["refusals"]![DialPermit.NoConsent]!);
    }

    [Fact]
    public async Task A_contact_held_until_its_hours_open_counts_as_waiting_not_refused()
    {
        var (campaign, _) = await world.RunningCampaignAsync(0);
        var contact = new Contact
        {
            CampaignId = campaign.Id, Phone = "+12125550199", TimeZones = [ZoneAtNight()],
            Status = ContactStatus.Pending, NextAttemptAt = DateTimeOffset.UtcNow, CreatedAt = DateTimeOffset.UtcNow,
        };
        await using (var db = world.Db())
        {
            db.Contacts.Add(contact);
            await db.SaveChangesAsync();
        }

        Assert.Empty(await world.DialAsync(campaign, 1)); // the claim's permit holds it until the morning
        var report = (await world.Manager.GetFromJsonAsync<JsonObject>($"/api/campaigns/{campaign.Id}/jurisdictions"))!;

        var row = Assert.Single(report["jurisdictions"]!.AsArray())!;
        Assert.Equal((1L, 0L, 0L, 1L),
            ((long)row["contacts"]!, (long)row["dialed"]!, (long)row["refused"]!, (long)row["waiting"]!));
        await using var check = world.Db();
        var held = (await check.Contacts.AsNoTracking().SingleAsync(c => c.Id == contact.Id)).NextAttemptAt!.Value;
        Assert.True(held > DateTimeOffset.UtcNow.AddMinutes(30));
        Assert.Equal(held, (DateTimeOffset)row["nextDueAt"]!, TimeSpan.FromMilliseconds(1));
    }

    /// <summary>A zone where it is between 01:00 and 06:00 now: every shipped calling window is shut there. The zones
    /// are at most five hours apart, so one always is.</summary>
    static string ZoneAtNight() =>
        new[] { "Pacific/Auckland", "Asia/Tokyo", "Asia/Dubai", "Europe/London", "America/Sao_Paulo",
                "America/Chicago", "Pacific/Honolulu" }
            .First(z => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(z)).Hour
                is >= 1 and < 6);

    [Fact]
    public async Task An_unknown_campaign_is_not_found()
    {
        var response = await world.Manager.GetAsync($"/api/campaigns/{Guid.NewGuid()}/jurisdictions");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
