using Dialer.Core.Campaigns.Audio;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dialer.ServiceDefaults.Twilio;

/// <summary>
/// Asks once, as the process starts, which recordings a campaign has: EF Core translates the query then, not within
/// the first answer's budget (a test on a loaded machine heard the fallback message for the first call without it).
/// </summary>
public sealed class MessageAudioWarmUp(IServiceScopeFactory scopes, ILogger<MessageAudioWarmUp> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        try
        {
            using var scope = scopes.CreateScope();
            await scope.ServiceProvider.GetRequiredService<CampaignAudioLinks>()
                .UrlAsync(Guid.Empty, AudioMessage.SafeHarbour, "http://localhost", ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogInformation("Recorded messages not warmed up ({Error}): the first answer does it", e.Message);
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
