using Dialer.Core.Campaigns.Audio;
using Dialer.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Dialer.ServiceDefaults.Twilio;

/// <summary>
/// The signed URL of a campaign's recorded message, or null to speak its words. Which messages a campaign has audio
/// for is kept a few seconds (the answer webhook asks on every call); an upload or a delete shows within that.
/// </summary>
public sealed class CampaignAudioLinks(DialerDb db, IMemoryCache cache, AudioUrlSigner signer)
{
    public async Task<Uri?> UrlAsync(Guid campaignId, AudioMessage message, string hooks, CancellationToken ct)
    {
        var audio = await cache.GetOrCreateAsync(("campaign-audio", campaignId), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(5);
            return db.MessageAudio.AsNoTracking().Where(a => a.CampaignId == campaignId)
                .Select(a => new { a.Message, a.Id }).ToDictionaryAsync(a => a.Message, a => a.Id, ct);
        });
        return audio!.TryGetValue(message, out var id) ? signer.UrlFor(hooks, id) : null;
    }
}
