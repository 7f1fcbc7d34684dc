using System.Security.Claims;
using Dialer.Api.Auth;
using Dialer.Core.Agents;
using Dialer.Core.Auth;
using Dialer.Core.Campaigns;
using Dialer.Core.Data;
using Dialer.Core.OutboundWebhooks;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Api.Teams;

/// <summary>
/// What the signed-in user may see of other people's objects, in one place: an admin every team's; a marketer or
/// manager their own team's campaigns, agents, calls and recordings; an agent the campaigns they are assigned to.
/// Routes never test a team themselves: they declare <see cref="TeamScoped"/> (checked by <see cref="TeamScopeCheck"/>)
/// or read through the queries here.
/// </summary>
public sealed class TeamScope(IHttpContextAccessor http, DialerDb db)
{
    ClaimsPrincipal User => http.HttpContext?.User ?? throw new InvalidOperationException("No request.");

    public bool SeesEveryTeam => User.IsInRole(nameof(Role.Admin));

    public Guid TeamId => Guid.TryParse(User.FindFirstValue(DialerClaims.TeamId), out var id)
        ? id : throw new InvalidOperationException("The signed-in user has no team.");

    /// <summary>The team to narrow to; null for an admin, who sees all.</summary>
    public Guid? OnlyTeam => SeesEveryTeam ? null : TeamId;

    Guid? AgentId => Guid.TryParse(User.FindFirstValue(DialerClaims.AgentId), out var id) ? id : null;

    public IQueryable<Campaign> Campaigns =>
        OnlyTeam is { } team ? db.Campaigns.Where(c => c.TeamId == team) : db.Campaigns;

    public IQueryable<Agent> Agents => OnlyTeam is { } team ? db.Agents.Where(a => a.TeamId == team) : db.Agents;

    public IQueryable<WebhookSubscription> Webhooks =>
        OnlyTeam is { } team ? db.WebhookSubscriptions.Where(s => s.TeamId == team) : db.WebhookSubscriptions;

    public IQueryable<Core.Lists.ContactList> Lists =>
        OnlyTeam is { } team ? db.ContactLists.Where(l => l.TeamId == team) : db.ContactLists;

    /// <summary>The campaigns an agent user is assigned to (and so may log in to, preview and take calls of).</summary>
    public IQueryable<Guid> AssignedCampaignIds => AgentId is { } agent
        ? db.CampaignAgents.Where(a => a.AgentId == agent).Select(a => a.CampaignId)
        : Enumerable.Empty<Guid>().AsQueryable();

    /// <summary>The registry copies the user's team is bound by: its own and those for every team (an admin: all).
    /// </summary>
    public IQueryable<Core.Compliance.Registries.RegistryList> RegistryLists => OnlyTeam is { } team
        ? db.RegistryLists.Where(l => l.TeamId == null || l.TeamId == team) : db.RegistryLists;

    public Task<bool> SeesAsync(TeamObject kind, Guid id, CancellationToken ct) => kind switch
    {
        TeamObject.AssignedCampaign => AssignedCampaignIds.AnyAsync(c => c == id, ct),
        TeamObject.Campaign when User.IsInRole(nameof(Role.Agent)) => AssignedCampaignIds.AnyAsync(c => c == id, ct),
        TeamObject.Campaign => Campaigns.AnyAsync(c => c.Id == id, ct),
        TeamObject.Agent => Agents.AnyAsync(a => a.Id == id, ct),
        TeamObject.Webhook => Webhooks.AnyAsync(s => s.Id == id, ct),
        TeamObject.List => Lists.AnyAsync(l => l.Id == id, ct),
        TeamObject.RegistryList => RegistryLists.AnyAsync(l => l.Id == id && l.Active, ct),
        TeamObject.Recording =>
            db.CallRecordings.AnyAsync(r => r.Id == id && Campaigns.Any(c => c.Id == r.CampaignId), ct),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The ids among <paramref name="campaignIds"/> the signed-in agent is not assigned to.</summary>
    public async Task<List<Guid>> NotAssignedAsync(Guid[] campaignIds, CancellationToken ct)
    {
        var assigned = await AssignedCampaignIds.Where(c => campaignIds.Contains(c)).ToListAsync(ct);
        return [.. campaignIds.Except(assigned)];
    }

    /// <summary>The team a new campaign (or list) goes to: the creator's, or for an admin the one asked for.</summary>
    public async Task<(Guid? Team, string? Error)> TeamForNewAsync(Guid? asked, CancellationToken ct,
        string what = "campaign")
    {
        if (asked is not { } wanted) return (TeamId, null);
        if (!SeesEveryTeam && wanted != TeamId) return (null, $"Only an admin may create a {what} for another team.");
        return await db.Teams.AnyAsync(t => t.Id == wanted, ct) ? (wanted, null) : (null, "No such team.");
    }
}
