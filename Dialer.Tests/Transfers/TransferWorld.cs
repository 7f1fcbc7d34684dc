using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dialer.Core.Agents;
using Dialer.Core.Auth;
using Dialer.Core.Dialing;
using Dialer.Core.Transfers;
using Dialer.Tests.Agents;
using Dialer.Tests.Infrastructure;
using Dialer.Tests.Supervision;
using Dialer.TwilioSimulator.Agents;
using Dialer.TwilioSimulator.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Transfers;

/// <summary>Live calls whose agents talk long enough to transfer them, and the Api the agents' consoles call.</summary>
public sealed class TransferWorld : AgentsWorld
{
    public SupervisionApiHost Api { get; private set; } = null!;

    protected override SimulatorOptions SimulatorSettings()
    {
        var options = Patient(FastSimulator());
        options.Agents = new AgentOptions { AnswerDelay = new(50, 100), TalkTime = new(9000, 9500) };
        return options;
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Api = new SupervisionApiHost(Database.ConnectionString, Simulator.BaseAddress, Worker.PublicUrl);
        await Api.StartAsync();
    }

    public override async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>One answered call, its customer talking with a fresh agent in their room; the agent's console signed
    /// in.</summary>
    public async Task<LiveCall> LiveCallAsync()
    {
        var (campaign, _) = await RunningCampaignAsync(1);
        var agent = await AvailableAgentAsync([campaign.Id]);
        var attempt = Assert.Single(await DialAsync(campaign, 1));
        await WaitForAgentAsync(agent.Id, a => a.State == AgentState.OnCall);
        var live = Assert.Single(
            await WaitForAttemptsAsync([attempt.Id], a => a.ConferenceSid is not null && a.AgentCallSid is not null));
        return new LiveCall(live, agent, await ConsoleOfAsync(agent.Id));
    }

    public async Task<HttpClient> ConsoleOfAsync(Guid agentId)
    {
        var (_, key) = await Api.AddUserAsync(Role.Agent, "agent " + agentId.ToString("N")[..6], agentId);
        return Api.ClientWith(key);
    }

    public async Task<CallTransfer> WaitForTransferAsync(Guid id, Func<CallTransfer, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await using var db = Db();
            var transfer = await db.CallTransfers.AsNoTracking().SingleAsync(t => t.Id == id);
            if (done(transfer)) return transfer;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Transfer {id} is still {transfer.State}");
            await Task.Delay(100);
        }
    }

    /// <summary>The room as the simulator has it once <paramref name="done"/> holds.</summary>
    public async Task<ConferenceSnapshot> RoomAsync(string sidOrName, Func<ConferenceSnapshot, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if (Simulator.Conferences.Find(sidOrName) is { } room && done(room)) return room;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Room {sidOrName} never got there");
            await Task.Delay(50);
        }
    }

    public static ParticipantInRoom? ThirdPartyIn(ConferenceSnapshot room) =>
        room.Participants.Where(p => p.Label == TransferRoom.ThirdPartyLabel && p.Status == ParticipantStatus.Connected)
            .Select(p => new ParticipantInRoom(p.CallSid, p.Hold)).FirstOrDefault();

    public sealed record ParticipantInRoom(string CallSid, bool Hold);
}

public sealed record LiveCall(CallAttempt Attempt, Agent Agent, HttpClient Console)
{
    public string Path => $"/api/agent-console/calls/{Attempt.Id}/transfers";

    public async Task<(HttpResponseMessage Response, JsonObject? Body)> TransferAsync(object body)
    {
        var response = await Console.PostAsJsonAsync(Path, body);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length > 0 ? JsonNode.Parse(text) as JsonObject : null);
    }
}
