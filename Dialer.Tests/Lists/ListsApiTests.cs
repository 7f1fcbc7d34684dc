using System.Net;
using System.Net.Http.Json;
using Dialer.Core.Auth;
using Dialer.Core.Contacts;
using Dialer.Core.Lists;
using Dialer.Tests.Infrastructure;
using Dialer.Tests.Teams;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Lists;

[Collection(ApiCollection.Name)]
public sealed class ListsApiTests(ApiFactory api)
{
    readonly HttpClient _marketer = api.ClientAs(Role.Marketer);

    async Task<List<Contact>> ContactsOf(Guid campaign)
    {
        await using var db = api.Database.CreateDb();
        return await db.Contacts.AsNoTracking().Where(c => c.CampaignId == campaign).OrderBy(c => c.Id).ToListAsync();
    }

    static string Numbers(int from, int count) =>
        "phone,name,plan\n" + string.Concat(Enumerable.Range(from, count).Select(i => $"+1415555{i:D4},P{i},gold\n"));

    [Fact]
    public async Task A_list_is_read_as_the_campaign_import_reads_bad_rows_by_line_and_uploaded_once()
    {
        var id = await _marketer.CreateListAsync();
        var response = await _marketer.UploadListAsync(id,
            "phone,name,plan\n+14155550100,Ann,gold\nnot a number,Bob,x\n(415) 555-0101,Cy,\n+14155550100,Ann,again\n");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.ReadJsonAsync();
        Assert.Equal(2, report["imported"]!.GetValue<int>());
        Assert.Equal(1, report["duplicates"]!.GetValue<int>());
        Assert.Equal([3], report["rejected"]!.AsArray().Select(r => r!["line"]!.GetValue<int>()));

        var list = await (await _marketer.GetAsync($"/api/lists/{id}")).ReadJsonAsync();
        Assert.Equal(2, list["rowCount"]!.GetValue<int>());
        Assert.Equal(1, list["rejectedCount"]!.GetValue<int>());
        Assert.Equal(["phone", "name", "plan"], list["columns"]!.AsArray().Select(c => c!.GetValue<string>()));

        Assert.Equal(HttpStatusCode.Conflict, (await _marketer.UploadListAsync(id, Numbers(0, 2))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await _marketer.PostAsJsonAsync("/api/lists", new { name = new string('x', 201) })).StatusCode);
    }

    [Fact]
    public async Task Attaching_copies_the_rows_into_the_campaign_do_not_call_suppressed_and_known_numbers_left_alone()
    {
        var campaign = await _marketer.CreateCampaignAsync();
        (await _marketer.UploadCsvAsync(campaign, "phone\n+14155551000\n")).EnsureSuccessStatusCode();
        var listed = new { numbers = new[] { "+14155551002" }, campaignId = campaign };
        (await _marketer.PostAsJsonAsync("/api/do-not-call", listed)).EnsureSuccessStatusCode();
        var list = await _marketer.ListWithAsync(Numbers(1000, 4));

        var attached = await _marketer.AttachAsync(campaign, list);
        Assert.Equal(HttpStatusCode.Created, attached.StatusCode);
        var body = await attached.ReadJsonAsync();
        Assert.Equal((3, 1, 1), (body["added"]!.GetValue<int>(), body["suppressed"]!.GetValue<int>(),
            body["alreadyInCampaign"]!.GetValue<int>()));

        var contacts = await ContactsOf(campaign);
        Assert.Equal(4, contacts.Count);
        Assert.Null(contacts[0].ListId); // uploaded to the campaign itself, untouched
        Assert.All(contacts.Skip(1), c => Assert.Equal(list, c.ListId));
        Assert.Equal(ContactStatus.Suppressed, contacts.Single(c => c.Phone == "+14155551002").Status);
        Assert.Equal("gold", System.Text.Json.Nodes.JsonNode.Parse(contacts[1].CustomFields!)!["plan"]!.ToString());
        Assert.Equal(HttpStatusCode.Conflict, (await _marketer.AttachAsync(campaign, list)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _marketer.DeleteAsync($"/api/lists/{list}")).StatusCode);

        await using var db = api.Database.CreateDb();
        Assert.Contains(await db.CampaignChanges.Where(c => c.CampaignId == campaign).ToListAsync(),
            c => c.Action == "list-attached" && c.Note!.Contains("3 contacts added"));
    }

    [Fact]
    public async Task An_inactive_list_is_parked_until_activated_and_priority_orders_lists_in_the_claim()
    {
        var campaign = await _marketer.CreateCampaignAsync();
        var later = await _marketer.ListWithAsync(Numbers(2000, 3));
        var first = await _marketer.ListWithAsync(Numbers(2100, 3));
        (await _marketer.AttachAsync(campaign, later, active: false, priority: 5)).EnsureSuccessStatusCode();
        (await _marketer.AttachAsync(campaign, first, priority: 1)).EnsureSuccessStatusCode();

        var contacts = await ContactsOf(campaign);
        Assert.All(contacts.Where(c => c.ListId == later), c => Assert.Equal(ContactStatus.Parked, c.Status));
        Assert.All(contacts.Where(c => c.ListId == first), c => Assert.Equal(ContactStatus.Pending, c.Status));

        var activated = await _marketer.PatchAsJsonAsync($"/api/campaigns/{campaign}/lists/{later}",
            new { active = true });
        Assert.Equal(HttpStatusCode.OK, activated.StatusCode);
        contacts = await ContactsOf(campaign);
        Assert.All(contacts, c => Assert.Equal(ContactStatus.Pending, c.Status));
        Assert.Equal([first, first, first, later, later, later], await ClaimOrderAsync(campaign));

        (await _marketer.PatchAsJsonAsync($"/api/campaigns/{campaign}/lists/{later}", new { priority = 0 }))
            .EnsureSuccessStatusCode();
        Assert.Equal([later, later, later, first, first, first], await ClaimOrderAsync(campaign));

        (await _marketer.PatchAsJsonAsync($"/api/campaigns/{campaign}/lists/{later}", new { active = false }))
            .EnsureSuccessStatusCode();
        Assert.Equal([first, first, first], await ClaimOrderAsync(campaign));
        Assert.Equal(HttpStatusCode.BadRequest, (await _marketer.PatchAsJsonAsync(
            $"/api/campaigns/{campaign}/lists/{later}", new { priority = CampaignList.MaxPriority + 1 })).StatusCode);
    }

    /// <summary>The lists of the contacts the claim's query would take, in its order (ContactClaimer).</summary>
    async Task<List<Guid?>> ClaimOrderAsync(Guid campaign)
    {
        await using var db = api.Database.CreateDb();
        var now = DateTimeOffset.UtcNow;
        return await db.Contacts.FromSql($"""
            SELECT * FROM contacts
            WHERE campaign_id = {campaign} AND status = 'Pending' AND next_attempt_at <= {now}
              AND (held_until IS NULL OR held_until <= {now})
            ORDER BY priority, next_attempt_at, id
            """).Select(c => c.ListId).ToListAsync();
    }

    [Fact]
    public async Task Detaching_removes_the_contacts_never_dialed_and_parks_the_rest()
    {
        var campaign = await _marketer.CreateCampaignAsync();
        var list = await _marketer.ListWithAsync(Numbers(3000, 3));
        (await _marketer.AttachAsync(campaign, list)).EnsureSuccessStatusCode();
        await using (var db = api.Database.CreateDb())
        {
            var dialed = await db.Contacts.FirstAsync(c => c.CampaignId == campaign);
            dialed.Attempts = 1;
            await db.SaveChangesAsync();
        }

        var detached = await (await _marketer.DeleteAsync($"/api/campaigns/{campaign}/lists/{list}")).ReadJsonAsync();
        Assert.Equal((2, 1), (detached["removed"]!.GetValue<int>(), detached["kept"]!.GetValue<int>()));
        var kept = Assert.Single(await ContactsOf(campaign));
        Assert.Equal(ContactStatus.Parked, kept.Status);
        Assert.Equal(HttpStatusCode.NoContent, (await _marketer.DeleteAsync($"/api/lists/{list}")).StatusCode);
        Assert.Null(Assert.Single(await ContactsOf(campaign)).ListId);
    }

    [Fact]
    public async Task Another_teams_list_is_a_404_everywhere_and_not_listed()
    {
        var teams = await new TwoTeams(api).MakeAsync();
        var list = await teams.MarketerA.ListWithAsync(Numbers(4000, 2));

        Assert.Equal(HttpStatusCode.NotFound, (await teams.MarketerB.GetAsync($"/api/lists/{list}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await teams.MarketerB.UploadListAsync(list, Numbers(0, 1))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await teams.MarketerB.DeleteAsync($"/api/lists/{list}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await teams.MarketerB.AttachAsync(teams.CampaignB, list)).StatusCode);
        var theirs = await (await teams.MarketerB.GetAsync("/api/lists")).ReadJsonAsync();
        Assert.DoesNotContain(theirs["items"]!.AsArray(), l => l!["id"]!.GetValue<Guid>() == list);
        Assert.Equal(HttpStatusCode.Forbidden, (await teams.ManagerA.CreateListAsyncStatus()).StatusCode);

        // an admin sees both teams, but a list joins only its own team's campaigns
        var admin = api.ClientAs(Role.Admin);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.AttachAsync(teams.CampaignB, list)).StatusCode);
        await using var db = api.Database.CreateDb();
        Assert.False(await db.Contacts.AnyAsync(c => c.ListId == list));
    }
}

static class ManagerCalls
{
    public static Task<HttpResponseMessage> CreateListAsyncStatus(this HttpClient client) =>
        client.PostAsJsonAsync("/api/lists", new { name = "not mine to make" });
}
