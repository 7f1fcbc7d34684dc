using System.Net;
using Dialer.Core.Dialing;
using Dialer.Tests.Infrastructure;
using Dialer.TwilioSimulator.Callbacks;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Dialing;

public sealed class NoOpCallbackWorld : DialingWorld;

/// <summary>
/// A status callback that cannot change its attempt (a duplicate, a late one, the in-progress callback after the
/// answer) is answered from what the Worker committed, before any lock: it never queues behind the answer's work.
/// </summary>
public sealed class NoOpCallbackTests(NoOpCallbackWorld world) : IClassFixture<NoOpCallbackWorld>
{
    [Fact]
    public async Task A_callback_that_changes_nothing_is_answered_while_the_attempt_row_is_locked()
    {
        var (campaign, _) = await world.RunningCampaignAsync(1);
        var attempt = Assert.Single(await world.DialAsync(campaign, 1));
        var done = Assert.Single(await world.WaitForAttemptsAsync([attempt.Id], a => a.IsFinal));
        Assert.Equal(AttemptState.Completed, done.State);

        await using var holder = world.Db();
        await using var hold = await holder.Database.BeginTransactionAsync();
        await holder.Database.ExecuteSqlAsync($"SELECT 1 FROM call_attempts WHERE id = {attempt.Id} FOR UPDATE");

        // before the skip, each of these waited for the row and so for this transaction, which outlives the wait
        var late = await SendWithin(Status(attempt.Id, "in-progress", done.CallSid!), TimeSpan.FromSeconds(20));
        var duplicate = await SendWithin(Status(attempt.Id, "completed", done.CallSid!), TimeSpan.FromSeconds(20));
        await hold.RollbackAsync();

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (late, duplicate));
        await using var db = world.Db();
        var after = await db.CallAttempts.AsNoTracking().SingleAsync(a => a.Id == attempt.Id);
        Assert.Equal((done.State, done.EndedAt, done.CallSid), (after.State, after.EndedAt, after.CallSid));
    }

    HttpRequestMessage Status(Guid attemptId, string callStatus, string sid)
    {
        var url = $"{world.Worker.PublicUrl}/twilio/status/{attemptId}";
        var form = new Dictionary<string, string> { ["CallStatus"] = callStatus, ["CallSid"] = sid };
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(WebhookSigner.Header, WebhookSigner.Sign(world.Simulator.Options.AuthToken, url, form));
        return request;
    }

    static async Task<HttpStatusCode> SendWithin(HttpRequestMessage request, TimeSpan wait)
    {
        using var http = new HttpClient { Timeout = wait };
        try { return (await http.SendAsync(request)).StatusCode; }
        catch (TaskCanceledException) { return HttpStatusCode.RequestTimeout; }
        finally { request.Dispose(); }
    }
}
