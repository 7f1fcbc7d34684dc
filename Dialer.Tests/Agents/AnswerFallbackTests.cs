using System.Net;
using Dialer.Core.Agents;
using Dialer.Core.Dialing;
using Dialer.Tests.Infrastructure;
using Dialer.TwilioSimulator.Callbacks;
using Microsoft.EntityFrameworkCore;
using static Dialer.Tests.Infrastructure.SpokenMessages;

namespace Dialer.Tests.Agents;

/// <summary>
/// Every Worker unreachable when the customer answers (killed, or its address dead): Twilio falls back to the Api,
/// which plays the safe-harbour message within 2 s and counts the call as a live answer nobody was there for.
/// </summary>
public sealed class AnswerFallbackTests(AnswerFallbackTests.DeadWorkerWorld world)
    : IClassFixture<AnswerFallbackTests.DeadWorkerWorld>
{
    public sealed class DeadWorkerWorld : AgentsWorld
    {
        readonly Dictionary<string, string?> _apiSettings = [];
        public KestrelApi Api { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            Api = new KestrelApi(Database.ConnectionString, _apiSettings);
            _apiSettings["Twilio:FallbackWebhookBaseUrl"] = Api.Url;
            await base.InitializeAsync();
            Api.StartServer();
        }

        /// <summary>The Worker dials, but the answer URL it gives Twilio leads nowhere: as if it died after the
        /// dial.</summary>
        protected override IDictionary<string, string?> WorkerSettings() =>
            new Dictionary<string, string?>(base.WorkerSettings())
            {
                ["Twilio:PublicWebhookBaseUrl"] = $"http://127.0.0.1:{WorkerFactory.FreePort()}",
                ["Twilio:FallbackWebhookBaseUrl"] = Api.Url,
            };

        public override async Task DisposeAsync()
        {
            await Api.DisposeAsync();
            await base.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_customer_answering_while_no_Worker_can_answer_hears_the_safe_harbour_message_from_the_Api()
    {
        var (campaign, contacts) = await world.RunningCampaignAsync(1);

        var attempt = Assert.Single(await world.DialAsync(campaign, 1));
        var done = Assert.Single(await world.WaitForAttemptsAsync([attempt.Id], a => a.MessageStartedAt is not null));

        Assert.True(done.LiveAnswer);
        Assert.True(done.Abandoned);
        Assert.Null(done.AgentId);
        // the attempt is marked before the Api answers Twilio: the words follow within moments
        var said = $"Say ({Spoken(campaign).Length} chars)";
        for (var i = 0; i < 20 && !world.Simulator.Calls.Snapshot(contacts[0].Phone).Single().Trail.Contains(said); i++)
            await Task.Delay(100);
        var call = Assert.Single(world.Simulator.Calls.Snapshot(contacts[0].Phone));
        Assert.Contains(said, call.Trail);
        Assert.NotNull(call.AnsweredAt);
        Assert.True(done.MessageStartedAt - call.AnsweredAt < TimeSpan.FromSeconds(2),
            $"message began {done.MessageStartedAt - call.AnsweredAt} after the answer");
    }

    [Fact]
    public async Task A_Worker_that_died_after_reserving_an_agent_leaves_no_agent_reserved_once_the_Api_answers()
    {
        var (campaign, contacts) = await world.RunningCampaignAsync(1);
        var attempt = CallAttempt.Create(campaign.Id, contacts[0].Id, DateTimeOffset.UtcNow);
        var agent = await world.AvailableAgentAsync([campaign.Id], state: AgentState.Reserved,
            currentAttemptId: attempt.Id);
        await using (var db = world.Db())
        {
            // the Worker's answer committed the reservation, then the Worker died before Twilio heard its TwiML
            attempt.Advance(AttemptState.InProgress, DateTimeOffset.UtcNow);
            attempt.AnsweredLive(agent.Id, DateTimeOffset.UtcNow);
            db.CallAttempts.Add(attempt);
            await db.SaveChangesAsync();
        }

        var url = $"{world.Api.Url}/twilio/answer-fallback/{attempt.Id}";
        var form = new Dictionary<string, string> { ["CallSid"] = "CA" + new string('2', 32) };
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(WebhookSigner.Header, WebhookSigner.Sign(world.Simulator.Options.AuthToken, url, form));
        var twiml = await (await http.SendAsync(request)).EnsureSuccessStatusCode().Content.ReadAsStringAsync();

        Assert.Contains($">{Spoken(campaign)}</Say>", twiml);
        var freed = await world.AgentAsync(agent.Id);
        Assert.Equal((AgentState.Available, null), (freed.State, freed.CurrentAttemptId));
    }

    [Fact]
    public async Task The_fallback_answer_names_the_call_of_an_attempt_whose_Worker_died_before_saving_it()
    {
        var (campaign, contacts) = await world.RunningCampaignAsync(1);
        var attempt = CallAttempt.Create(campaign.Id, contacts[0].Id, DateTimeOffset.UtcNow);
        attempt.State = AttemptState.Dialing;
        attempt.DialedAt = DateTimeOffset.UtcNow;
        await using (var db = world.Db())
        {
            db.CallAttempts.Add(attempt);
            await db.SaveChangesAsync();
        }
        var sid = "CA" + new string('3', 32);

        var url = $"{world.Api.Url}/twilio/answer-fallback/{attempt.Id}";
        var form = new Dictionary<string, string> { ["CallSid"] = sid, ["AnsweredBy"] = "human" };
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(WebhookSigner.Header, WebhookSigner.Sign(world.Simulator.Options.AuthToken, url, form));
        (await http.SendAsync(request)).EnsureSuccessStatusCode();

        await using var check = world.Db();
        var after = await check.CallAttempts.AsNoTracking().SingleAsync(a => a.Id == attempt.Id);
        Assert.Equal((AttemptState.InProgress, sid), (after.State, after.CallSid));
    }

    [Fact]
    public async Task The_fallback_refuses_a_request_without_Twilios_signature_and_changes_nothing()
    {
        var (campaign, contacts) = await world.RunningCampaignAsync(1);
        var attempt = CallAttempt.Create(campaign.Id, contacts[0].Id, DateTimeOffset.UtcNow);
        await using (var db = world.Db())
        {
            db.CallAttempts.Add(attempt);
            await db.SaveChangesAsync();
        }
        using var http = new HttpClient();

        var response = await http.PostAsync($"{world.Api.Url}/twilio/answer-fallback/{attempt.Id}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["CallSid"] = "CA" + new string('0', 32) }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var check = world.Db();
        var after = await check.CallAttempts.AsNoTracking().SingleAsync(a => a.Id == attempt.Id);
        Assert.Equal((attempt.State, false, null), (after.State, after.LiveAnswer, after.MessageStartedAt));
    }
}
