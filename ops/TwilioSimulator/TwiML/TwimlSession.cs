using Dialer.TwilioSimulator.Callbacks;
using Dialer.TwilioSimulator.Calls;

namespace Dialer.TwilioSimulator.TwiML;

/// <summary>
/// Drives an answered call through its TwiML documents: fetches the answer URL, executes the verbs,
/// follows Redirects, Dial actions and API redirects, until the TwiML runs out or the line drops.
/// </summary>
public sealed class TwimlSession(WebhookClient webhooks, TwimlInterpreter interpreter, ILogger<TwimlSession> logger)
{
    const int MaxDocuments = 100;

    public async Task RunAsync(SimCall call, TwimlSource first, CancellationToken line)
    {
        var next = call.Control.TakePendingRedirect() ?? first;
        for (var documents = 0; next is not null; documents++)
        {
            if (documents == MaxDocuments)
            {
                Fail(call, $"gave up after {MaxDocuments} TwiML documents (a redirect loop?)");
                return;
            }

            using var document = call.Control.BeginDocument(line);
            try
            {
                var twiml = await LoadAsync(call, next, document.Token);
                if (twiml is null) return;
                next = await interpreter.ExecuteAsync(call, twiml, document.Token);
            }
            catch (OperationCanceledException) when (!line.IsCancellationRequested)
            {
                next = call.Control.TakePendingRedirect();
                if (next is not null) call.Note("redirected by API");
            }
        }
    }

    async Task<TwimlDocument?> LoadAsync(SimCall call, TwimlSource source, CancellationToken ct)
    {
        if (source.Twiml is { } inline) return Parse(call, inline, source.Url);

        var url = source.Url!;
        call.Note($"request {source.Method} {url}");
        var response = await webhooks.SendAsync(
            url, source.Method, CallParameters.For(call, CallStatus.InProgress), ct);
        if (!response.Succeeded && call.Instructions.FallbackUrl is { } fallback && url == call.Instructions.Url)
        {
            call.Note($"request fallback {fallback}");
            response = await webhooks.SendAsync(fallback, call.Instructions.FallbackMethod,
                CallParameters.For(call, CallStatus.InProgress), ct);
            url = fallback;
        }
        if (!response.Succeeded)
        {
            Fail(call, $"{url} answered {response.Status} {response.Error}".TrimEnd());
            return null;
        }
        return Parse(call, response.Body, url);
    }

    TwimlDocument? Parse(SimCall call, string text, string? baseUrl)
    {
        var document = TwimlDocument.TryParse(text, baseUrl, out var problem);
        if (document is null) Fail(call, problem!);
        return document;
    }

    /// <summary>Twilio would say "an application error has occurred" and hang up; so do we, minus the words.</summary>
    void Fail(SimCall call, string problem)
    {
        lock (call.Gate) call.LastError = problem;
        call.Note("application error: " + problem);
        logger.LogWarning("Call {CallSid}: application error: {Problem}", call.Sid, problem);
    }
}
