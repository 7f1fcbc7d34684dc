using System.Net;
using System.Net.Http.Json;
using Dialer.Core.Auth;
using Dialer.Core.Contacts;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Lists;

[Collection(ApiCollection.Name)]
public sealed class RecyclingTests(ApiFactory api)
{
    readonly HttpClient _marketer = api.ClientAs(Role.Marketer);
    static readonly string[] Outcomes = ["busy", "no-answer", "failed", "completed"];
    static readonly string[] Dispositions = ["sale", "not-interested", "call-back"];
    static readonly ContactStatus[] Statuses =
        [ContactStatus.Pending, ContactStatus.Done, ContactStatus.Parked, ContactStatus.Suppressed];
    static readonly DateTimeOffset Epoch = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_previews_count_is_what_the_run_then_touches_on_generated_contacts()
    {
        var campaign = await _marketer.CreateCampaignAsync();
        var csv = "phone\n" + string.Concat(Enumerable.Range(0, 200).Select(i => $"+1415556{i:D4}\n"));
        var list = await _marketer.ListWithAsync(csv);
        (await _marketer.AttachAsync(campaign, list)).EnsureSuccessStatusCode();
        var random = new Random(17);

        for (var run = 0; run < 12; run++)
        {
            var contacts = await ScrambleAsync(campaign, random);
            var filter = RandomFilter(random);
            var preview = await _marketer.PostAsJsonAsync($"/api/campaigns/{campaign}/lists/{list}/recycle/preview",
                filter);
            Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
            var counted = (await preview.ReadJsonAsync())["contacts"]!.GetValue<int>();
            var expected = contacts.Count(c => Matches(c, filter));
            Assert.Equal(expected, counted);

            var before = DateTimeOffset.UtcNow;
            var done = await (await _marketer.PostAsJsonAsync($"/api/campaigns/{campaign}/lists/{list}/recycle",
                filter)).ReadJsonAsync();
            Assert.Equal(counted, done["contacts"]!.GetValue<int>());
            await using var db = api.Database.CreateDb();
            var due = await db.Contacts.AsNoTracking().Where(c => c.CampaignId == campaign && c.NextAttemptAt >= before)
                .ToListAsync();
            Assert.Equal(counted, due.Count);
            Assert.All(due, c => Assert.Equal(ContactStatus.Pending, c.Status));
            Assert.All(due, c => Assert.Equal(filter.ResetAttempts ? 0 : contacts.Single(o => o.Id == c.Id).Attempts,
                c.Attempts));
        }
        await using var history = api.Database.CreateDb();
        Assert.Equal(12, await history.CampaignChanges.CountAsync(c => c.CampaignId == campaign
            && c.Action == "recycled"));
    }

    /// <summary>The demo's calls (ops/lib/demo-lists.sh, recycle_demo_list): after a first pass, the no-answers and
    /// busies previewed, then recycled with the same filter.</summary>
    [Fact]
    public async Task The_demos_recycle_of_no_answers_and_busies_touches_what_its_preview_counted()
    {
        var campaign = await _marketer.CreateCampaignAsync();
        var csv = "phone\n" + string.Concat(Enumerable.Range(0, 30).Select(i => $"+1415554{i:D4}\n"));
        var list = await _marketer.ListWithAsync(csv);
        (await _marketer.AttachAsync(campaign, list)).EnsureSuccessStatusCode();
        await using (var db = api.Database.CreateDb()) // the first pass: every contact called once
        {
            var contacts = await db.Contacts.Where(c => c.CampaignId == campaign).OrderBy(c => c.Id).ToListAsync();
            for (var i = 0; i < contacts.Count; i++)
                (contacts[i].Status, contacts[i].Attempts, contacts[i].LastOutcome) =
                    (ContactStatus.Done, 1, Outcomes[i % Outcomes.Length]);
            await db.SaveChangesAsync();
        }
        var filter = new { lastOutcome = new[] { "no-answer", "busy" } };
        var preview = await (await _marketer.PostAsJsonAsync(
            $"/api/campaigns/{campaign}/lists/{list}/recycle/preview", filter)).ReadJsonAsync();
        var recycled = await (await _marketer.PostAsJsonAsync(
            $"/api/campaigns/{campaign}/lists/{list}/recycle", filter)).ReadJsonAsync();

        Assert.Equal(16, preview["contacts"]!.GetValue<int>()); // 8 of each, of 30 cycling through four outcomes
        Assert.Equal(16, recycled["contacts"]!.GetValue<int>());
        await using var after = api.Database.CreateDb();
        Assert.Equal(16, await after.Contacts.CountAsync(c => c.CampaignId == campaign
            && c.Status == ContactStatus.Pending && c.Priority == DialPriority.Retry));
    }

    [Fact]
    public async Task A_bad_filter_is_a_400_naming_the_field_and_another_campaigns_list_a_404()
    {
        var campaign = await _marketer.CreateCampaignAsync();
        var list = await _marketer.ListWithAsync("phone\n+14155570000\n");
        (await _marketer.AttachAsync(campaign, list)).EnsureSuccessStatusCode();
        var bad = await _marketer.PostAsJsonAsync($"/api/campaigns/{campaign}/lists/{list}/recycle/preview",
            new { status = new[] { "Suppressed" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("status", await bad.Content.ReadAsStringAsync());
        var other = await _marketer.CreateCampaignAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await _marketer.PostAsJsonAsync(
            $"/api/campaigns/{other}/lists/{list}/recycle", new { })).StatusCode);
    }

    static bool Matches(Contact c, Filter f) =>
        (f.Status is { } s ? s.Contains(c.Status.ToString()) : c.Status != ContactStatus.Suppressed)
        && (f.LastOutcome is not { } o || o.Contains(c.LastOutcome))
        && (f.Disposition is not { } d || d.Contains(c.Disposition))
        && (f.AttemptsAtMost is not { } most || c.Attempts <= most)
        && (f.AttemptsAtLeast is not { } least || c.Attempts >= least)
        && (f.LastCallBefore is not { } before || c.LastAttemptAt < before);

    public sealed record Filter(string[]? Status, string[]? LastOutcome, string[]? Disposition, int? AttemptsAtMost,
        int? AttemptsAtLeast, DateTimeOffset? LastCallBefore, bool ResetAttempts);

    static Filter RandomFilter(Random r)
    {
        T[]? Some<T>(T[] all) // an empty list filters nothing, as leaving it out
        {
            if (r.Next(3) == 0) return null;
            T[] some = [.. all.Where(_ => r.Next(2) == 0)];
            return some.Length > 0 ? some : null;
        }
        return new Filter(
            Some(["Pending", "Done", "Parked"]), Some(Outcomes), Some(Dispositions),
            r.Next(3) == 0 ? r.Next(6) : null, r.Next(3) == 0 ? r.Next(6) : null,
            r.Next(3) == 0 ? Epoch.AddDays(r.Next(30)) : null, r.Next(2) == 0);
    }

    /// <summary>Every contact of the campaign given a random status, outcome, disposition, attempts and last call.
    /// </summary>
    async Task<List<Contact>> ScrambleAsync(Guid campaign, Random r)
    {
        await using var db = api.Database.CreateDb();
        var contacts = await db.Contacts.Where(c => c.CampaignId == campaign).ToListAsync();
        foreach (var c in contacts)
        {
            c.Status = Statuses[r.Next(Statuses.Length)];
            c.LastOutcome = r.Next(5) == 0 ? null : Outcomes[r.Next(Outcomes.Length)];
            c.Disposition = r.Next(3) == 0 ? null : Dispositions[r.Next(Dispositions.Length)];
            c.Attempts = r.Next(6);
            c.LastAttemptAt = r.Next(5) == 0 ? null : Epoch.AddDays(r.Next(30)).AddHours(r.Next(24));
            c.NextAttemptAt = Epoch;
        }
        await db.SaveChangesAsync();
        return contacts;
    }
}
