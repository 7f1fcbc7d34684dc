using Dialer.Core.Dialing;
using Dialer.Core.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace Dialer.Tests.Infrastructure;

/// <summary>Pauses a running campaign as the Worker does when Twilio refuses the account (401/20003).</summary>
public static class AccountErrorPause
{
    public static readonly string Reason = TwilioRefusals.PauseReason(401, 20003, "Authenticate");

    public static async Task PauseAsync(IServiceProvider services, Guid campaignId)
    {
        using var scope = services.CreateScope();
        var lifecycle = scope.ServiceProvider.GetRequiredService<CampaignLifecycle>();
        var outcome = await lifecycle.ScheduledAsync(campaignId, (c, now) => c.PauseFor(Reason, now), "paused", Reason,
            default);
        if (!outcome.Done) throw new InvalidOperationException($"campaign {campaignId} was not paused");
    }
}
