using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dialer.Core.Auth;
using Dialer.Core.Campaigns.Audio;
using Dialer.ServiceDefaults.Twilio;
using Dialer.Tests.Infrastructure;
using Dialer.Tests.Scripts;
using Microsoft.Extensions.DependencyInjection;

namespace Dialer.Tests.Campaigns;

/// <summary>A campaign's recorded messages through the Api: upload, list, hear, delete, and what is refused.</summary>
[Collection(ApiCollection.Name)]
public sealed class MessageAudioApiTests(ApiFactory api)
{
    static ByteArrayContent File(byte[] bytes, string type)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return content;
    }

    static async Task AssertNamesAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.NotNull(problem!["errors"]![field]);
    }

    [Fact]
    public async Task A_marketer_uploads_a_recording_lists_it_hears_it_and_deletes_it()
    {
        var marketer = api.ClientAs(Role.Marketer);
        var campaign = await marketer.CreateCampaignAsync();
        var mp3 = TestAudio.Mp3(4000);

        var put = await marketer.PutAsync($"/api/campaigns/{campaign}/audio/safe-harbour", File(mp3, "audio/mpeg"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var wav = await marketer.PutAsync($"/api/campaigns/{campaign}/audio/recording-notice",
            File(TestAudio.Wav(), "audio/x-wav"));
        Assert.Equal(HttpStatusCode.OK, wav.StatusCode);

        var list = await marketer.GetFromJsonAsync<JsonArray>($"/api/campaigns/{campaign}/audio");
        Assert.Equal(["safe-harbour:audio/mpeg:4000", "recording-notice:audio/wav:2048"], list!.Select(a =>
            $"{a!["message"]}:{a["contentType"]}:{a["bytes"]}"));
        var heard = await marketer.GetAsync($"/api/campaigns/{campaign}/audio/safe-harbour");
        Assert.Equal("audio/mpeg", heard.Content.Headers.ContentType?.MediaType);
        Assert.Equal(mp3, await heard.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.NoContent,
            (await marketer.DeleteAsync($"/api/campaigns/{campaign}/audio/safe-harbour")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await marketer.GetAsync($"/api/campaigns/{campaign}/audio/safe-harbour")).StatusCode);
        Assert.Single((await marketer.GetFromJsonAsync<JsonArray>($"/api/campaigns/{campaign}/audio"))!);
    }

    [Fact]
    public async Task A_new_upload_replaces_the_old_one_under_a_new_id()
    {
        var marketer = api.ClientAs(Role.Marketer);
        var campaign = await marketer.CreateCampaignAsync();
        await marketer.PutAsync($"/api/campaigns/{campaign}/audio/voicemail", File(TestAudio.Mp3(100), "audio/mpeg"));
        await using var db = api.Database.CreateDb();
        var first = db.MessageAudio.Single(a => a.CampaignId == campaign).Id;

        await marketer.PutAsync($"/api/campaigns/{campaign}/audio/voicemail", File(TestAudio.Wav(300), "audio/wav"));

        var now = Assert.Single(db.MessageAudio.Where(a => a.CampaignId == campaign).ToList());
        Assert.NotEqual(first, now.Id);
        Assert.Equal((AudioMessage.Voicemail, "audio/wav", 300), (now.Message, now.ContentType, now.Bytes));
    }

    [Theory]
    [InlineData("text/plain", "mp3")]
    [InlineData("audio/ogg", "mp3")]
    [InlineData("audio/wav", "mp3")] // declared a WAV, is an MP3
    [InlineData("audio/mpeg", "wav")]
    [InlineData("audio/mpeg", "text")] // declared an MP3, is neither
    public async Task A_file_that_is_not_the_audio_it_says_is_refused_naming_the_file(string declared, string actual)
    {
        var marketer = api.ClientAs(Role.Marketer);
        var campaign = await marketer.CreateCampaignAsync();
        var bytes = actual switch
        {
            "mp3" => TestAudio.Mp3(),
            "wav" => TestAudio.Wav(),
            _ => "<html>not audio</html>"u8.ToArray(),
        };

        await AssertNamesAsync(
            await marketer.PutAsync($"/api/campaigns/{campaign}/audio/safe-harbour", File(bytes, declared)), "file");
        Assert.Empty((await marketer.GetFromJsonAsync<JsonArray>($"/api/campaigns/{campaign}/audio"))!);
    }

    [Fact]
    public async Task A_file_over_5_MB_is_refused_and_one_of_exactly_5_MB_is_taken()
    {
        var marketer = api.ClientAs(Role.Marketer);
        var campaign = await marketer.CreateCampaignAsync();

        await AssertNamesAsync(await marketer.PutAsync($"/api/campaigns/{campaign}/audio/voicemail",
            File(TestAudio.Mp3(AudioFile.MaxBytes + 1), "audio/mpeg")), "file");
        Assert.Equal(HttpStatusCode.OK, (await marketer.PutAsync($"/api/campaigns/{campaign}/audio/voicemail",
            File(TestAudio.Mp3(AudioFile.MaxBytes), "audio/mpeg"))).StatusCode);
    }

    [Fact]
    public async Task An_unknown_message_is_refused_naming_it()
    {
        var marketer = api.ClientAs(Role.Marketer);
        var campaign = await marketer.CreateCampaignAsync();

        await AssertNamesAsync(await marketer.PutAsync($"/api/campaigns/{campaign}/audio/greeting",
            File(TestAudio.Mp3(), "audio/mpeg")), "message");
    }

    [Fact]
    public async Task Another_team_s_campaign_and_its_recordings_are_404()
    {
        var marketer = api.ClientAs(Role.Marketer);
        var campaign = await marketer.CreateCampaignAsync();
        await marketer.PutAsync($"/api/campaigns/{campaign}/audio/safe-harbour", File(TestAudio.Mp3(), "audio/mpeg"));
        var other = await ScriptsWorld.OtherTeamsMarketerAsync(api);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/campaigns/{campaign}/audio")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await other.GetAsync($"/api/campaigns/{campaign}/audio/safe-harbour")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsync($"/api/campaigns/{campaign}/audio/safe-harbour",
            File(TestAudio.Mp3(10), "audio/mpeg"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await other.DeleteAsync($"/api/campaigns/{campaign}/audio/safe-harbour")).StatusCode);
        Assert.Equal(2048, (await marketer.GetByteArrayAsync($"/api/campaigns/{campaign}/audio/safe-harbour")).Length);
    }

    [Fact]
    public async Task An_agent_may_not_upload_and_nobody_signed_out_may_list()
    {
        var campaign = await api.ClientAs(Role.Marketer).CreateCampaignAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await api.ClientAs(Role.Agent).PutAsync(
            $"/api/campaigns/{campaign}/audio/voicemail", File(TestAudio.Mp3(), "audio/mpeg"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await api.Anonymous().GetAsync($"/api/campaigns/{campaign}/audio")).StatusCode);
    }

    [Fact]
    public async Task The_api_serves_a_recording_at_its_signed_url_too_for_the_answer_fallback()
    {
        var marketer = api.ClientAs(Role.Marketer);
        var campaign = await marketer.CreateCampaignAsync();
        await marketer.PutAsync($"/api/campaigns/{campaign}/audio/safe-harbour", File(TestAudio.Mp3(77), "audio/mpeg"));
        await using var db = api.Database.CreateDb();
        var id = db.MessageAudio.Single(a => a.CampaignId == campaign).Id;
        var url = api.Services.GetRequiredService<AudioUrlSigner>().UrlFor("http://localhost", id);

        var anonymous = api.Anonymous();
        Assert.Equal(77, (await anonymous.GetByteArrayAsync(url.PathAndQuery)).Length);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await anonymous.GetAsync(url.PathAndQuery.Replace("sig=", "sig=0", StringComparison.Ordinal)))
            .StatusCode);
    }
}
