using Dialer.Api.Campaigns;
using Dialer.Api.Hosting;
using Dialer.Core.CallerIds;
using Dialer.Core.Campaigns;
using Dialer.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.CallerIds;

/// <summary>
/// The start of a campaign, behind its caller IDs' check: a number Twilio would refuse blocks the launch with the
/// reason (409), as does a Twilio that cannot be asked. The numbers checked must still be the campaign's when it
/// starts.
/// </summary>
public static class CallerIdLaunch
{
    public static async Task<Results<Ok<CampaignResponse>, NotFound, Conflict<ProblemDetails>>> StartAsync(Guid id,
        DialerDb db, CampaignTransitions transitions, CallerIdOwnership ownership, CancellationToken ct)
    {
        var settings = await db.Campaigns.AsNoTracking().Where(c => c.Id == id).Select(c => c.Settings)
            .SingleOrDefaultAsync(ct);
        if (settings is null) return TypedResults.NotFound();
        if (await ownership.ProblemsAsync(settings, ct) is [_, ..] problems)
            return Problems.Conflict(new Refusal("The campaign cannot start: " + string.Join(" ", problems)));
        var checkedNumbers = CallerIdPool.All(settings);
        return await transitions.ApplyAsync(id, (c, now) => CallerIdPool.All(c.Settings).SequenceEqual(checkedNumbers)
            ? c.TryStart(now)
            : new Refusal("The campaign's caller IDs changed while they were checked: start it again."), "started", ct);
    }
}
