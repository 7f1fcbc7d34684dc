using Dialer.Contracts;
using Dialer.Core.Agents;
using Dialer.Core.Agents.Lines;
using Dialer.Tests.Infrastructure;
using Dialer.TwilioSimulator.Hosting;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dialer.Tests.Agents;

/// <summary>The dialing world with agents: people answer, agents log in to campaigns, the simulator's agents pick
/// up.</summary>
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
        ["Agents:LineRingSeconds"] = "5",
        ["Agents:HealEverySeconds"] = "0.2",
    };

    /// <summary>
    /// An agent in <paramref name="state"/> on the campaigns since <paramref name="idleFor"/> ago (longest idle gets
    /// the next call). An Available agent has a real line: the Worker calls the simulator's agent into their room, and
    /// the agent is Available once the room says they joined, as in production.
    /// </summary>
    public async Task<Agent> AvailableAgentAsync(Guid[] campaignIds, TimeSpan? idleFor = null,
        AgentState state = AgentState.Available,
        Guid? currentAttemptId = null, string? identity = null)
    {
        await using var db = Db();
        var withLine = state == AgentState.Available;
        var agent = new Agent
        {
            Id = Guid.NewGuid(), Name = "agent",
            ClientIdentity = identity ?? "agent-" + Guid.NewGuid().ToString("N")[..10],
            State = withLine ? AgentState.Break : state, BreakReason = withLine ? Agent.NoLineReason : null,
            StateSince = DateTimeOffset.UtcNow - (idleFor ?? TimeSpan.FromSeconds(10)), CampaignIds = campaignIds,
            CurrentAttemptId = currentAttemptId,
        };
        // an agent met mid-shift (on a call, in wrap-up) has had their line open all along; no call behind it here
        if (!withLine && state != AgentState.Offline)
            (agent.LineKind, agent.LineState, agent.LineCallSid) = (LineKind.Browser, LineState.Open,
                "CA" + Guid.NewGuid().ToString("N"));
        db.Agents.Add(agent);
        await db.SaveChangesAsync();
        if (!withLine) return agent;
        await OpenLineAsync(agent.Id);
        await using var after = Db();
        await after.Agents.Where(a => a.Id == agent.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.StateSince, agent.StateSince));
        return await AgentAsync(agent.Id);
    }

    public async Task AvailableAgentsAsync(Guid campaignId, int count)
    {
        // lines opened twenty at a time: a floor of a thousand for the answer benchmark takes seconds, not minutes
        foreach (var batch in Enumerable.Range(0, count).Chunk(20))
            await Task.WhenAll(batch.Select(i => AvailableAgentAsync([campaignId], TimeSpan.FromSeconds(10 + i))));
    }

    /// <summary>Asks for the agent's browser line as the Api does, and waits for the simulator's agent to be in their
    /// room.</summary>
    public async Task OpenLineAsync(Guid agentId, LineKind kind = LineKind.Browser, string? address = null)
    {
        var requestId = Guid.NewGuid();
        await using (var db = Db())
        {
            var agent = await db.Agents.SingleAsync(a => a.Id == agentId);
            Assert.Null(agent.TryRequestLine(kind, address, requestId, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        using (var scope = Worker.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<IPublishEndpoint>()
                .Publish(new ConnectAgentLine(agentId, requestId));
        await WaitForAgentAsync(agentId, a => a.LineState == LineState.Open);
    }

    /// <summary>The simulator's agent closes the tab / puts the phone down.</summary>
    public async Task DropLineAsync(string agentName)
    {
        using var http = new HttpClient();
        (await http.PostAsync(new Uri(Simulator.BaseAddress, $"/sim/agents/{Uri.EscapeDataString(agentName)}/drop"),
            null)).EnsureSuccessStatusCode();
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
        return await db.AgentStateChanges.AsNoTracking().Where(c => c.AgentId == agentId).OrderBy(c => c.Id)
            .ToListAsync();
    }
}

public sealed class HumansAndAgents : AgentsWorld;

public sealed class MachinesAndAgents : AgentsWorld
{
    protected override SimulatorOptions SimulatorSettings() =>
        Patient(FastSimulator(new OutcomeMix { Human = 0, Machine = 1, Busy = 0, NoAnswer = 0, Failed = 0 }));
}
