using Dialer.Core.Campaigns;
using Dialer.Core.Campaigns.Audio;
using Dialer.Core.Compliance;
using Dialer.Core.Contacts;
using Dialer.ServiceDefaults.Twilio;
using Dialer.Tests.Agents;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dialer.Tests.Compliance;

/// <summary>
/// A campaign whose safe-harbour message is a recording: the customer nobody is free for hears it through
/// &lt;Play&gt;, which the simulator fetches from the Worker at its signed URL, and can still press the opt-out key.
/// End to end: the Worker, PostgreSQL, RabbitMQ and the simulator.
/// </summary>
public sealed class RecordedMessageTests(HumansAndAgents world) : IClassFixture<HumansAndAgents>, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        world.Simulator.Faults.Apply(SimFaults.Patch(keyPress: ""));
        return Task.CompletedTask;
    }

    async Task<MessageAudio> RecordAsync(Campaign campaign, AudioMessage message, byte[] content)
    {
        await using var db = world.Db();
        var audio = new MessageAudio
        {
            TeamId = campaign.TeamId, CampaignId = campaign.Id, Message = message, ContentType = AudioFile.Mpeg,
            Bytes = content.Length, Content = content, UploadedAt = DateTimeOffset.UtcNow,
        };
        db.MessageAudio.Add(audio);
        await db.SaveChangesAsync();
        return audio;
    }

    [Fact]
    public async Task An_abandoned_customer_hears_the_recorded_safe_harbour_message_fetched_from_its_signed_url()
    {
        var (campaign, contacts) = await world.RunningCampaignAsync(1);
        var audio = await RecordAsync(campaign, AudioMessage.SafeHarbour, TestAudio.Mp3(3000));

        var attempt = Assert.Single(await world.DialAsync(campaign, 1));
        var done = Assert.Single(await world.WaitForAttemptsAsync([attempt.Id], a => a.IsFinal));

        Assert.True(done.Abandoned);
        var call = Assert.Single(world.Simulator.Calls.Snapshot(contacts[0].Phone));
        var trail = call.Trail.ToList();
        var played = trail.IndexOf($"Play {world.Worker.PublicUrl}/twilio/media/audio/{audio.Id}");
        Assert.True(played >= 0, string.Join("; ", trail));
        Assert.Equal("Play fetched 200 audio/mpeg (3000 bytes)", trail[played + 1]);
        Assert.DoesNotContain(trail, t => t.StartsWith("Say (", StringComparison.Ordinal));
        Assert.Contains($"Gather (no input, {CampaignSpeech.OptOutWaitSeconds}s)", trail);
        Assert.Null(call.LastError);
    }

    [Fact]
    public async Task The_opt_out_key_still_works_while_the_recording_plays()
    {
        var (campaign, contacts) = await world.RunningCampaignAsync(1);
        await RecordAsync(campaign, AudioMessage.SafeHarbour, TestAudio.Mp3());
        world.Simulator.Faults.Apply(SimFaults.Patch(keyPress: "9"));

        var attempt = Assert.Single(await world.DialAsync(campaign, 1));
        await world.WaitForAttemptsAsync([attempt.Id], a => a.IsFinal);

        var trail = Assert.Single(world.Simulator.Calls.Snapshot(contacts[0].Phone)).Trail.ToList();
        Assert.True(trail.FindIndex(t => t.StartsWith("Play fetched 200", StringComparison.Ordinal))
            < trail.FindIndex(t => t.StartsWith("Gather pressed 9", StringComparison.Ordinal)),
            string.Join("; ", trail));
        await using var db = world.Db();
        var entry = Assert.Single(await db.DoNotCall.Where(d => d.Phone == contacts[0].Phone).ToListAsync());
        Assert.Equal(DoNotCallSources.KeyPress, entry.Source);
        Assert.Equal(ContactStatus.Suppressed, (await db.Contacts.SingleAsync(c => c.Id == contacts[0].Id)).Status);
    }

    [Fact]
    public async Task The_worker_serves_a_recording_only_at_its_own_unexpired_signature()
    {
        var (campaign, _) = await world.RunningCampaignAsync(1);
        var audio = await RecordAsync(campaign, AudioMessage.Voicemail, TestAudio.Mp3(1234));
        var signer = world.Worker.Services.GetRequiredService<AudioUrlSigner>();
        var url = signer.UrlFor(world.Worker.PublicUrl, audio.Id).ToString();
        using var http = new HttpClient();

        var ok = await http.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("audio/mpeg", ok.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1234, (await ok.Content.ReadAsByteArrayAsync()).Length);

        var sig = url[(url.IndexOf("sig=", StringComparison.Ordinal) + 4)..];
        var tampered = url.Replace(sig, (sig[0] == 'a' ? 'b' : 'a') + sig[1..], StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await http.GetAsync(tampered)).StatusCode);
        // the same signature for another audio, or with its expiry pushed back, is worth nothing
        Assert.Equal(System.Net.HttpStatusCode.Forbidden,
            (await http.GetAsync(url.Replace(audio.Id.ToString(), Guid.NewGuid().ToString(),
                StringComparison.Ordinal))).StatusCode);
        var exp = long.Parse(url.Split("exp=")[1].Split('&')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden,
            (await http.GetAsync(url.Replace($"exp={exp}", $"exp={exp + 3600}", StringComparison.Ordinal)))
            .StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden,
            (await http.GetAsync($"{world.Worker.PublicUrl}/twilio/media/audio/{audio.Id}")).StatusCode);

        await using (var db = world.Db()) await db.MessageAudio.Where(a => a.Id == audio.Id).ExecuteDeleteAsync();
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync(url)).StatusCode);
    }
}
