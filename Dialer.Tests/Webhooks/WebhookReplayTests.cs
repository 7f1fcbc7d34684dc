using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dialer.Core.Auth;
using Dialer.Core.OutboundWebhooks;
using Dialer.Tests.Infrastructure;

namespace Dialer.Tests.Webhooks;

/// <summary>Deliveries sent by the Api's own sender: the events of a do-not-call entry added through the API.</summary>
[Collection(ApiCollection.Name)]
public sealed class WebhookReplayTests(ApiFactory api) : IAsyncLifetime
{
    readonly WebhookReceiver _receiver = new();

    public Task InitializeAsync() => _receiver.StartAsync();
    public Task DisposeAsync() => _receiver.DisposeAsync().AsTask();

    async Task<(Guid Campaign, Guid Subscription)> SubscribedCampaignAsync(HttpClient client, string secret)
    {
        var campaign = await client.CreateCampaignAsync();
        var created = await client.PostAsJsonAsync("/api/webhooks", new
        {
            url = _receiver.Url, campaignId = campaign, secret, events = new[] { WebhookEvents.DoNotCallAdded },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (campaign, (await created.ReadJsonAsync())["id"]!.GetValue<Guid>());
    }

    static async Task AddToDoNotCallAsync(HttpClient client, Guid campaign, params string[] numbers) =>
        (await client.PostAsJsonAsync("/api/do-not-call", new { numbers, campaignId = campaign }))
            .EnsureSuccessStatusCode();

    /// <summary>The deliveries once none is pending: a receiver hears a POST before the sender commits its
    /// answer.</summary>
    static async Task<JsonArray> SettledAsync(HttpClient client, Guid subscription)
    {
        for (var tries = 0; ; tries++)
        {
            var page = await client.GetFromJsonAsync<JsonObject>($"/api/webhooks/{subscription}/deliveries");
            var items = page!["items"]!.AsArray();
            if (tries == 50 || items.All(d => d!["state"]!.GetValue<string>() != "Pending")) return items;
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_new_do_not_call_entry_reaches_the_campaigns_receiver_signed_and_a_replay_sends_it_again()
    {
        var marketer = api.ClientAs(Role.Marketer);
        var (campaign, subscription) = await SubscribedCampaignAsync(marketer, _receiver.Secret);

        await AddToDoNotCallAsync(marketer, campaign, "+14155550181", "+14155550182");

        var first = await _receiver.WaitForAsync(r => r.Count == 2);
        Assert.All(first, r => Assert.True(r.SignatureValid));
        Assert.Equal(["+14155550181", "+14155550182"],
            first.Select(r => r.Body["data"]!["phone"]!.GetValue<string>()).Order());
        Assert.All(first, r => Assert.Equal(campaign, r.Body["campaignId"]!.GetValue<Guid>()));
        var items = await SettledAsync(marketer, subscription);
        Assert.All(items, d => Assert.Equal("Delivered", d!["state"]!.GetValue<string>()));
        Assert.All(items, d => Assert.Equal(204, d!["lastAttempts"]![0]!["statusCode"]!.GetValue<int>()));

        var replayed = first[0];
        var replay = await marketer.PostAsync(
            $"/api/webhooks/{subscription}/deliveries/{replayed.DeliveryId}/replay", null);

        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        var again = (await _receiver.WaitForAsync(r => r.Count == 3))[2];
        Assert.True(again.SignatureValid);
        Assert.NotEqual(replayed.DeliveryId, again.DeliveryId);
        Assert.Equal(replayed.Body["id"]!.GetValue<Guid>(), again.Body["id"]!.GetValue<Guid>()); // the same event
        var listed = await marketer.GetFromJsonAsync<JsonObject>($"/api/webhooks/{subscription}/deliveries");
        Assert.Equal(replayed.DeliveryId, listed!["items"]![0]!["replayOf"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_receiver_holding_another_secret_finds_the_signature_wrong()
    {
        var marketer = api.ClientAs(Role.Marketer);
        var (campaign, _) = await SubscribedCampaignAsync(marketer, "the-subscriptions-own-secret-1234");

        await AddToDoNotCallAsync(marketer, campaign, "+14155550183");

        Assert.False(Assert.Single(await _receiver.WaitForAsync(r => r.Count == 1)).SignatureValid);
    }

    [Fact]
    public async Task A_failing_receiver_is_retried_until_it_answers_and_the_attempts_are_listed()
    {
        var marketer = api.ClientAs(Role.Marketer);
        var (campaign, subscription) = await SubscribedCampaignAsync(marketer, _receiver.Secret);
        _receiver.FailWith = 503;

        await AddToDoNotCallAsync(marketer, campaign, "+14155550184");
        await Task.Delay(TimeSpan.FromSeconds(2));
        var failing = await marketer.GetFromJsonAsync<JsonObject>($"/api/webhooks/{subscription}/deliveries");
        _receiver.FailWith = null;

        var pending = Assert.Single(failing!["items"]!.AsArray())!;
        Assert.Equal("Pending", pending["state"]!.GetValue<string>());
        Assert.True(pending["attempts"]!.GetValue<int>() >= 2);
        Assert.Equal(503, pending["lastAttempts"]![0]!["statusCode"]!.GetValue<int>());
        Assert.Single(await _receiver.WaitForAsync(r => r.Count == 1));
    }

    [Fact]
    public async Task A_second_replay_while_the_first_is_still_pending_is_a_conflict()
    {
        var marketer = api.ClientAs(Role.Marketer);
        var (campaign, subscription) = await SubscribedCampaignAsync(marketer, _receiver.Secret);
        await AddToDoNotCallAsync(marketer, campaign, "+14155550186");
        var delivery = Assert.Single(await _receiver.WaitForAsync(r => r.Count == 1)).DeliveryId;
        await SettledAsync(marketer, subscription);
        _receiver.FailWith = 503; // the first replay stays pending
        var replay = $"/api/webhooks/{subscription}/deliveries/{delivery}/replay";

        var first = await marketer.PostAsync(replay, null);
        var second = await marketer.PostAsync(replay, null);
        _receiver.FailWith = null;

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(2, (await _receiver.WaitForAsync(r => r.Count == 2)).Count);
    }

    [Fact]
    public async Task A_replay_of_another_subscriptions_delivery_is_not_found()
    {
        var marketer = api.ClientAs(Role.Marketer);
        var (campaign, subscription) = await SubscribedCampaignAsync(marketer, _receiver.Secret);
        var (_, other) = await SubscribedCampaignAsync(marketer, _receiver.Secret);
        await AddToDoNotCallAsync(marketer, campaign, "+14155550185");
        var delivery = Assert.Single(await _receiver.WaitForAsync(r => r.Count == 1)).DeliveryId;

        var replay = await marketer.PostAsync($"/api/webhooks/{other}/deliveries/{delivery}/replay", null);

        Assert.Equal(HttpStatusCode.NotFound, replay.StatusCode);
        var deleted = await marketer.DeleteAsync($"/api/webhooks/{subscription}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }
}
