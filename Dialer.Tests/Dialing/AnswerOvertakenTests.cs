using Dialer.Core.Dialing;
using Dialer.ServiceDefaults.Twilio;
using Dialer.Tests.Infrastructure;
using Dialer.TwilioSimulator.Callbacks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dialer.Tests.Dialing;

/// <summary>
/// Twilio's final callback reaches the Worker before anything that says the customer answered: the in-progress
/// callback comes later (Twilio does not promise the order), the answer webhook later still (a slow Worker). Signed as
/// Twilio signs them and posted in that order, so the order is certain rather than left to timing.
/// </summary>
public sealed class AnswerOvertakenTests(HumansAnswer world) : IClassFixture<HumansAnswer>
{
    [Fact]
    public async Task A_completed_callback_ahead_of_the_answer_records_the_customer_as_answered_and_judges_the_silence()
    {
        var (campaign, contacts) = await world.RunningCampaignAsync(1);
        var dialedAt = DateTimeOffset.UtcNow.AddSeconds(-6);
        var attempt = new CallAttempt
        {
            Id = Guid.NewGuid(), CampaignId = campaign.Id, ContactId = contacts[0].Id, State = AttemptState.Ringing,
            CallSid = "CA" + Guid.NewGuid().ToString("N"), CreatedAt = dialedAt, DialedAt = dialedAt,
        };
        await using (var db = world.Db())
        {
            db.CallAttempts.Add(attempt);
            await db.SaveChangesAsync();
        }

        // four seconds of silence: no agent, no message, then the customer hung up
        await PostAsync(WebhookRoutes.StatusUrl(world.Worker.PublicUrl, attempt.Id), attempt.CallSid,
            ("CallStatus", "completed"), ("SequenceNumber", "3"), ("CallDuration", "4"));
        var ended = await AttemptAsync(attempt.Id);

        Assert.Equal((AttemptState.Completed, "completed"), (ended.State, ended.Outcome));
        Assert.Equal(ended.EndedAt!.Value.AddSeconds(-4), ended.AnsweredAt);
        Assert.Equal((true, true), (ended.LiveAnswer, ended.Abandoned));

        await PostAsync(WebhookRoutes.StatusUrl(world.Worker.PublicUrl, attempt.Id), attempt.CallSid,
            ("CallStatus", "in-progress"), ("SequenceNumber", "2"));
        var answer = await PostAsync(WebhookRoutes.AnswerUrl(world.Worker.PublicUrl, attempt.Id), attempt.CallSid,
            ("CallStatus", "in-progress"));
        var after = await AttemptAsync(attempt.Id);

        Assert.Contains("<Hangup", answer);
        Assert.Equal((ended.State, ended.AnsweredAt, ended.EndedAt, ended.AgentId, ended.Abandoned),
            (after.State, after.AnsweredAt, after.EndedAt, after.AgentId, after.Abandoned));
    }

    async Task<CallAttempt> AttemptAsync(Guid id)
    {
        await using var db = world.Db();
        return await db.CallAttempts.AsNoTracking().SingleAsync(a => a.Id == id);
    }

    async Task<string> PostAsync(string url, string? callSid, params (string Name, string Value)[] fields)
    {
        var secret = world.Worker.Services.GetRequiredService<ITwilioWebhookSecret>();
        var form = fields.Select(f => KeyValuePair.Create(f.Name, f.Value))
            .Append(KeyValuePair.Create("CallSid", callSid!)).ToList();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(WebhookSigner.Header, WebhookSigner.Sign(secret.AuthToken, url, form));
        using var http = new HttpClient();
        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }
}
