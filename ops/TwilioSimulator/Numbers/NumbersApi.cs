using Dialer.TwilioSimulator.Calls;
using Dialer.TwilioSimulator.Conferences;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dialer.TwilioSimulator.Numbers;

/// <summary>
/// Twilio's IncomingPhoneNumbers list (GET, filtered by PhoneNumber, paged), and the simulator's own: GET/PUT/DELETE
/// /sim/numbers (the account's numbers; DELETE goes back to the settings) and POST /sim/inbound-calls (a customer
/// calls one of them: the number's voice URL is requested and its TwiML followed, the Gather pressed with Digits).
/// </summary>
public static class NumbersApi
{
    public static IEndpointRouteBuilder MapNumbersApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/2010-04-01/Accounts/{accountSid}")
            .AddEndpointFilter(app.ServiceProvider.GetRequiredService<TwilioApiGate>())
            .MapGet("/IncomingPhoneNumbers.json", Read);
        var sim = app.MapGroup("/sim").WithTags("Simulator");
        sim.MapGet("/numbers", (IncomingNumbers numbers) => TypedResults.Ok(numbers.Current));
        sim.MapPut("/numbers", Replace);
        sim.MapDelete("/numbers", (IncomingNumbers numbers) =>
        {
            numbers.Reset();
            return TypedResults.Ok(numbers.Current);
        });
        sim.MapPost("/inbound-calls", Inbound);
        return app;
    }

    static IResult Read(string accountSid, HttpRequest request, IncomingNumbers numbers)
    {
        var found = numbers.Matching(request.Query["PhoneNumber"].ToString())
            .Where(n => request.Query["FriendlyName"].ToString() is not { Length: > 0 } name || n.PhoneNumber == name)
            .Select(n => IncomingPhoneNumberJson.Of(accountSid, n)).ToList();
        return TwilioPage.Of(request, $"/2010-04-01/Accounts/{accountSid}/IncomingPhoneNumbers.json",
            "incoming_phone_numbers", found);
    }

    static Results<Ok<NumberOptions>, ProblemHttpResult> Replace(NumberOptions numbers, IncomingNumbers store)
    {
        if (numbers.Owned is null || numbers.Unanswered is null
            || numbers.Owned.Any(o => !CreateCallForm.IsE164(o.PhoneNumber)
                || o.VoiceUrl is { Length: > 0 } url && !CreateCallForm.IsHttpUrl(url)))
            return TypedResults.Problem("owned needs E.164 numbers and http(s) voice URLs; unanswered a list",
                statusCode: 400, title: "Invalid numbers");
        store.Replace(numbers);
        return TypedResults.Ok(store.Current);
    }

    /// <param name="Digits">the key the caller presses during the first Gather; null for none</param>
    public sealed record InboundCall(string From, string To, string? Digits);

    public sealed record InboundCallPlaced(string Sid);

    static Results<Ok<InboundCallPlaced>, ProblemHttpResult> Inbound(InboundCall request, IncomingNumbers numbers,
        CallDesk desk)
    {
        if (!CreateCallForm.IsE164(request.From))
            return TypedResults.Problem("from must be an E.164 number", statusCode: 400, title: "Invalid inbound call");
        if (request.Digits is { } digits && (digits.Length != 1 || "0123456789*#".IndexOf(digits[0]) < 0))
            return TypedResults.Problem("digits must be one key", statusCode: 400, title: "Invalid inbound call");
        if (numbers.Find(request.To) is not { Voice: true, VoiceUrl: { Length: > 0 } url })
            return TypedResults.Problem("to must be an owned, voice-capable number with a voice URL", statusCode: 404,
                title: "No such number");
        var call = desk.Receive(request.From, request.To, url, request.Digits);
        return TypedResults.Ok(new InboundCallPlaced(call.Sid));
    }
}
