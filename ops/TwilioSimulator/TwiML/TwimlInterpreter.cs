using System.Xml.Linq;
using Dialer.TwilioSimulator.Calls;
using Dialer.TwilioSimulator.Hosting;
using Microsoft.Extensions.Options;

namespace Dialer.TwilioSimulator.TwiML;

/// <summary>
/// Executes the verbs of one TwiML document on a live call, taking simulated time for each.
/// Returns the next document to run (a Redirect or a Dial action's answer), or null when the call should end.
/// </summary>
public sealed class TwimlInterpreter(DialVerb dial, GatherVerb gather, PlayVerb play, IOptions<SimulatorOptions> options,
    TimeProvider time, ILogger<TwimlInterpreter> logger)
{
    readonly SimulatorOptions _options = options.Value;

    public async Task<TwimlSource?> ExecuteAsync(SimCall call, TwimlDocument document, CancellationToken ct)
    {
        foreach (var verb in document.Verbs)
        {
            switch (verb.Name.LocalName)
            {
                case "Say":
                    NoteSay(call, verb);
                    await SpeakAsync(verb, ct);
                    break;
                case "Play":
                    await PlayAsync(call, verb, document, ct);
                    break;
                case "Pause":
                    call.Note($"Pause {verb.Int("length", 1)}s");
                    await WaitAsync(verb.Int("length", 1) * 1000, ct);
                    break;
                case "Gather":
                    if (await gather.ExecuteAsync(this, call, verb, document, ct) is { } afterKey) return afterKey;
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

    /// <summary>
    /// The length; then the language and voice when given, so that a test can tell how the words were spoken.
    /// </summary>
    public static void NoteSay(SimCall call, XElement say)
    {
        call.Note($"Say ({say.Value.Length} chars)");
        if (say.Text("language") is { } language)
            call.Note($"Say language={language} voice={say.Text("voice") ?? "default"}");
    }

    public async Task SpeakAsync(XElement say, CancellationToken ct) =>
        await WaitAsync((long)say.Value.Length * _options.SayMillisecondsPerCharacter * say.Loop(), ct);

    /// <summary>Fetched first (<see cref="PlayVerb"/>); heard for a fixed time per loop when it could be.</summary>
    public async Task PlayAsync(SimCall call, XElement verb, TwimlDocument document, CancellationToken ct)
    {
        if (await play.FetchAsync(call, verb, document, ct))
            await WaitAsync(_options.PlayMilliseconds * verb.Loop(), ct);
    }

    public Task PauseAsync(XElement pause, CancellationToken ct) => WaitAsync(pause.Int("length", 1) * 1000, ct);

    /// <summary>The caller waits in the queue until the engine redirects the call or the caller gives up.</summary>
    async Task EnqueueAsync(SimCall call, string queue, CancellationToken ct)
    {
        lock (call.Gate) call.Queue = queue;
        call.Note("Enqueue " + queue);
        await Task.Delay(Timeout.InfiniteTimeSpan, time, ct);
    }

    public Task WaitAsync(long twimlMilliseconds, CancellationToken ct)
    {
        var scaled = twimlMilliseconds * _options.TwimlTimeScale;
        return scaled < 1 ? Task.CompletedTask : Task.Delay(TimeSpan.FromMilliseconds(scaled), time, ct);
    }
}
