using Dialer.Contracts;
using Dialer.Core.Agents;
using Dialer.Core.Agents.Lines;
using Dialer.Core.Campaigns.Scripts;
using Dialer.Core.Changes;
using Dialer.Core.Data;
using Dialer.Core.Dialing;
using Dialer.Core.Figures;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dialer.Worker.Agents;

/// <summary>
/// No agent stays stuck: a reservation that never connected, a call whose end we missed, a wrap-up that ran out,
/// a console that went away. Every node runs it; the row locks make two nodes' fixes of one agent one fix.
/// </summary>
public sealed class AgentHealer(IServiceScopeFactory scopes, IOptions<AgentOptions> options,
    IOptions<AgentLimits> limits, TimeProvider clock, ILogger<AgentHealer> log)
    : BackgroundService
{
    const int HealersAtOnce = 4;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.HealEverySeconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await HealAllAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Agent healing round failed; the next round tries again");
            }
        }
    }

    public async Task HealAllAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DialerDb>();
        var due = await DueAsync(db, Rules(), clock.GetUtcNow(), ct);
        // a few at a time, each in its own transaction: one agent whose rows are locked a while (a webhook of theirs
        // in flight) must not hold up the others' round; on a floor of a hundred, a round one by one took seconds
        await Parallel.ForEachAsync(due,
            new ParallelOptions { MaxDegreeOfParallelism = HealersAtOnce, CancellationToken = ct }, async (id, token) =>
            {
                try { await HealAsync(id, token); }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "Healing agent {AgentId} failed; the next round tries again", id);
                }
            });
        // after the healing: a broker that does not confirm must never stop the floor from being healed
        await HangUpLinesOfOfflineAgentsAsync(
            db, scope.ServiceProvider.GetRequiredService<IPublishEndpoint>(), log, ct);
    }

    /// <summary>
    /// The agents the rules would heal now, decided from one unlocked read of the floor (three queries, whatever its
    /// size). Only these are then locked and decided again: locking every busy agent's call, contact and row each
    /// round (a floor of a hundred on call: a hundred transactions a round) queued the answers behind the healer.
    /// </summary>
    static async Task<List<Guid>> DueAsync(DialerDb db, HealingRules rules, DateTimeOffset now, CancellationToken ct)
    {
        var agents = await db.Agents.AsNoTracking()
            .Where(a => a.State == AgentState.Reserved || a.State == AgentState.OnCall || a.State == AgentState.WrapUp
                || a.ConsoleDisconnectedAt != null)
            .ToListAsync(ct);
        if (agents.Count == 0) return [];
        var attemptIds = agents.Where(a => a.CurrentAttemptId is not null).Select(a => a.CurrentAttemptId!.Value)
            .ToList();
        var attempts = await db.CallAttempts.AsNoTracking().Where(a => attemptIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, ct);
        var campaignIds = attempts.Values.Select(a => a.CampaignId).Distinct().ToList();
        var settings = await db.Campaigns.AsNoTracking().Where(c => campaignIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Settings }).ToDictionaryAsync(c => c.Id, c => c.Settings, ct);
        return agents.Where(agent =>
        {
            var attempt = agent.CurrentAttemptId is { } id ? attempts.GetValueOrDefault(id) : null;
            var campaign = attempt is null ? null : settings.GetValueOrDefault(attempt.CampaignId);
            return AgentHealing.Decide(agent, CallFacts.Of(attempt), campaign, rules, now) is not null;
        }).Select(a => a.Id).ToList();
    }

    HealingRules Rules() => new(TimeSpan.FromSeconds(limits.Value.ReservationTimeoutSeconds),
        TimeSpan.FromSeconds(limits.Value.ConsoleGraceSeconds),
        options.Value.AutoWrapUpSeconds is { } auto ? TimeSpan.FromSeconds(auto) : null);

    /// <summary>
    /// However an agent went Offline (logged out, by a manager, their console gone), their line is hung up here; its
    /// status callback then marks it dropped. Asked again each round until it has; a line Twilio no longer knows (its
    /// last callback lost) is marked dropped by the hang-up itself.
    /// </summary>
    static async Task HangUpLinesOfOfflineAgentsAsync(DialerDb db, IPublishEndpoint bus, ILogger log,
        CancellationToken ct)
    {
        var lines = await db.Agents.AsNoTracking()
            .Where(a => a.State == AgentState.Offline
                && (a.LineState == LineState.Open || a.LineState == LineState.Connecting) && a.LineCallSid != null)
            .Select(a => new HangUpAgentLine(a.Id, a.LineCallSid!)).ToListAsync(ct);
        try
        {
            // MassTransit waits for the broker's confirm whatever the token says: the wait is bounded here
            foreach (var line in lines) await bus.Publish(line, ct).WaitAsync(PublishTimeout, ct);
        }
        catch (Exception e) when (e is TimeoutException || e is not OperationCanceledException)
        {
            log.LogWarning(e, "Hanging up the lines of offline agents failed; the next round asks again");
        }
    }

    static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(5);

    async Task HealAsync(Guid agentId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DialerDb>();
        var rules = Rules();

        await scope.ServiceProvider.GetRequiredService<StateChanges>().RunAsync(async (unit, token) =>
        {
            var now = unit.Now;
            var attemptId = await db.Agents.Where(a => a.Id == agentId).Select(a => a.CurrentAttemptId)
                .SingleAsync(token);
            var attempt = attemptId is { } aid ? await unit.LockAttemptAsync(aid, token) : null;
            // its contact before the agent, should the healer dispose of the call
            if (attempt is not null) await unit.LockContactAsync(attempt.ContactId, token);
            var agent = await unit.LockAgentAsync(agentId, token);
            // moved meanwhile: the next round sees it afresh
            if (agent is null || agent.CurrentAttemptId != attemptId)
            {
                unit.Discard();
                return;
            }
            var settings = attempt is null ? null
                : await db.Campaigns.Where(c => c.Id == attempt.CampaignId).Select(c => c.Settings).SingleAsync(token);
            // decided again under the locks: the unlocked read that chose this agent may be stale
            if (AgentHealing.Decide(agent, CallFacts.Of(attempt), settings, rules, now) is not { } healing)
            {
                unit.Discard();
                return;
            }

            var disposed = healing.Disposition is { } disposition && attempt is not null && settings is not null
                && attempt.Disposition is null
                && (await Disposal.DisposeAsync(unit, attempt, disposition, null, null, settings, "healer", token,
                    healing.Simulated ? ScriptAnswers.Simulated(settings.ScriptFields, attempt.Id) : null))
                    .Refusal is null;
            agent.Heal(healing.To, healing.Reason, now);
            var moves = unit.Record(agent);
            if (disposed)
                unit.Publish(new CallDispositioned(attempt!.Id, attempt.CampaignId, agentId, attempt.Disposition!,
                    attempt.Converted, now));
            log.LogInformation("Agent {AgentId} healed: {From} -> {To} ({Reason})",
                agentId, moves.FirstOrDefault()?.From, healing.To, healing.Reason);
        }, ct);
    }
}
