using Dialer.Core.Campaigns;
using Dialer.Core.Campaigns.Speech;
using Dialer.Core.Compliance;
using Dialer.Core.Contacts;
using Dialer.Core.Dialing;
using Dialer.Tests.Agents;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Compliance;

/// <summary>
/// What a customer hears when nobody is free, or from an agentless campaign: the campaign's language and voice, and
/// an opt-out key that puts the number on the do-not-call list. End to end: the Worker, PostgreSQL, RabbitMQ and the
/// simulator, whose callee presses the key (its keyPress fault).
/// </summary>
public sealed class SpokenMessageTests(HumansAndAgents world) : IClassFixture<HumansAndAgents>, IAsyncLifetime
{
    const string Spanish = "Le llamamos de Acme por su oferta. Llámenos al 912 345 678. "
        + "Para no recibir más llamadas, pulse 9.";

    static CampaignSettings InSpanish(CampaignSettings s) => s with
    {
        DefaultRegion = "ES",
        Language = "es-ES",
        Voice = "Polly.Lucia",
        SafeHarbourMessage = Spanish,
        OptOutConfirmation = "No le llamaremos más. Adiós.",
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        world.Simulator.Faults.Apply(SimFaults.Patch(keyPress: ""));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_safe_harbour_message_is_spoken_in_the_campaigns_language_and_voice_at_once()
    {
        var (campaign, contacts) = await world.RunningCampaignAsync(1, InSpanish);

        var attempt = Assert.Single(await world.DialAsync(campaign, 1));
        var done = Assert.Single(await world.WaitForAttemptsAsync([attempt.Id], a => a.IsFinal));

        Assert.True(done.Abandoned);
        Assert.True(done.MessageStartedAt - done.AnsweredAt < TimeSpan.FromSeconds(2),
            $"message began {done.MessageStartedAt - done.AnsweredAt} after the answer");
        var trail = Assert.Single(world.Simulator.Calls.Snapshot(contacts[0].Phone)).Trail.ToList();
        var said = trail.IndexOf($"Say ({Spanish.Length} chars)");
        Assert.True(said >= 0, string.Join("; ", trail));
        Assert.Equal("Say language=es-ES voice=Polly.Lucia", trail[said + 1]);
        Assert.Contains($"Gather (no input, {Dialer.ServiceDefaults.Twilio.CampaignSpeech.OptOutWaitSeconds}s)",
            trail);
        await using var db = world.Db();
        Assert.False(await db.DoNotCall.AnyAsync(d => d.Phone == contacts[0].Phone));
    }

    [Fact]
    public async Task Pressing_the_opt_out_key_in_the_safe_harbour_message_puts_the_number_on_the_do_not_call_list()
    {
        var (campaign, contacts) = await world.RunningCampaignAsync(1, InSpanish);
        world.Simulator.Faults.Apply(SimFaults.Patch(keyPress: "9"));

        var attempt = Assert.Single(await world.DialAsync(campaign, 1));
        await world.WaitForAttemptsAsync([attempt.Id], a => a.IsFinal);

        await AssertOptedOutAsync(contacts[0], attempt, campaign.Settings.OptOutConfirmation);
    }

    [Fact]
    public async Task Pressing_the_opt_out_key_in_an_agentless_message_puts_the_number_on_the_do_not_call_list()
    {
        var (campaign, contacts) = await world.RunningCampaignAsync(1, s => s with
        {
            Mode = Core.Pacing.DialingMode.Agentless,
            Language = "en-GB",
            Voice = "Polly.Amy",
            BroadcastMessage = "This is Acme with your offer. Call 020 7946 0958; to not be called again, press 9.",
        });
        world.Simulator.Faults.Apply(SimFaults.Patch(keyPress: "9"));

        var attempt = Assert.Single(await world.DialAsync(campaign, 1));
        await world.WaitForAttemptsAsync([attempt.Id], a => a.IsFinal);

        var trail = await AssertOptedOutAsync(contacts[0], attempt, campaign.Settings.OptOutConfirmation);
        Assert.Contains("Say language=en-GB voice=Polly.Amy", trail);
    }

    [Fact]
    public async Task Another_key_ends_the_call_and_lists_nothing()
    {
        var (campaign, contacts) = await world.RunningCampaignAsync(1, InSpanish);
        world.Simulator.Faults.Apply(SimFaults.Patch(keyPress: "5"));

        var attempt = Assert.Single(await world.DialAsync(campaign, 1));
        await world.WaitForAttemptsAsync([attempt.Id], a => a.IsFinal);

        var trail = Assert.Single(world.Simulator.Calls.Snapshot(contacts[0].Phone)).Trail.ToList();
        Assert.Contains(trail, t => t.StartsWith("Gather pressed 5", StringComparison.Ordinal));
        await using var db = world.Db();
        Assert.False(await db.DoNotCall.AnyAsync(d => d.Phone == contacts[0].Phone));
        Assert.NotEqual(ContactStatus.Suppressed, (await db.Contacts.SingleAsync(c => c.Id == contacts[0].Id)).Status);
    }

    async Task<List<string>> AssertOptedOutAsync(Contact contact, CallAttempt attempt, string confirmation)
    {
        var trail = Assert.Single(world.Simulator.Calls.Snapshot(contact.Phone)).Trail.ToList();
        Assert.Contains(trail, t => t.StartsWith("Gather pressed 9, action ", StringComparison.Ordinal));
        var confirmed = trail.IndexOf($"Say ({confirmation.Length} chars)");
        Assert.True(confirmed > trail.FindIndex(t => t.StartsWith("Gather pressed", StringComparison.Ordinal)),
            string.Join("; ", trail));

        await using var db = world.Db();
        var entry = Assert.Single(await db.DoNotCall.Where(d => d.Phone == contact.Phone).ToListAsync());
        Assert.Equal((DoNotCallSources.KeyPress, (Guid?)null), (entry.Source, entry.CampaignId));
        Assert.Contains(attempt.Id.ToString(), entry.Reason);
        Assert.Equal(ContactStatus.Suppressed, (await db.Contacts.SingleAsync(c => c.Id == contact.Id)).Status);
        return trail;
    }
}
