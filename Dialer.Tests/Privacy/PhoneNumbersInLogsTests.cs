using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dialer.Core.Agents;
using Dialer.Core.Auth;
using Dialer.Core.Campaigns;
using Dialer.Core.Contacts;
using Dialer.Core.Dialing;
using Dialer.Tests.Infrastructure;
using Dialer.TwilioSimulator.Callbacks;
using Dialer.TwilioSimulator.Faults;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Privacy;

/// <summary>
/// Issue 15: a demo-sized run of both processes (every outcome, agents disposing, an import with bad rows, the
/// do-not-call list, Twilio errors that quote the number, a lost create looked up by number, an answer fallback),
/// and not one full number of the run in any log line, span or metric tag, in any form it was written.
/// </summary>
public sealed partial class PhoneNumbersInLogsTests(LogScanWorld world) : IClassFixture<LogScanWorld>
{
    readonly List<string> _numbers = [];

    [Fact]
    public async Task No_number_of_a_run_reaches_a_log_line_a_span_or_a_metric_tag()
    {
        await ImportWithBadRowsAsync();
        await DoNotCallAsync();
        var (campaign, contacts) = await world.RunningCampaignAsync(100,
            s => s with { MachineHandling = MachineHandling.HangUp });
        _numbers.AddRange(contacts.Select(c => c.Phone));
        var agents = await AgentsAsync(campaign.Id, 4);

        // Twilio refuses three numbers, quoting each in another form; one create is lost and looked up by number
        world.Simulator.Faults.Apply(SimFaults.Patch(holdCreateNext: 1, createErrorsByNumber: new()
        {
            [contacts[0].Phone] = new InjectedError(400, 21211, $"Invalid 'To' Phone Number: {contacts[0].Phone}"),
            [contacts[1].Phone] = new InjectedError(400, 21217,
                $"Phone number {National(contacts[1].Phone)} does not appear to be valid"),
            [contacts[2].Phone] = new InjectedError(400, 21214,
                $"'To' number {contacts[2].Phone[2..]} cannot be reached"),
        }));
        var attempts = new List<CallAttempt>();
        using var stop = new CancellationTokenSource();
        var disposing = DisposeCallsAsync(agents, stop.Token);
        try
        {
            foreach (var _ in Enumerable.Range(0, 5)) attempts.AddRange(await world.DialAsync(campaign, 20));
            var settled = await world.WaitForAttemptsAsync(attempts.Select(a => a.Id), a => a.IsFinal,
                TimeSpan.FromSeconds(120));
            Assert.Equal(100, settled.Count);
            Assert.Contains(settled, a => a.AgentId is not null);
            Assert.Contains(settled, a => a.Outcome == "busy");
            Assert.Contains(settled, a => a.Outcome == "rejected");
        }
        finally
        {
            world.Simulator.Faults.Reset();
            await stop.CancelAsync();
            await disposing;
        }
        Assert.True(await DisposedAsync(campaign.Id) > 0, "no agent disposed a call");

        await LostCreateAsync(campaign.Id);
        await AnswerFallbackAsync(campaign.Id);
        await AccountRefusalAsync();

        var leaks = Leaks().ToList();
        Assert.True(leaks.Count == 0, $"{leaks.Count} leaks, first ones:\n" + string.Join("\n", leaks.Take(400)));
        Assert.True(world.WorkerLines.Lines.Count > 100 && world.ApiLines.Lines.Count > 20, "the hosts logged little");
        // the access log is there, its query strings are not
        Assert.Contains(world.ApiLines.Lines, l => l.Category.EndsWith("HttpLoggingMiddleware")
            && l.Texts[0].Contains("/api/do-not-call") && l.Texts[0].Contains("200"));
    }

    async Task ImportWithBadRowsAsync()
    {
        var id = await world.Marketer.CreateCampaignAsync();
        _numbers.AddRange(["+14155553001", "+14155553002", "+14155553003"]);
        var csv = "phone,name\n(415) 555-3001,Ann\n+14155553002,Bo\n415.555.3003,Cy\n"
            + "+1 (415) 123-4567,Bad\n415555300,Short\n+1415555300123456,Long\n";
        var report = await (await world.Marketer.UploadCsvAsync(id, csv)).ReadJsonAsync();
        Assert.Equal(3, report["imported"]!.GetValue<int>());
        _numbers.Add("+14151234567"); // not a valid number, written as one
        var listed = await world.Marketer.GetAsync($"/api/campaigns/{id}/contacts?status=pending");
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
    }

    async Task DoNotCallAsync()
    {
        _numbers.AddRange(["+14155554001", "+14155554002"]);
        var added = await world.Marketer.PostAsJsonAsync("/api/do-not-call",
            new { numbers = new[] { "(415) 555-4001", "+14155554002", "+1 (415) 123-4568" }, reason = "asked" });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        _numbers.Add("+14151234568");
        Assert.Equal(HttpStatusCode.OK,
            (await world.Marketer.GetAsync("/api/do-not-call?search=4155554001")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await world.Marketer.GetAsync("/api/do-not-call?search=(415)%20555-4002"))
            .StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await world.Marketer.PostAsJsonAsync("/api/do-not-call/lookup",
            new { phone = "415-555-4001" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await world.Admin.PostAsJsonAsync("/api/do-not-call/removals",
            new { phone = "+14155554002", reason = "listed by mistake" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Admin.PostAsJsonAsync("/api/do-not-call/removals",
            new { phone = "(415) 555-4009", reason = "never listed" })).StatusCode);
        _numbers.Add("+14155554009");
        using var content = new ByteArrayContent("phone\n+14155554003\n(415) 123-4569\n"u8.ToArray());
        content.Headers.ContentType = new("text/csv");
        _numbers.AddRange(["+14155554003", "+14151234569"]);
        Assert.Equal(HttpStatusCode.OK,
            (await world.Marketer.PostAsync("/api/do-not-call/upload", content)).StatusCode);
    }

    async Task<List<(Guid Agent, HttpClient Client)>> AgentsAsync(Guid campaignId, int count)
    {
        var agents = new List<(Guid, HttpClient)>();
        for (var i = 0; i < count; i++)
        {
            var agent = await world.AvailableAgentAsync([campaignId], TimeSpan.FromSeconds(10 + i));
            var (_, key) = await world.Api.AddUserAsync(Role.Agent, $"scan agent {i}", agent.Id);
            agents.Add((agent.Id, world.Api.ClientWith(key)));
        }
        return agents;
    }

    /// <summary>Each agent in wrap-up gives a disposition, as the console would, until told to stop and none is
    /// left.</summary>
    async Task DisposeCallsAsync(List<(Guid Agent, HttpClient Client)> agents, CancellationToken stop)
    {
        var dispositions = new[] { "sale", "no-sale", "wrong-number", "do-not-call" };
        var n = 0;
        var quiet = 0;
        while (!stop.IsCancellationRequested || quiet < 30)
        {
            var any = false;
            foreach (var (id, client) in agents)
            {
                var agent = await world.AgentAsync(id);
                if (agent is not { State: AgentState.WrapUp, CurrentAttemptId: { } attempt }) continue;
                any = true;
                await client.PostAsJsonAsync($"/api/agent-console/calls/{attempt}/disposition",
                    new { disposition = dispositions[n++ % dispositions.Length], notes = "spoke to them" });
            }
            quiet = any ? 0 : quiet + 1;
            await Task.Delay(100, CancellationToken.None);
        }
    }

    async Task<int> DisposedAsync(Guid campaignId)
    {
        await using var db = world.Db();
        return await db.CallAttempts.CountAsync(a => a.CampaignId == campaignId && a.Disposition != null);
    }

    /// <summary>A create whose answer was lost and whose call no callback named: the reconciler asks Twilio for the
    /// calls to that number (To= in the query string).</summary>
    async Task LostCreateAsync(Guid campaignId)
    {
        var contact = await NewContactAsync(campaignId, "+14155555002");
        await using var db = world.Db();
        var attempt = CallAttempt.Create(campaignId, contact.Id, DateTimeOffset.UtcNow);
        (attempt.State, attempt.DialedAt) = (AttemptState.Unknown, DateTimeOffset.UtcNow);
        db.CallAttempts.Add(attempt);
        await db.SaveChangesAsync();
        await world.WaitForAttemptsAsync([attempt.Id], a => a.State != AttemptState.Unknown);
    }

    async Task<Contact> NewContactAsync(Guid campaignId, string phone)
    {
        await using var db = world.Db();
        var contact = new Contact
        {
            CampaignId = campaignId, Phone = phone, TimeZones = ["America/Los_Angeles"],
            Status = ContactStatus.Dialing, CreatedAt = DateTimeOffset.UtcNow,
        };
        _numbers.Add(contact.Phone);
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        return contact;
    }

    /// <summary>Twilio falls back to the Api with the whole call's form, the customer's number in it; and a forged
    /// one.</summary>
    async Task AnswerFallbackAsync(Guid campaignId)
    {
        var contact = await NewContactAsync(campaignId, "+14155555001");
        await using var db = world.Db();
        var attempt = CallAttempt.Create(campaignId, contact.Id, DateTimeOffset.UtcNow);
        (attempt.State, attempt.DialedAt) = (AttemptState.Dialing, DateTimeOffset.UtcNow);
        db.CallAttempts.Add(attempt);
        await db.SaveChangesAsync();

        var url = $"{world.Api.Url}/twilio/answer-fallback/{attempt.Id}";
        var form = new Dictionary<string, string>
        {
            ["CallSid"] = "CA" + Guid.NewGuid().ToString("N"), ["AnsweredBy"] = "human", ["CallStatus"] = "in-progress",
            ["To"] = contact.Phone, ["Called"] = contact.Phone, ["From"] = "+14155550100",
            ["Direction"] = "outbound-api",
        };
        using var http = new HttpClient();
        using var signed = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        signed.Headers.Add(WebhookSigner.Header, WebhookSigner.Sign(world.Simulator.Options.AuthToken, url, form));
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(signed)).StatusCode);
        using var forged = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        forged.Headers.Add(WebhookSigner.Header, "forged");
        Assert.NotEqual(HttpStatusCode.OK, (await http.SendAsync(forged)).StatusCode);
    }

    /// <summary>An account error whose message quotes the number, nationally written: the campaign pauses with
    /// it.</summary>
    async Task AccountRefusalAsync()
    {
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // a circuit the bad numbers' run may have opened is closed
        var (campaign, contacts) = await world.RunningCampaignAsync(2);
        _numbers.AddRange(contacts.Select(c => c.Phone));
        world.Simulator.Faults.Apply(SimFaults.Patch(createError: new InjectedError(403, 21215,
            $"Account not authorized to call {National(contacts[0].Phone)}. Perhaps you need to enable permissions")));
        try
        {
            var attempts = await world.DialAsync(campaign, 2);
            await world.WaitForAttemptsAsync(attempts.Select(a => a.Id), a => a.IsFinal);
        }
        finally { world.Simulator.Faults.Reset(); }
        await using var db = world.Db();
        Assert.Equal(CampaignStatus.Paused, (await db.Campaigns.SingleAsync(c => c.Id == campaign.Id)).Status);
    }

    /// <summary>"+14155550123" as people write it at home: "(415) 555-0123".</summary>
    static string National(string e164) => $"({e164[2..5]}) {e164[5..8]}-{e164[8..]}";

    /// <summary>Every captured text with a number of the run in it, however its digits were spaced, punctuated or
    /// escaped in a URL.</summary>
    IEnumerable<string> Leaks()
    {
        var wanted = _numbers.Select(n => n[^10..]).ToHashSet();
        var texts = world.WorkerLines.Lines.Concat(world.ApiLines.Lines)
            .SelectMany(l => l.Texts.Select(t => (Where: $"[{l.Host} {l.Level} {l.Category}]", Text: t)))
            .Concat(world.Telemetry.Texts.Select(t => (Where: "[telemetry]", Text: t)));
        return texts.Where(t => Holds(t.Text, wanted) || Holds(WebUtility.UrlDecode(t.Text), wanted))
            .Select(t => $"{t.Where} {t.Text}");
    }

    static bool Holds(string text, HashSet<string> wanted) => DigitRun().Matches(text).Any(m =>
    {
        var digits = string.Concat(m.Value.Where(char.IsAsciiDigit));
        return Enumerable.Range(0, Math.Max(0, digits.Length - 9)).Any(i => wanted.Contains(digits.Substring(i, 10)));
    });

    /// <summary>Digits with the separators people write between them.</summary>
    [GeneratedRegex(@"\d[\d ().\-/+]{8,}\d")]
    private static partial Regex DigitRun();
}
