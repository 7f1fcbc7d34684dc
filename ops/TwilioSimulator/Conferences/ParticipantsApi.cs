using System.Security;
using Dialer.TwilioSimulator.Agents;
using Dialer.TwilioSimulator.Calls;
using Dialer.TwilioSimulator.Hosting;
using Dialer.TwilioSimulator.Records;

namespace Dialer.TwilioSimulator.Conferences;

/// <summary>
/// Twilio's Participants subresource: create (a call that joins the conference when answered), list, fetch,
/// update (Muted, Hold, Coaching, CallSidToCoach) and delete (kick). Only participants still ringing or in the
/// room are found, as with Twilio; the path takes the conference's SID, or its FriendlyName when creating.
/// </summary>
public static class ParticipantsApi
{
    const string Path = "/Conferences/{conference}/Participants";

    public static RouteGroupBuilder MapParticipantsApi(this RouteGroupBuilder group)
    {
        group.MapPost(Path + ".json", Create);
        group.MapGet(Path + ".json", List);
        group.MapGet(Path + "/{participant}.json", Fetch);
        group.MapPost(Path + "/{participant}.json", Update);
        group.MapDelete(Path + "/{participant}.json", Delete);
        return group;
    }

    static async Task<IResult> Create(string accountSid, string conference, HttpRequest request,
        ConferenceRegistry registry, CallDesk desk, TimeProvider time, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        if (ParticipantForm.ReadCreate(form, out var refusal) is not { } wanted) return refusal!;
        var room = conference.StartsWith("CF", StringComparison.Ordinal) ? registry.Find(conference)
            : registry.Open(conference);
        if (room is null || room.Status == ConferenceStatus.Completed) return TwilioError.NotFound(request.Path);
        if (wanted.CallSidToCoach is { } coached
            && !room.Participants.Any(p => p.CallSid == coached && p.Status != ParticipantStatus.Complete))
            return TwilioError.Result(400, 20001,
                $"CallSidToCoach {coached} is not a participant of conference {room.Sid}");

        var twiml = $"<Response><Dial><Conference>{SecurityElement.Escape(room.Name)}</Conference></Dial></Response>";
        var call = desk.Place(wanted.To, wanted.From, wanted.Instructions with { Twiml = twiml });
        call.Note($"participant of conference {room.Name}");
        var role = wanted.Coaching ? ParticipantRole.Coach
            : wanted.Label == "customer" || call.RingsAgent is null ? ParticipantRole.Customer
            : ParticipantRole.Agent;
        var now = time.GetUtcNow();
        var participant = new Participant(call.Sid, wanted.Label
            ?? (role == ParticipantRole.Customer || wanted.To.StartsWith('+') ? PhoneMask.Mask(wanted.To) : wanted.To),
            role, wanted.Muted, wanted.CallSidToCoach, wanted.EndConferenceOnExit, null, null)
        {
            Hold = wanted.Hold, StartConferenceOnEnter = wanted.StartConferenceOnEnter, CreatedAt = now,
            UpdatedAt = now,
            QueueTimeMs = call.QueueTime.TotalMilliseconds, ConferenceCallback = wanted.ConferenceCallback,
            WaitMusic = wanted.WaitMusic,
        };
        registry.Expect(room.Name, call, participant);
        _ = ForgetIfNeverJoinedAsync(registry, room.Name, call);
        if (wanted.EarlyMedia) _ = RingIntoRoomAsync(registry, room.Name, call);
        return Results.Json(ParticipantJson.Of(accountSid, room.Sid, participant), CallResourceJson.Json,
            statusCode: StatusCodes.Status201Created);
    }

    /// <summary>A participant whose call ends before it joins (no answer, busy) is no longer one.</summary>
    static async Task ForgetIfNeverJoinedAsync(ConferenceRegistry registry, string name, SimCall call)
    {
        await call.Control.Ended.Task;
        registry.Leave(name, call.Sid);
    }

    /// <summary>
    /// EarlyMedia: the room hears the callee's ringing while the call rings (a note in its hearing history).
    /// </summary>
    static async Task RingIntoRoomAsync(ConferenceRegistry registry, string name, SimCall call)
    {
        if (await Task.WhenAny(call.Control.Rang.Task, call.Control.Ended.Task) == call.Control.Rang.Task)
            registry.Note(name, "early media: ringing from " + call.Sid);
    }

    static IResult List(string accountSid, string conference, HttpRequest request, ConferenceRegistry registry)
    {
        if (Live(registry, conference) is not { } room) return TwilioError.NotFound(request.Path);
        var query = request.Query;
        bool Matches(string name, bool value) => !bool.TryParse(query[name], out var wanted) || wanted == value;
        var matching = room.Participants
            .Where(p => p.Status != ParticipantStatus.Complete && Matches("Muted", p.Muted) && Matches("Hold", p.Hold)
                && Matches("Coaching", p.Coaching is not null))
            .Select(p => ParticipantJson.Of(accountSid, room.Sid, p)).ToList();
        return TwilioPage.Of(request, $"/2010-04-01/Accounts/{accountSid}/Conferences/{room.Sid}/Participants.json",
            "participants", matching);
    }

    static IResult Fetch(string accountSid, string conference, string participant, HttpRequest request,
        ConferenceRegistry registry) =>
        Live(registry, conference) is { } room && Present(room, participant) is { } p
            ? Results.Json(ParticipantJson.Of(accountSid, room.Sid, p), CallResourceJson.Json)
            : TwilioError.NotFound(request.Path);

    static async Task<IResult> Update(string accountSid, string conference, string participant, HttpRequest request,
        ConferenceRegistry registry, Announcements announcements, CancellationToken ct)
    {
        if (Live(registry, conference) is not { } room || Present(room, participant) is null)
            return TwilioError.NotFound(request.Path);
        var form = await request.ReadFormAsync(ct);
        if (ParticipantForm.ReadUpdate(form, out var refusal) is not { } change) return refusal!;
        if (CreateCallForm.Optional(form, "CallSidToCoach") is { } coached && Present(room, coached) is null)
            return TwilioError.Result(400, 20001,
                $"CallSidToCoach {coached} is not a participant of conference {room.Sid}");
        var announcement = ParticipantForm.ReadAnnouncement(form);
        if (announcement is not null && !CreateCallForm.IsHttpUrl(announcement.Url))
            return TwilioError.Result(400, 21205, $"AnnounceUrl is not a valid URL: {announcement.Url}");
        if (registry.Update(room.Sid, participant, change) is not { } updated)
            return TwilioError.NotFound(request.Path);
        if (announcement is not null) announcements.Start(room, updated, announcement);
        return Results.Json(ParticipantJson.Of(accountSid, room.Sid, updated), CallResourceJson.Json);
    }

    /// <summary>
    /// Twilio's kick: the leg leaves the room and its call goes on with the TwiML after its Dial (none: it ends).
    /// </summary>
    static IResult Delete(string conference, string participant, HttpRequest request, ConferenceRegistry registry,
        CallRecordStore records)
    {
        if (Live(registry, conference) is not { } room || Present(room, participant) is not { } p)
            return TwilioError.NotFound(request.Path);
        if (p.Status == ParticipantStatus.Queued) records.Find(p.CallSid)?.Control.HangUp(CallStatus.Canceled);
        else registry.Leave(room.Name, p.CallSid, kicked: true);
        return Results.NoContent();
    }

    static ConferenceSnapshot? Live(ConferenceRegistry registry, string sid) =>
        sid.StartsWith("CF", StringComparison.Ordinal)
            && registry.Find(sid) is { Status: not ConferenceStatus.Completed } room ? room : null;

    static Participant? Present(ConferenceSnapshot room, string callSidOrLabel) =>
        room.Participants.FirstOrDefault(p => p.Status != ParticipantStatus.Complete
            && (p.CallSid == callSidOrLabel || p.Label == callSidOrLabel));
}
