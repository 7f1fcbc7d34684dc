using Dialer.TwilioSimulator.Callbacks;
using Dialer.TwilioSimulator.Hosting;
using Microsoft.Extensions.Options;

namespace Dialer.TwilioSimulator.Calls;

/// <summary>
/// Answering machine detection: the verdict (AnsweredBy) and how long it takes. Synchronous AMD holds the answer
/// URL until the verdict; AsyncAmd requests the answer URL at once and posts the verdict to AsyncAmdStatusCallback.
/// </summary>
public sealed class MachineDetection(
    WebhookClient webhooks, IOptions<SimulatorOptions> options, TimeProvider time, ILogger<MachineDetection> logger)
{
    readonly AmdOptions _amd = options.Value.Amd;

    /// <summary>Never throws: a call hung up mid-detection simply gets no verdict.</summary>
    public async Task DetectAsync(SimCall call, CancellationToken ct)
    {
        try
        {
            await DetectOrThrowAsync(call, ct);
        }
        catch (OperationCanceledException)
        {
        }
    }

    async Task DetectOrThrowAsync(SimCall call, CancellationToken ct)
    {
        var (verdict, took) = Decide(call);
        await Task.Delay(took, time, ct);
        lock (call.Gate) call.AnsweredBy = verdict;
        call.Note($"AMD {verdict} after {took.TotalMilliseconds:0}ms");
        logger.LogInformation("Call {CallSid}: AMD says {AnsweredBy}", call.Sid, verdict);
        if (!call.Instructions.AsyncAmd || call.Instructions.AsyncAmdStatusCallback is not { } url) return;

        List<KeyValuePair<string, string>> parameters =
        [
            new("AccountSid", call.AccountSid),
            new("CallSid", call.Sid),
            new("AnsweredBy", verdict),
            new("MachineDetectionDuration", CallParameters.Number((long)took.TotalMilliseconds)),
        ];
        var response = await webhooks.SendAsync(url, call.Instructions.AsyncAmdStatusCallbackMethod, parameters, ct);
        call.Note($"AMD callback answered {response.Status}");
    }

    (string Verdict, TimeSpan Took) Decide(SimCall call)
    {
        var limit = TimeSpan.FromSeconds(call.Instructions.MachineDetectionTimeoutSeconds);
        var took = call.Chance.Duration(_amd.DetectionTime);
        var machine = call.Outcome == PlannedOutcome.Machine;
        var endOfMessage = call.Instructions.MachineDetection == "DetectMessageEnd";
        if (machine && endOfMessage) took += call.Chance.Duration(_amd.MessageEndTime);
        if (took > limit) return ("unknown", limit);
        if (call.Chance.Chance(_amd.UnknownFraction)) return ("unknown", took);
        if (!machine) return ("human", took);
        if (call.Chance.Chance(_amd.FaxFraction)) return ("fax", took);
        return (endOfMessage ? "machine_end_beep" : "machine_start", took);
    }
}
