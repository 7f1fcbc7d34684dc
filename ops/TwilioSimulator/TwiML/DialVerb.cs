using System.Xml.Linq;
using Dialer.TwilioSimulator.Agents;
using Dialer.TwilioSimulator.Callbacks;
using Dialer.TwilioSimulator.Calls;
using Dialer.TwilioSimulator.Hosting;
using Microsoft.Extensions.Options;

namespace Dialer.TwilioSimulator.TwiML;

/// <summary>
/// &lt;Dial&gt; with one Client, Number or Conference noun (a bare number counts as Number). Twilio rings several
/// nouns at once and bridges the first to answer; the simulator dials the first noun only.
/// </summary>
public sealed class DialVerb(
    SimulatedAgents agents, ConferenceRegistry conferences, WebhookClient webhooks, SimRandom random,
    IOptions<SimulatorOptions> options, TimeProvider time)
{
    public async Task<TwimlSource?> ExecuteAsync(SimCall call, XElement dial, TwimlDocument document,
        CancellationToken ct)
    {
        var timeout = TimeSpan.FromSeconds(Math.Clamp(dial.Int("timeout", 30), 5, 600));
        var noun = dial.Elements().FirstOrDefault();
        var started = time.GetUtcNow();
        // timeLimit ends the Dial, not the call: the action is requested and the TwiML goes on
        using var limit = new CancellationTokenSource(
            TimeSpan.FromSeconds(Math.Max(dial.Int("timeLimit", 14_400), 1)), time);
        using var dialling = CancellationTokenSource.CreateLinkedTokenSource(ct, limit.Token);
        DialResult result;
        try
        {
            result = noun?.Name.LocalName switch
            {
                "Client" => await agents.DialAsync(ClientName(noun), call, timeout, dialling.Token,
                    AgentLegAnswered(call, noun, document, ct)),
                "Number" => await DialNumberAsync(call, noun.Value.Trim(), timeout, dialling.Token),
                "Conference" => await JoinConferenceAsync(call, noun, document, dialling.Token),
                null when dial.Value.Trim() is { Length: > 0 } bare =>
                    await DialNumberAsync(call, bare, timeout, dialling.Token),
                _ => DialResult.Failed($"Dial with nothing simulated to dial ({noun?.Name.LocalName ?? "empty"})"),
            };
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            call.Note($"Dial timeLimit {dial.Int("timeLimit", 14_400)}s reached");
            result = DialResult.Completed(null, time.GetUtcNow() - started);
        }
        call.Note(
            $"Dial ended {result.Status} after {result.DurationSeconds}s{(result.Why is { } why ? ": " + why : "")}");

        if (dial.Text("action") is not { } action) return null;

        var url = document.Resolve(action);
        var parameters = CallParameters.For(call, CallStatus.InProgress);
        parameters.Add(new("DialCallStatus", result.Status));
        parameters.Add(new("DialBridged", result.Bridged ? "true" : "false"));
        if (result.DialCallSid is { } legSid) parameters.Add(new("DialCallSid", legSid));
        parameters.Add(new("DialCallDuration", CallParameters.Number(result.DurationSeconds)));
        call.Note("Dial action " + url);
        var response = await webhooks.SendAsync(url, dial.Method(), parameters, ct);
        if (call.Control.EndsAfterDial) return null; // the agent hung up on this customer: nothing after the Dial runs
        if (response.Succeeded) return TwimlSource.Inline(response.Body) with { Url = url };

        lock (call.Gate) call.LastError = $"Dial action {url} answered {response.Status} {response.Error}".TrimEnd();
        return null;
    }

    /// <summary>
    /// A Client noun's statusCallback with "answered" among its statusCallbackEvent: posted when the agent picks up.
    /// </summary>
    Func<string, Task>? AgentLegAnswered(SimCall call, XElement client, TwimlDocument document, CancellationToken ct)
    {
        if (client.Text("statusCallback") is not { } callback) return null;
        var events = (client.Text("statusCallbackEvent") ?? "completed")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (!events.Contains("answered")) return null;
        var url = document.Resolve(callback);
        var method = client.Text("statusCallbackMethod")?.ToUpperInvariant() ?? "POST";
        return async legSid =>
        {
            List<KeyValuePair<string, string>> parameters =
            [
                new("AccountSid", call.AccountSid), new("ApiVersion", CallResourceJson.ApiVersionValue),
                new("CallSid", legSid), new("ParentCallSid", call.Sid), new("CallStatus", CallStatus.InProgress),
                new("Direction", "outbound-dial"), new("From", call.From), new("To", "client:" + ClientName(client)),
                new("CallbackSource", "call-progress-events"),
            ];
            call.Note("agent leg answered callback " + url);
            var response = await webhooks.SendAsync(url, method, parameters, ct);
            if (!response.Succeeded)
                lock (call.Gate)
                    call.LastError =
                        $"Client statusCallback {url} answered {response.Status} {response.Error}".TrimEnd();
        };
    }

    /// <summary>
    /// Both &lt;Client&gt;alice&lt;/Client&gt; and &lt;Client&gt;&lt;Identity&gt;alice&lt;/Identity&gt;&lt;/Client&gt;.
    /// </summary>
    static string ClientName(XElement client) =>
        (client.Elements().FirstOrDefault(e => e.Name.LocalName == "Identity")?.Value ?? client.Value).Trim();

    /// <summary>
    /// A dialled number rings, answers and talks like an agent would, with the campaign's ring times.
    /// </summary>
    async Task<DialResult> DialNumberAsync(SimCall call, string number, TimeSpan timeout, CancellationToken ct)
    {
        call.Note("Dial Number " + PhoneMask.Mask(number));
        var ring = random.Duration(options.Value.RingTime);
        if (ring >= timeout)
        {
            await Task.Delay(timeout, time, ct);
            return DialResult.NoAnswer;
        }
        await Task.Delay(ring, time, ct);
        var talk = random.Duration(options.Value.Agents.TalkTime);
        call.Control.SetBridged(true);
        try
        {
            await Task.Delay(talk, time, ct);
        }
        finally
        {
            call.Control.SetBridged(false);
        }
        return DialResult.Completed(SimSids.NewCallSid(), talk);
    }

    /// <summary>
    /// The leg stays in the conference until it ends or removes the leg, or the leg is hung up or redirected.
    /// </summary>
    async Task<DialResult> JoinConferenceAsync(SimCall call, XElement conference, TwimlDocument document,
        CancellationToken ct)
    {
        var name = conference.Value.Trim();
        lock (call.Gate) call.Conference = name;
        call.Note("Conference " + name);
        var joined = time.GetUtcNow();
        var participant = ParticipantOf(call, conference, document) with { CreatedAt = joined };
        if (participant.Role == ParticipantRole.Agent && call.RingsAgent is { } agent && NoCustomerIn(name)
            && agents.OpenLine(agent, call.Sid, name))
            call.Note($"line of agent {agent} open in {name}");
        var over = conferences.Join(name, call, participant);
        try
        {
            await over.WaitAsync(ct);
            return DialResult.Completed(null, time.GetUtcNow() - joined);
        }
        finally
        {
            conferences.Leave(name, call.Sid);
        }
    }

    /// <summary>
    /// The participant a Conference noun makes of this leg (the Participants API's options win when it made the leg).
    /// </summary>
    static Participant ParticipantOf(SimCall call, XElement conference, TwimlDocument document)
    {
        // coach="CA..." is how a manager's leg whispers to one agent; the customer does not hear it
        var coaching = conference.Text("coach");
        var label = conference.Text("participantLabel");
        var role = coaching is not null ? ParticipantRole.Coach
            : label == "customer" || call.RingsAgent is null ? ParticipantRole.Customer
            : ParticipantRole.Agent;
        label ??= role == ParticipantRole.Customer || call.To.StartsWith('+') ? PhoneMask.Mask(call.To) : call.To;
        var callback = conference.Text("statusCallback") is { } url
            ? ConferenceCallbackRequest.Of(document.Resolve(url), conference.Text("statusCallbackMethod"),
                [conference.Text("statusCallbackEvent")])
            : null;
        return new Participant(call.Sid, label, role, conference.Text("muted") == "true", coaching,
            conference.Text("endConferenceOnExit") == "true", null, null)
        {
            StartConferenceOnEnter = conference.Text("startConferenceOnEnter") != "false",
            WaitMusic = conference.Attribute("waitUrl") is { } wait
                ? (wait.Value.Trim() is { Length: > 0 } music ? document.Resolve(music) : "none") : "default",
            ConferenceCallback = callback,
        };
    }

    bool NoCustomerIn(string name) =>
        conferences.Find(name) is not { Status: not ConferenceStatus.Completed } room
        || !room.Participants.Any(p => p.Role == ParticipantRole.Customer && p.Status == ParticipantStatus.Connected);
}

public sealed record DialResult(string Status, string? DialCallSid, int DurationSeconds, bool Bridged)
{
    public static readonly DialResult NoAnswer = new(CallStatus.NoAnswer, null, 0, false);
    public static readonly DialResult Busy = new(CallStatus.Busy, null, 0, false);

    public static DialResult Completed(string? legSid, TimeSpan talked) =>
        new(CallStatus.Completed, legSid, (int)Math.Ceiling(talked.TotalSeconds), true);

    public static DialResult Failed(string why) => new(CallStatus.Failed, null, 0, false) { Why = why };

    public string? Why { get; init; }
}
