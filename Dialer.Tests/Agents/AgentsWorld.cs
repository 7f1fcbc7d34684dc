using Dialer.Core.Agents;
using Dialer.Tests.Infrastructure;
using Dialer.TwilioSimulator.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Agents;

/// <summary>The dialing world with agents: people answer, agents log in to campaigns, the simulator's agents pick up.</summary>
public class AgentsWorld : DialingWorld
{
    /// <summary>The simulator's agent of this name lets the phone ring out.</summary>
    public const string AbsentAgent = "agent-never-answers";

    /// <summary>A customer nobody talks to stays a while: the first answer of a fresh worker is slow.</summary>
    protected override SimulatorOptions SimulatorSettings() => Patient(FastSimulator());

    protected static SimulatorOptions Patient(SimulatorOptions options)
    {
        options.TalkTime = new(8000, 9000);
        options.Agents.NeverAnswer = [AbsentAgent];
        return options;
    }

    protected override IDictionary<string, string?> WorkerSettings() => new Dictionary<string, string?>
    {
        ["Agents:RingSeconds"] = "5",
        ["Agents:HealEverySeconds"] = "0.2",
    };

    /// <summary>An agent Available on the campaigns since <paramref name="idleFor"/> ago (longest idle gets the next call).</summary>
    public async Task<Agent> AvailableAgentAsync(Guid[] campaignIds, TimeSpan? idleFor = null, AgentState state = AgentState.Available,
        Guid? currentAttemptId = null, string? identity = null)
    {
        await using var db = Db();
        var agent = new Agent
        {
            Id = Guid.NewGuid(), Name = "agent", ClientIdentity = identity ?? "agent-" + Guid.NewGuid().ToString("N")[..10],
            State = state, StateSince = DateTimeOffset.UtcNow - (idleFor ?? TimeSpan.FromSeconds(10)), CampaignIds = campaignIds,
            CurrentAttemptId = currentAttemptId,
        };
        db.Agents.Add(agent);
        await db.SaveChangesAsync();
        return agent;
    }

    public async Task AvailableAgentsAsync(Guid campaignId, int count)
    {
        await using var db = Db();
        db.Agents.AddRange(Enumerable.Range(0, count).Select(i => new Agent
        {
            Id = Guid.NewGuid(), Name = $"agent {i}", ClientIdentity = "agent-" + Guid.NewGuid().ToString("N")[..10],
            State = AgentState.Available, StateSince = DateTimeOffset.UtcNow.AddSeconds(-10 - i), CampaignIds = [campaignId],
        }));
        await db.SaveChangesAsync();
    }

    public async Task<Agent> AgentAsync(Guid id)
    {
        await using var db = Db();
        return await db.Agents.AsNoTracking().SingleAsync(a => a.Id == id);
    }

    public async Task<Agent> WaitForAgentAsync(Guid id, Func<Agent, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var agent = await AgentAsync(id);
            if (done(agent)) return agent;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Agent {id} is still {agent.State}");
            await Task.Delay(100);
        }
    }

    public async Task<List<AgentStateChange>> MovesOfAsync(Guid agentId)
    {
        await using var db = Db();
        return await db.AgentStateChanges.AsNoTracking().Where(c => c.AgentId == agentId).OrderBy(c => c.Id).ToListAsync();
    }
}

public sealed class HumansAndAgents : AgentsWorld;

public sealed class MachinesAndAgents : AgentsWorld
{
    protected override SimulatorOptions SimulatorSettings() =>
        Patient(FastSimulator(new OutcomeMix { Human = 0, Machine = 1, Busy = 0, NoAnswer = 0, Failed = 0 }));
}
