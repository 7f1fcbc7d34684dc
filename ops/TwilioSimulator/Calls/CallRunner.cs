using Dialer.TwilioSimulator.Agents;
using Dialer.TwilioSimulator.Callbacks;
using Dialer.TwilioSimulator.Hosting;
using Dialer.TwilioSimulator.TwiML;
using Microsoft.Extensions.Options;

namespace Dialer.TwilioSimulator.Calls;

/// <summary>
/// Plays one call through from its queue turn: initiated, ringing, then answered (and its TwiML), busy,
/// no-answer or failed, as drawn when it was created. One async flow per call; waits are timer-based.
/// </summary>
public sealed class CallRunner(
    SimulatedAgents agents, StatusCallbacks callbacks, TwimlSession twiml, MachineDetection amd,
    Recordings.CallRecordings recordings, IOptions<SimulatorOptions> options, TimeProvider time,
    IHostApplicationLifetime lifetime, ILogger<CallRunner> logger)
{
    public void Start(SimCall call) => _ = RunAsync(call);

    async Task RunAsync(SimCall call)
    {
        using var run = CancellationTokenSource.CreateLinkedTokenSource(call.Control.Line.Token,
            lifetime.ApplicationStopping);
        var ct = run.Token;
        var finalStatus = CallStatus.Completed;
        string? agent = null;
        try
        {
            var wait = call.QueueTurn - time.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, time, ct);
            Move(call, CallStatus.Queued, "initiated", start: true);

            await Task.Delay(call.Chance.Duration(options.Value.InitiateTime), time, ct);
            Move(call, CallStatus.Ringing, "ringing");
            if (call.RingsAgent is { } name)
            {
                if (!agents.TryRing(name, call.Sid))
                {
                    call.Note($"agent {name} is on another call");
                    finalStatus = CallStatus.Busy;
                    return;
                }
                agent = name;
            }

            var timeout = TimeSpan.FromSeconds(call.Instructions.TimeoutSeconds);
            finalStatus = call.Outcome switch
            {
                PlannedOutcome.Busy => await EndAfterAsync(Min(call.RingTime, timeout), CallStatus.Busy, ct),
                PlannedOutcome.Failed => await EndAfterAsync(Min(call.RingTime, timeout), CallStatus.Failed, ct),
                PlannedOutcome.NoAnswer => await EndAfterAsync(timeout, CallStatus.NoAnswer, ct),
                _ when call.RingTime >= timeout => await EndAfterAsync(timeout, CallStatus.NoAnswer, ct),
                _ => await AnswerAsync(call, ct),
            };
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            bool answered;
            lock (call.Gate) answered = call.AnsweredAt is not null;
            finalStatus = answered ? CallStatus.Completed : call.Control.HangUpStatus ?? CallStatus.Canceled;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Call {CallSid} broke in the simulator", call.Sid);
            lock (call.Gate)
            {
                call.LastError = "simulator fault: " + e.Message;
                finalStatus = call.AnsweredAt is null ? CallStatus.Failed : CallStatus.Completed;
            }
        }
        finally
        {
            if (agent is not null) agents.Ended(agent, finalStatus);
            End(call, finalStatus);
            run.Cancel(); // stops the callee's patience timer and an AMD verdict still pending
        }
    }

    async Task<string> EndAfterAsync(TimeSpan delay, string status, CancellationToken ct)
    {
        await Task.Delay(delay, time, ct);
        return status;
    }

    async Task<string> AnswerAsync(SimCall call, CancellationToken ct)
    {
        await Task.Delay(call.RingTime, time, ct);
        lock (call.Gate) call.AnsweredAt = time.GetUtcNow();
        if (call.RingsAgent is { } agent) agents.Answered(agent, call.Sid);
        Move(call, CallStatus.InProgress, "answered");
        _ = CalleeLeavesAsync(call, ct);
        _ = TimeLimitAsync(call, ct);

        if (call.Instructions.DetectsMachines)
        {
            var detection = amd.DetectAsync(call, ct);
            if (!call.Instructions.AsyncAmd) await detection;
        }

        var first = call.Instructions.Twiml is { } inline
            ? TwimlSource.Inline(inline)
            : TwimlSource.FromUrl(call.Instructions.Url!, call.Instructions.Method);
        await twiml.RunAsync(call, first, ct);
        return CallStatus.Completed;
    }

    /// <summary>The callee's patience: after TalkTime they hang up, or as soon as their conversation ends.</summary>
    async Task CalleeLeavesAsync(SimCall call, CancellationToken ct)
    {
        try
        {
            await Task.Delay(call.TalkTime, time, ct);
            if (call.RingsAgent is { } agent)
            {
                // an agent holding a line stays for the shift; one brought in for one customer hangs up, conversation
                // or not
                if (agents.HoldsLine(agent, call.Sid) || agents.NeverHangsUp(agent)) return;
                call.Note("callee hung up");
                call.Control.HangUp(CallStatus.Completed);
            }
            else
            {
                call.Note("callee hung up");
                call.Control.CalleeWantsToLeave();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Twilio ends an answered call at its TimeLimit, whatever it is doing.</summary>
    async Task TimeLimitAsync(SimCall call, CancellationToken ct)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(call.Instructions.TimeLimitSeconds), time, ct);
            call.Note($"time limit {call.Instructions.TimeLimitSeconds}s reached");
            call.Control.HangUp(CallStatus.Completed);
        }
        catch (OperationCanceledException)
        {
        }
    }

    void Move(SimCall call, string apiStatus, string statusCallbackEvent, bool start = false)
    {
        lock (call.Gate)
        {
            call.Status = apiStatus;
            call.UpdatedAt = time.GetUtcNow();
            if (start) call.StartTime = call.UpdatedAt;
        }
        call.Note(statusCallbackEvent);
        if (apiStatus == CallStatus.Ringing) call.Control.Rang.TrySetResult();
        callbacks.Publish(call, statusCallbackEvent, statusCallbackEvent == "answered" ? CallStatus.InProgress
            : statusCallbackEvent);
    }

    void End(SimCall call, string status)
    {
        lock (call.Gate)
        {
            call.Status = status;
            call.EndTime = call.UpdatedAt = time.GetUtcNow();
            call.StartTime ??= call.EndTime;
        }
        call.Note(status);
        logger.LogInformation("Call {CallSid} to {To} ended {Status} ({Duration}s)",
            call.Sid, PhoneMask.Mask(call.To), status, call.DurationSeconds);
        callbacks.Publish(call, "completed", status);
        recordings.CallEnded(call);
        call.Control.Ended.TrySetResult();
    }

    static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
