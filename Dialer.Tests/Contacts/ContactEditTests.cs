using System.Net;
using System.Net.Http.Json;
using Dialer.Core.Auth;
using Dialer.Core.Contacts;
using Dialer.Core.Dialing;
using Dialer.Tests.Infrastructure;
using Dialer.Tests.Lists;
using Dialer.Tests.Teams;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Contacts;

[Collection(ApiCollection.Name)]
public sealed class ContactEditTests(ApiFactory api)
{
    readonly HttpClient _marketer = api.ClientAs(Role.Marketer);

    async Task<(Guid Campaign, long Contact)> CampaignWithContactAsync(string phone = "+14155560100")
    {
        var campaign = await _marketer.CreateCampaignAsync();
        var added = await _marketer.PostAsJsonAsync($"/api/campaigns/{campaign}/contacts/new",
            new { phone, name = "Ann Lee", customFields = new { segment = "gold" }, state = "FL" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        return (campaign, (await added.ReadJsonAsync())["id"]!.GetValue<long>());
    }

    async Task<List<string>> HistoryAsync(Guid campaign)
    {
        await using var db = api.Database.CreateDb();
        return await db.CampaignChanges.Where(c => c.CampaignId == campaign).OrderBy(c => c.At)
            .Select(c => c.Action + ": " + c.Note).ToListAsync();
    }

    [Fact]
    public async Task A_marketer_adds_reads_edits_and_deletes_a_contact_each_change_in_the_campaigns_history()
    {
        var (campaign, id) = await CampaignWithContactAsync();
        var read = await (await _marketer.GetAsync($"/api/campaigns/{campaign}/contacts/{id}")).ReadJsonAsync();
        Assert.Equal(("+14155560100", "Ann Lee", "US-FL", "gold"), (read["phone"]!.GetValue<string>(),
            read["name"]!.GetValue<string>(), read["statedJurisdiction"]!.GetValue<string>(),
            read["customFields"]!["segment"]!.GetValue<string>()));

        var edited = await _marketer.PatchAsJsonAsync($"/api/campaigns/{campaign}/contacts/{id}",
            new { name = "Ann Leigh", customFields = new { segment = "silver", plan = "b" } });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var contact = (await edited.ReadJsonAsync())["contact"]!;
        Assert.Equal("Ann Leigh", contact["name"]!.GetValue<string>());
        Assert.Equal("silver", contact["customFields"]!["segment"]!.GetValue<string>());

        var deleted = await (await _marketer.DeleteAsync($"/api/campaigns/{campaign}/contacts/{id}")).ReadJsonAsync();
        Assert.True(deleted["deleted"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NotFound,
            (await _marketer.GetAsync($"/api/campaigns/{campaign}/contacts/{id}")).StatusCode);

        var history = await HistoryAsync(campaign);
        Assert.Contains(history, h => h.StartsWith("contact-added") && h.Contains("*0100"));
        Assert.Contains(history, h => h == $"contact-edited: contact {id}: name, customFields");
        Assert.Contains(history, h => h.StartsWith("contact-deleted") && h.Contains("deleted"));
        Assert.DoesNotContain(history, h => h.Contains("4155560100")); // masked, never in clear
    }

    [Fact]
    public async Task A_bad_number_is_a_400_naming_phone_a_do_not_call_number_is_suppressed_and_a_duplicate_a_409()
    {
        var (campaign, id) = await CampaignWithContactAsync("+14155560200");
        var bad = await _marketer.PatchAsJsonAsync($"/api/campaigns/{campaign}/contacts/{id}", new { phone = "12" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.ReadJsonAsync();
        Assert.NotNull(problem["errors"]!["phone"]);
        var tooLong = await _marketer.PatchAsJsonAsync($"/api/campaigns/{campaign}/contacts/{id}",
            new { name = new string('x', 201) });
        Assert.NotNull((await tooLong.ReadJsonAsync())["errors"]!["name"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await _marketer.PostAsJsonAsync(
            $"/api/campaigns/{campaign}/contacts/new", new { name = "no number" })).StatusCode);

        (await _marketer.PostAsJsonAsync("/api/do-not-call",
            new { numbers = new[] { "+14155560299" }, campaignId = campaign })).EnsureSuccessStatusCode();
        var listed = await _marketer.PatchAsJsonAsync($"/api/campaigns/{campaign}/contacts/{id}",
            new { phone = "(415) 556-0299" });
        var contact = (await listed.ReadJsonAsync())["contact"]!;
        Assert.Equal(("+14155560299", "suppressed"), (contact["phone"]!.GetValue<string>(),
            contact["status"]!.GetValue<string>()));

        var other = await _marketer.PostAsJsonAsync($"/api/campaigns/{campaign}/contacts/new",
            new { phone = "+1 415 556 0299" });
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Contains($"contact {id}", (await other.ReadJsonAsync())["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_contact_being_dialed_is_a_409_saying_why_and_nothing_changes()
    {
        var (campaign, id) = await CampaignWithContactAsync("+14155560300");
        await using (var db = api.Database.CreateDb())
        {
            db.CallAttempts.Add(CallAttempt.Create(campaign, id, DateTimeOffset.UtcNow));
            await db.Contacts.Where(c => c.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ContactStatus.Dialing));
            await db.SaveChangesAsync();
        }
        foreach (var response in new[]
        {
            await _marketer.PatchAsJsonAsync($"/api/campaigns/{campaign}/contacts/{id}", new { name = "Zed" }),
            await _marketer.DeleteAsync($"/api/campaigns/{campaign}/contacts/{id}"),
        })
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Contains("being dialed right now", (await response.ReadJsonAsync())["detail"]!.GetValue<string>());
        }
        await using var check = api.Database.CreateDb();
        Assert.Equal("Ann Lee", (await check.Contacts.SingleAsync(c => c.Id == id)).Name);
    }

    [Fact]
    public async Task A_new_number_for_a_contact_with_calls_retires_it_with_them_and_adds_the_number_afresh()
    {
        var (campaign, id) = await CampaignWithContactAsync("+14155560400");
        await using (var db = api.Database.CreateDb())
        {
            var attempt = CallAttempt.Create(campaign, id, DateTimeOffset.UtcNow.AddHours(-1));
            attempt.State = AttemptState.NoAnswer;
            db.CallAttempts.Add(attempt);
            await db.SaveChangesAsync();
            await db.Contacts.Where(c => c.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Attempts, 1).SetProperty(c => c.LastOutcome, "no-answer"));
        }
        var edited = await (await _marketer.PatchAsJsonAsync($"/api/campaigns/{campaign}/contacts/{id}",
            new { phone = "+14155560401" })).ReadJsonAsync();
        Assert.Equal(id, edited["replacedContactId"]!.GetValue<long>());
        var fresh = edited["contact"]!;
        Assert.NotEqual(id, fresh["id"]!.GetValue<long>());
        Assert.Equal((0, "pending", "Ann Lee", "gold"), (fresh["attempts"]!.GetValue<int>(),
            fresh["status"]!.GetValue<string>(), fresh["name"]!.GetValue<string>(),
            fresh["customFields"]!["segment"]!.GetValue<string>()));

        await using var check = api.Database.CreateDb();
        var old = await check.Contacts.SingleAsync(c => c.Id == id);
        Assert.Equal(("+14155560400", ContactStatus.Done, "number-changed"), (old.Phone, old.Status, old.LastOutcome));
        Assert.Equal(1, await check.CallAttempts.CountAsync(a => a.ContactId == id));

        // deleting a contact with calls keeps it, retired, with them
        var deleted = await (await _marketer.DeleteAsync($"/api/campaigns/{campaign}/contacts/{id}")).ReadJsonAsync();
        Assert.True(deleted["retired"]!.GetValue<bool>());
        Assert.Equal(1, await check.CallAttempts.CountAsync(a => a.ContactId == id));
    }

    [Fact]
    public async Task Another_teams_contact_is_a_404_and_a_manager_may_read_but_not_edit()
    {
        var teams = await new TwoTeams(api).MakeAsync();
        await using var db = api.Database.CreateDb();
        var theirs = await db.Contacts.Where(c => c.CampaignId == teams.CampaignA).Select(c => c.Id).FirstAsync();
        foreach (var path in new[] { $"/api/campaigns/{teams.CampaignA}/contacts/{theirs}",
            $"/api/campaigns/{teams.CampaignB}/contacts/{theirs}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await teams.MarketerB.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound,
                (await teams.MarketerB.PatchAsJsonAsync(path, new { name = "x" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await teams.MarketerB.DeleteAsync(path)).StatusCode);
        }
        var search = await (await teams.MarketerB.GetAsync(
            $"/api/campaigns/{teams.CampaignB}/contacts?q=4155550401")).ReadJsonAsync();
        Assert.Equal(0, search["total"]!.GetValue<int>());
        var mine = $"/api/campaigns/{teams.CampaignA}/contacts/{theirs}";
        Assert.Equal(HttpStatusCode.OK, (await teams.ManagerA.GetAsync(mine)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await teams.ManagerA.PatchAsJsonAsync(mine, new { name = "x" })).StatusCode);
    }

    [Fact]
    public async Task The_search_filters_by_status_attempts_text_digits_and_a_column_and_pages_by_key()
    {
        var campaign = await _marketer.CreateCampaignAsync();
        var csv = "phone,name,segment\n" + string.Concat(Enumerable.Range(0, 30).Select(i =>
            $"+1415557{i:D4},{(i % 3 == 0 ? "Maria" : "John")} {i},{(i % 2 == 0 ? "gold" : "silver")}\n"));
        (await _marketer.UploadCsvAsync(campaign, csv)).EnsureSuccessStatusCode();
        await using (var db = api.Database.CreateDb())
            await db.Contacts.Where(c => c.CampaignId == campaign && c.Phone.EndsWith("5")).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, ContactStatus.Done).SetProperty(c => c.Attempts, 2)
                .SetProperty(c => c.LastOutcome, "busy"));

        async Task<int> Total(string query)
        {
            var response = await _marketer.GetAsync($"/api/campaigns/{campaign}/contacts?{query}");
            Assert.True(response.IsSuccessStatusCode, query + ": " + await response.Content.ReadAsStringAsync());
            return (await response.ReadJsonAsync())["total"]!.GetValue<int>();
        }
        Assert.Equal(3, await Total("status=Done"));
        Assert.Equal(27, await Total("status=pending"));
        Assert.Equal(3, await Total("attemptsAtLeast=2&lastOutcome=busy"));
        Assert.Equal(10, await Total("q=maria"));
        Assert.Equal(1, await Total("q=(415) 557-0012"));
        Assert.Equal(10, await Total("q=557-001"));
        Assert.Equal(15, await Total("column=segment&value=gold"));
        Assert.Equal(30, await Total("column=segment&value=gold&value=silver"));
        Assert.Equal(5, await Total("q=maria&column=segment&value=gold"));

        var first = await (await _marketer.GetAsync($"/api/campaigns/{campaign}/contacts?pageSize=20")).ReadJsonAsync();
        var after = first["nextAfter"]!.GetValue<long>();
        var second = await (await _marketer.GetAsync(
            $"/api/campaigns/{campaign}/contacts?pageSize=20&after={after}")).ReadJsonAsync();
        Assert.Equal(10, second["items"]!.AsArray().Count);

        foreach (var (query, field) in new[] { ("status=Sleeping", "status"), ($"q={new string('a', 101)}", "q"),
            ("column=segment", "value"), ($"column={new string('c', 65)}&value=x", "column") })
        {
            var bad = await _marketer.GetAsync($"/api/campaigns/{campaign}/contacts?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.NotNull((await bad.ReadJsonAsync())["errors"]![field]);
        }
    }

    [Fact]
    public async Task A_lists_row_is_added_edited_searched_and_deleted_and_another_teams_row_is_a_404()
    {
        var list = await _marketer.ListWithAsync("phone,name\n+14155580001,Ann\n+14155580002,Bob\n");
        var added = await _marketer.PostAsJsonAsync($"/api/lists/{list}/rows",
            new { phone = "415 558 0003", name = "Cy", customFields = new { plan = "gold" } });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var row = (await added.ReadJsonAsync())["id"]!.GetValue<long>();
        var edited = await (await _marketer.PatchAsJsonAsync($"/api/lists/{list}/rows/{row}",
            new { phone = "+14155580004" })).ReadJsonAsync();
        Assert.Equal("+14155580004", edited["phone"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await _marketer.PatchAsJsonAsync($"/api/lists/{list}/rows/{row}",
            new { phone = "+14155580001" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _marketer.PatchAsJsonAsync($"/api/lists/{list}/rows/{row}",
            new { phone = "not a number" })).StatusCode);
        var found = await (await _marketer.GetAsync($"/api/lists/{list}/rows?q=cy")).ReadJsonAsync();
        Assert.Equal(row, found["items"]![0]!["id"]!.GetValue<long>());
        Assert.Equal(3, (await (await _marketer.GetAsync($"/api/lists/{list}")).ReadJsonAsync())["rowCount"]!
            .GetValue<int>());

        var teams = await new TwoTeams(api).MakeAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await teams.MarketerB.GetAsync($"/api/lists/{list}/rows/{row}"))
            .StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await teams.MarketerB.GetAsync($"/api/lists/{list}/rows?q=558"))
            .StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await teams.MarketerB.DeleteAsync($"/api/lists/{list}/rows/{row}"))
            .StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await _marketer.DeleteAsync($"/api/lists/{list}/rows/{row}"))
            .StatusCode);
        Assert.Equal(2, (await (await _marketer.GetAsync($"/api/lists/{list}")).ReadJsonAsync())["rowCount"]!
            .GetValue<int>());
    }
}
