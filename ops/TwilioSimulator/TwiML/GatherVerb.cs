using System.Xml.Linq;
using Dialer.TwilioSimulator.Callbacks;
using Dialer.TwilioSimulator.Calls;
using Dialer.TwilioSimulator.Faults;

namespace Dialer.TwilioSimulator.TwiML;

/// <summary>
/// A Gather: its prompts play; with the keyPress fault the callee presses that key after the first prompt, and the
/// Gather's action (by default the document's own URL, as Twilio does) is asked for the TwiML that follows, with
/// Digits. Without a key press the Gather waits its timeout and the TwiML goes on after it.
/// </summary>
public sealed class GatherVerb(WebhookClient webhooks, FaultState faults)
{
    public async Task<TwimlSource?> ExecuteAsync(TwimlInterpreter player, SimCall call, XElement gather,
        TwimlDocument document, CancellationToken ct)
    {
        var key = call.KeyPress ?? faults.Current.KeyPress;
        foreach (var prompt in gather.Elements())
        {
            if (prompt.Name.LocalName == "Say")
            {
                TwimlInterpreter.NoteSay(call, prompt);
                await player.SpeakAsync(prompt, ct);
            }
            else if (prompt.Name.LocalName == "Play") await player.PlayAsync(call, prompt, document, ct);
            else if (prompt.Name.LocalName == "Pause") await player.PauseAsync(prompt, ct);
            if (key is not null) return await PressAsync(call, gather, document, key, ct);
        }
        if (key is not null) return await PressAsync(call, gather, document, key, ct);
        await player.WaitAsync(gather.Int("timeout", 5) * 1000L, ct);
        call.Note($"Gather (no input, {gather.Int("timeout", 5)}s)");
        return null;
    }

    async Task<TwimlSource?> PressAsync(SimCall call, XElement gather, TwimlDocument document, string key,
        CancellationToken ct)
    {
        var url = gather.Text("action") is { } action ? document.Resolve(action) : document.Resolve("");
        var parameters = CallParameters.For(call, CallStatus.InProgress);
        parameters.Add(new("Digits", key));
        parameters.Add(new("FinishedOnKey", ""));
        call.Note($"Gather pressed {key}, action {url}");
        var response = await webhooks.SendAsync(url, gather.Method(), parameters, ct);
        if (response.Succeeded) return TwimlSource.Inline(response.Body) with { Url = url };
        lock (call.Gate) call.LastError = $"Gather action {url} answered {response.Status} {response.Error}".TrimEnd();
        return null;
    }
}
