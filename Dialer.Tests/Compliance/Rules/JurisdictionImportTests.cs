using System.Text.Json.Nodes;
using Dialer.Api.Campaigns.Prelaunch;
using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Dialer.Tests.Compliance.Rules;

/// <summary>A list's state and country columns, from the upload to the pre-launch check's explanation.</summary>
[Collection(ApiCollection.Name)]
public sealed class JurisdictionImportTests(ApiFactory api)
{
    readonly HttpClient _marketer = api.ClientAs(Role.Marketer);

    [Fact]
    public async Task State_and_country_columns_are_kept_as_the_contacts_stated_jurisdiction_and_nonsense_is_rejected()
    {
        var id = await _marketer.CreateCampaignAsync();
        var upload = await _marketer.UploadCsvAsync(id,
            "phone,state,country\n+14155550123,Florida,\n+14155550124,ON,\n"
            + "+34915550125,,es\n+14155550126,,\n+14155550127,Narnia,\n");
        var report = await upload.ReadJsonAsync();
        Assert.Equal(4, report["imported"]!.GetValue<int>());
        var rejected = Assert.Single(report["rejected"]!.AsArray());
        Assert.Contains("unknown state or province 'Narnia'", rejected!["reason"]!.GetValue<string>());

        await using var db = api.Database.CreateDb();
        var stated = await db.Contacts.Where(c => c.CampaignId == id).OrderBy(c => c.Phone)
            .Select(c => c.StatedJurisdiction).ToListAsync();
        Assert.Equal(["US-FL", "CA-ON", null, "ES"], stated);
    }

    [Fact]
    public async Task The_prelaunch_check_names_the_rule_and_jurisdiction_that_holds_a_contact_back()
    {
        var body = ApiCalls.ValidCampaign("Spain " + Guid.NewGuid());
        body["callingWindow"] = JsonNode.Parse("""
            {"start":"08:00:00","end":"21:00:00",
             "days":["sunday","monday","tuesday","wednesday","thursday","friday","saturday"]}
            """);
        var id = await _marketer.CreateCampaignAsync(body);
        // Spain also needs prior consent for every call: the Madrid contact has it, so the hours are what hold it back
        var upload = await _marketer.UploadCsvAsync(id, "phone,consent,consent_source,consent_at,consent_text\n"
            + "+34915550125,marketing-calls,web form,2026-11-01,Acepto\n+14155550126,,,,\n");
        Assert.Equal(2, (await upload.ReadJsonAsync())["imported"]!.GetValue<int>());

        // Saturday 13:00 in Madrid, 04:00 in San Francisco
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2027-03-06T12:00:00Z"));
        await using var db = api.Database.CreateDb();
        var campaign = await db.Campaigns.SingleAsync(c => c.Id == id);
        var report = await new PrelaunchCheck(db, clock).RunAsync(campaign, default);

        Assert.Equal(1, report.LaterToday.Count); // San Francisco at 08:00
        Assert.Equal(["outside-calling-hours: US every day 08:00-21:00"], report.LaterToday.Rules.Keys);
        Assert.Equal(1, report.Later.Count); // Madrid on Monday at 09:00
        Assert.Equal(["outside-calling-hours: ES Mon-Fri 09:00-21:00"], report.Later.Rules.Keys);
        Assert.Equal(DateTimeOffset.Parse("2027-03-08T08:00:00Z"), report.Later.FirstOpening);
        Assert.Equal(1, report.Later.Reasons["outside-calling-hours"]); // the code is unchanged
        Assert.Contains(report.Problems, p => p.StartsWith("ES (Spain): prior consent for every call (Ley 11/2022"));
    }
}
