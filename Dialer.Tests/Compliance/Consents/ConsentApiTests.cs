using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dialer.Core.Auth;
using Dialer.Core.Compliance;
using Dialer.Core.Contacts;
using Dialer.Tests.Infrastructure;
using Dialer.Tests.Teams;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Compliance.Consents;

[Collection(ApiCollection.Name)]
public sealed class ConsentApiTests(ApiFactory api)
{
    readonly HttpClient _marketer = api.ClientAs(Role.Marketer);

    const string Header = "phone,name,consent,consent_source,consent_at,consent_text,consent_reference\n";

    async Task<long> ContactIdAsync(Guid campaign, string phone)
    {
        await using var db = api.Database.CreateDb();
        return await db.Contacts.Where(c => c.CampaignId == campaign && c.Phone == phone).Select(c => c.Id)
            .SingleAsync();
    }

    [Fact]
    public async Task A_list_imports_its_good_consent_rows_and_reports_each_bad_one_with_its_column()
    {
        var id = await _marketer.CreateCampaignAsync();
        var csv = Header
            + "+34915550201,Ana,marketing-calls,web form,2026-05-01,Acepto recibir llamadas,\n"
            + "+34915550202,Luis,marketing-calls;prerecorded,recorded call,2026-05-01T10:30:00Z,,REC-42\n"
            + "+34915550203,Eva,,,,,\n"
            + "+34915550204,Bad kind,sms,web form,2026-05-01,words,\n"
            + "+34915550205,No date,marketing-calls,web form,,words,\n"
            + "+34915550206,Future,marketing-calls,web form,2099-01-01,words,\n"
            + "+34915550207,No words,marketing-calls,web form,2026-05-01,,\n"
            + "+34915550208,No kind,,web form,2026-05-01,words,\n"
            + "+34915550209,Bad date,marketing-calls,web form,yesterday,words,\n";

        var report = await (await _marketer.UploadCsvAsync(id, csv)).ReadJsonAsync();

        Assert.Equal(3, report["imported"]!.GetValue<int>());
        Assert.Equal(3, report["consents"]!.GetValue<int>());
        var rejected = report["rejected"]!.AsArray()
            .ToDictionary(r => r!["line"]!.GetValue<int>(), r => r!["reason"]!.GetValue<string>());
        Assert.Equal([5, 6, 7, 8, 9, 10], rejected.Keys.Order());
        Assert.StartsWith("consent: 'sms' is not a consent kind", rejected[5]);
        Assert.StartsWith("consent_at: Say when", rejected[6]);
        Assert.StartsWith("consent_at: A consent cannot be given in the future", rejected[7]);
        Assert.StartsWith("consent_text: Give the words agreed", rejected[8]);
        Assert.StartsWith("consent details without a consent kind", rejected[9]);
        Assert.StartsWith("consent_at 'yesterday' is not a date", rejected[10]);

        await using var db = api.Database.CreateDb();
        var consents = await db.Consents.Where(c => c.CampaignId == id).OrderBy(c => c.Kind).ThenBy(c => c.ContactId)
            .Select(c => new { c.Kind, c.Source, c.Text, c.Reference, c.RecordedBy }).ToListAsync();
        Assert.Equal(["marketing-calls", "marketing-calls", "prerecorded"], consents.Select(c => c.Kind));
        Assert.Equal("Acepto recibir llamadas", consents[0].Text);
        Assert.Equal("REC-42", consents[2].Reference);
        Assert.All(consents, c => Assert.Equal("import", c.RecordedBy));
        var custom = await db.Contacts.Where(c => c.CampaignId == id).Select(c => c.CustomFields).ToListAsync();
        Assert.All(custom, Assert.Null); // the consent columns are not custom fields

        // the same list again brings no second record
        var again = await (await _marketer.UploadCsvAsync(id, csv)).ReadJsonAsync();
        Assert.Equal(0, again["consents"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_marketer_adds_and_withdraws_consent_a_manager_reads_it_and_may_not_change_it()
    {
        var id = await _marketer.CreateCampaignAsync();
        await _marketer.UploadCsvAsync(id, "phone\n+34915550221\n");
        var contact = await ContactIdAsync(id, "+34915550221");
        var path = $"/api/campaigns/{id}/contacts/{contact}/consents";
        var consent = new
        {
            kind = "marketing-calls", source = "web form", givenAt = DateTimeOffset.UtcNow.AddDays(-2),
            text = "Acepto",
        };

        var manager = api.ClientAs(Role.Manager);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsJsonAsync(path, consent)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await api.ClientAs(Role.Agent).GetAsync(path)).StatusCode);
        var created = await _marketer.PostAsJsonAsync(path, consent);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var bad = await _marketer.PostAsJsonAsync(path, new { kind = "sms", source = "", text = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.ReadJsonAsync())["errors"]!.AsObject();
        Assert.Equal(["givenAt", "kind", "source"], errors.Select(e => e.Key).Order());

        var listed = await manager.GetFromJsonAsync<JsonArray>(path);
        Assert.Equal("marketing-calls", Assert.Single(listed!)!["kind"]!.GetValue<string>());

        var withdrawal = await _marketer.PostAsJsonAsync(path + "/withdrawals", new { how = "email" });
        var withdrawn = (await withdrawal.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonArray>())!;
        // the consent on file, and a marker for the kind that had none
        Assert.Equal(2, withdrawn.Count);
        Assert.All(withdrawn, w => Assert.Equal("email", w!["withdrawnHow"]!.GetValue<string>()));
        var noHow = await _marketer.PostAsJsonAsync(path + "/withdrawals", new { kind = "sms" });
        Assert.Equal(["how", "kind"],
            (await noHow.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key).Order());
        Assert.Equal(HttpStatusCode.NotFound,
            (await _marketer.GetAsync($"/api/campaigns/{id}/contacts/{contact + 100000}/consents")).StatusCode);
    }

    [Fact]
    public async Task Another_teams_contact_consents_are_not_found_and_not_changed()
    {
        var teams = await new TwoTeams(api).MakeAsync();
        var contact = await ContactIdAsync(teams.CampaignA, "+14155550401");
        var path = $"/api/campaigns/{teams.CampaignA}/contacts/{contact}/consents";

        Assert.Equal(HttpStatusCode.NotFound, (await teams.ManagerB.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await teams.MarketerB.PostAsJsonAsync(path, new
        {
            kind = "marketing-calls", source = "web", givenAt = DateTimeOffset.UtcNow.AddDays(-1), text = "yes",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await teams.MarketerB.PostAsJsonAsync(path + "/withdrawals", new { how = "email" })).StatusCode);
        // nor through team B's own campaign
        Assert.Equal(HttpStatusCode.NotFound,
            (await teams.MarketerB.GetAsync($"/api/campaigns/{teams.CampaignB}/contacts/{contact}/consents"))
            .StatusCode);
        await using var db = api.Database.CreateDb();
        Assert.False(await db.Consents.AnyAsync(c => c.ContactId == contact));
    }

    [Fact]
    public async Task The_prelaunch_check_says_who_will_never_be_called_for_want_of_consent_and_a_consent_revives_them()
    {
        var body = ApiCalls.ValidCampaign("Consent " + Guid.NewGuid());
        body["requiresConsent"] = true;
        var id = await _marketer.CreateCampaignAsync(body);
        await _marketer.UploadCsvAsync(id, Header + "+14155550231,A,marketing-calls,web,2026-01-01,yes,\n"
            + "+14155550232,B,,,,,\n");

        var report = await (await _marketer.GetAsync($"/api/campaigns/{id}/prelaunch")).ReadJsonAsync();
        Assert.Equal(1, report["never"]!["rules"]!["no-consent: campaign requiresConsent (marketing-calls)"]!
            .GetValue<int>());

        // set aside by a claim, then a consent recorded: due again
        var contact = await ContactIdAsync(id, "+14155550232");
        await using (var db = api.Database.CreateDb())
            await db.Contacts.Where(c => c.Id == contact).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, ContactStatus.Done).SetProperty(c => c.LastOutcome, DialPermit.NoConsent));
        (await _marketer.PostAsJsonAsync($"/api/campaigns/{id}/contacts/{contact}/consents", new
        {
            kind = "marketing-calls", source = "call back", givenAt = DateTimeOffset.UtcNow.AddMinutes(-1),
            reference = "ticket 7",
        })).EnsureSuccessStatusCode();
        await using var after = api.Database.CreateDb();
        Assert.Equal(ContactStatus.Pending, (await after.Contacts.SingleAsync(c => c.Id == contact)).Status);
    }

    [Fact]
    public async Task An_agent_records_a_withdrawal_on_a_call_they_took_and_on_no_other()
    {
        var id = await _marketer.CreateCampaignAsync();
        await _marketer.UploadCsvAsync(id, Header + "+34915550241,A,marketing-calls,web,2026-01-01,yes,\n");
        var contact = await ContactIdAsync(id, "+34915550241");
        var (key, agentId) = await api.NewAgentAsync("consent agent");
        var (otherKey, _) = await api.NewAgentAsync("other agent");
        var attempt = Dialer.Core.Dialing.CallAttempt.Create(id, contact, DateTimeOffset.UtcNow);
        attempt.AgentId = agentId;
        await using (var db = api.Database.CreateDb())
        {
            db.CallAttempts.Add(attempt);
            await db.SaveChangesAsync();
        }
        var path = $"/api/agent-console/calls/{attempt.Id}/consent-withdrawal";

        Assert.Equal(HttpStatusCode.Forbidden,
            (await api.ClientWith(otherKey).PostAsJsonAsync(path, new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _marketer.PostAsJsonAsync(path, new { })).StatusCode);
        var done = await api.ClientWith(key).PostAsJsonAsync(path, new { kind = "marketing-calls" });
        var records = (await done.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonArray>())!;
        Assert.Equal("on a call", Assert.Single(records)!["withdrawnHow"]!.GetValue<string>());
        await using var after = api.Database.CreateDb();
        Assert.Equal(Dialer.Core.Compliance.Consents.ConsentKinds.None, await Dialer.Core.Compliance.Consents
            .ConsentsHeld.ForAsync(after, contact, DateTimeOffset.UtcNow, default));
    }
}
