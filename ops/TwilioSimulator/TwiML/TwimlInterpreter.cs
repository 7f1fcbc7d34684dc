using System.Xml.Linq;
using Dialer.TwilioSimulator.Calls;
using Dialer.TwilioSimulator.Hosting;
using Microsoft.Extensions.Options;

namespace Dialer.TwilioSimulator.TwiML;

/// <summary>
/// Executes the verbs of one TwiML document on a live call, taking simulated time for each.
/// Returns the next document to run (a Redirect or a Dial action's answer), or null when the call should end.
/// </summary>
public sealed class TwimlInterpreter(
    DialVerb dial, IOptions<SimulatorOptions> options, TimeProvider time, ILogger<TwimlInterpreter> logger)
{
    readonly SimulatorOptions _options = options.Value;

    public async Task<TwimlSource?> ExecuteAsync(SimCall call, TwimlDocument document, CancellationToken ct)
    {
        foreach (var verb in document.Verbs)
        {
            switch (verb.Name.LocalName)
            {
                case "Say":
                    call.Note($"Say ({verb.Value.Length} chars)");
                    await SpeakAsync(verb, ct);
                    break;
                case "Play":
                    call.Note("Play " + verb.Value.Trim());
                    await WaitAsync(_options.PlayMilliseconds * verb.Loop(), ct);
                    break;
                case "Pause":
                    call.Note($"Pause {verb.Int("length", 1)}s");
                    await WaitAsync(verb.Int("length", 1) * 1000, ct);
                    break;
                case "Gather":
                    await GatherAsync(call, verb, ct);
                    break;
                case "Hangup" or "Reject":
                    call.Note(verb.Name.LocalName);
                    return null;
                case "Redirect":
                    var target = document.Resolve(verb.Value.Trim());
                    call.Note("Redirect " + target);
                    return TwimlSource.FromUrl(target, verb.Method());
                case "Dial":
                    if (await dial.ExecuteAsync(call, verb, document, ct) is { } afterDial) return afterDial;
                    if (call.Control.EndsAfterDial) return null;
                    break;
                case "Enqueue":
                    await EnqueueAsync(call, verb.Value.Trim(), ct);
                    break;
                default:
                    call.Note($"{verb.Name.LocalName} (not simulated, skipped)");
                    logger.LogInformation("Call {CallSid}: skipped unsupported verb {Verb}", call.Sid,
                        verb.Name.LocalName);
                    break;
            }
        }
        return null;
    }

    async Task SpeakAsync(XElement say, CancellationToken ct) =>
        await WaitAsync((long)say.Value.Length * _options.SayMillisecondsPerCharacter * say.Loop(), ct);

    /// <summary>
    /// The simulated callee never presses keys: Gather plays its prompts, times out, and TwiML goes on.
    /// </summary>
    async Task GatherAsync(SimCall call, XElement gather, CancellationToken ct)
    {
        call.Note("Gather (no input)");
        foreach (var prompt in gather.Elements())
        {
            if (prompt.Name.LocalName == "Say") await SpeakAsync(prompt, ct);
            else if (prompt.Name.LocalName == "Play") await WaitAsync(_options.PlayMilliseconds * prompt.Loop(), ct);
            else if (prompt.Name.LocalName == "Pause") await WaitAsync(prompt.Int("length", 1) * 1000, ct);
        }
        await WaitAsync(gather.Int("timeout", 5) * 1000, ct);
    }

    /// <summary>The caller waits in the queue until the engine redirects the call or the caller gives up.</summary>
    async Task EnqueueAsync(SimCall call, string queue, CancellationToken ct)
    {
        lock (call.Gate) call.Queue = queue;
        call.Note("Enqueue " + queue);
        await Task.Delay(Timeout.InfiniteTimeSpan, time, ct);
    }

    Task WaitAsync(long twimlMilliseconds, CancellationToken ct)
    {
        var scaled = twimlMilliseconds * _options.TwimlTimeScale;
        return scaled < 1 ? Task.CompletedTask : Task.Delay(TimeSpan.FromMilliseconds(scaled), time, ct);
    }
}
