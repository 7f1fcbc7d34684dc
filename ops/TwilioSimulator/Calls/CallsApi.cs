using Dialer.TwilioSimulator.Hosting;
using Dialer.TwilioSimulator.Records;

namespace Dialer.TwilioSimulator.Calls;

/// <summary>Twilio's Call resource: create, fetch, update (redirect or hang up) and list, on Twilio's paths.</summary>
public static class CallsApi
{
    public static RouteGroupBuilder MapCallsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/2010-04-01/Accounts/{accountSid}")
            .AddEndpointFilter(app.ServiceProvider.GetRequiredService<TwilioApiGate>());
        group.MapPost("/Calls.json", Create);
        group.MapGet("/Calls.json", CallList.Read);
        group.MapGet("/Calls/{sid}.json", Fetch);
        group.MapPost("/Calls/{sid}.json", Update);
        return group;
    }

    static async Task<IResult> Create(
        HttpContext http, CallDesk desk, Faults.FaultState faults, IHostApplicationLifetime lifetime,
        ILogger<CallDesk> logger, CancellationToken ct)
    {
        var form = await http.Request.ReadFormAsync(ct);
        if (CreateCallForm.Read(form, out var refusal) is not var (to, from, instructions)) return refusal!;
        if (faults.CreateErrorFor(to) is { } injected)
        {
            logger.LogInformation("Create to {To} answered {Status}/{Code} (fault)",
                PhoneMask.Mask(to), injected.Status, injected.Code);
            return TwilioError.Result(injected.Status, injected.Code, injected.MessageOrTwilios());
        }

        var call = desk.Place(to, from, instructions);
        if (faults.TakeHoldCreate())
        {
            call.Note("create response held back (fault)");
            logger.LogInformation(
                "Call {CallSid} placed; holding its create response until the client gives up", call.Sid);
            using var held = CancellationTokenSource.CreateLinkedTokenSource(ct, lifetime.ApplicationStopping);
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, held.Token);
            }
            catch (OperationCanceledException)
            {
            }
            http.Abort();
            return Results.Empty;
        }
        if (http.Items.ContainsKey(TwilioApiGate.FailAfterCreateItem))
        {
            call.Note("create answered 500 after placing the call (fault)");
            return TwilioError.Result(500, 20500, "An internal server error has occurred");
        }
        return Results.Json(CallResourceJson.Of(call), CallResourceJson.Json, statusCode: StatusCodes.Status201Created);
    }

    static IResult Fetch(string sid, HttpRequest request, CallRecordStore records) =>
        records.Find(sid) is { } call
            ? Results.Json(CallResourceJson.Of(call), CallResourceJson.Json)
            : TwilioError.NotFound(request.Path);

    static async Task<IResult> Update(string sid, HttpRequest request, CallRecordStore records, TimeProvider time,
        CancellationToken ct)
    {
        if (records.Find(sid) is not { } call) return TwilioError.NotFound(request.Path);
        var form = await request.ReadFormAsync(ct);
        string status;
        lock (call.Gate) status = call.Status;

        if (CreateCallForm.Optional(form, "Status") is { } wanted)
        {
            if (wanted is not (CallStatus.Completed or CallStatus.Canceled))
                return TwilioError.Result(400, 20001, $"Invalid Status: {wanted}");
            var hangsUp = wanted == CallStatus.Completed ? !CallStatus.IsFinal(status)
                : status is CallStatus.Queued or CallStatus.Ringing;
            if (hangsUp)
            {
                call.Note($"hung up by API (Status={wanted})");
                call.Control.HangUp(status == CallStatus.InProgress ? CallStatus.Completed : CallStatus.Canceled);
                await WaitForEndAsync(call, time, ct);
            }
        }
        else if (CreateCallForm.Optional(form, "Twiml") is { } twiml)
        {
            if (CallStatus.IsFinal(status)) return NotInProgress();
            call.Note("API update: new Twiml");
            call.Control.Redirect(TwimlSource.Inline(twiml));
        }
        else if (CreateCallForm.Optional(form, "Url") is { } url)
        {
            if (CallStatus.IsFinal(status)) return NotInProgress();
            if (!CreateCallForm.IsHttpUrl(url)) return TwilioError.Result(400, 21205, $"Url is not a valid URL: {url}");
            call.Note("API update: new Url " + url);
            call.Control.Redirect(TwimlSource.FromUrl(url, CreateCallForm.MethodOf(form, "Method")));
        }
        return Results.Json(CallResourceJson.Of(call), CallResourceJson.Json);
    }

    static IResult NotInProgress() => TwilioError.Result(400, 21220, "Call is not in-progress. Cannot redirect.");

    /// <summary>So that the answer to a hang-up shows the final status, as Twilio's does.</summary>
    static async Task WaitForEndAsync(SimCall call, TimeProvider time, CancellationToken ct)
    {
        try
        {
            await call.Control.Ended.Task.WaitAsync(TimeSpan.FromSeconds(2), time, ct);
        }
        catch (TimeoutException)
        {
        }
    }
}
