using Dialer.TwilioSimulator.Agents;
using Dialer.TwilioSimulator.Calls;

namespace Dialer.TwilioSimulator.Conferences;

/// <summary>The Participants API's form fields, read and checked with Twilio's error codes.</summary>
public static class ParticipantForm
{
    static readonly string[] KnownEvents = ["initiated", "ringing", "answered", "completed"];

    public sealed record NewParticipant(
        string To, string From, string? Label, bool Muted, bool Hold, bool Coaching, string? CallSidToCoach,
        bool EndConferenceOnExit, bool StartConferenceOnEnter, bool EarlyMedia, CallInstructions Instructions)
    {
        public ConferenceCallbackRequest? ConferenceCallback { get; init; }
        public string WaitMusic { get; init; } = "default";
    }

    /// <summary>An update's announcement: the URL whose TwiML is played to the participant.</summary>
    public sealed record Announcement(string Url, string Method);

    public static NewParticipant? ReadCreate(IFormCollection form, out IResult? error)
    {
        error = null;
        string to = form["To"].ToString().Trim(), from = form["From"].ToString().Trim();
        if (to.Length == 0) return Refuse(out error, 21201, "No 'To' number is specified");
        if (!CreateCallForm.IsDialable(to)) return Refuse(out error, 21211, $"Invalid 'To' Phone Number: {to}");
        if (from.Length == 0) return Refuse(out error, 21213, "No 'From' number is specified");
        if (!CreateCallForm.IsDialable(from)) return Refuse(out error, 21212, $"Invalid 'From' Phone Number: {from}");
        var callback = CreateCallForm.Optional(form, "StatusCallback");
        if (callback is not null && !CreateCallForm.IsHttpUrl(callback))
            return Refuse(out error, 21609, $"StatusCallback is not a valid URL: {callback}");
        var events = form["StatusCallbackEvent"]
            .SelectMany(v => (v ?? "").Split(' ',
                StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToHashSet(StringComparer.Ordinal);
        if (events.FirstOrDefault(e => !KnownEvents.Contains(e)) is { } unknown)
            return Refuse(out error, 21626, $"Invalid StatusCallbackEvent: {unknown}");
        var timeout = 60;
        if (CreateCallForm.Optional(form, "Timeout") is { } text
            && (!int.TryParse(text, out timeout) || timeout is < 5 or > 600))
            return Refuse(out error, 21216, "Timeout must be an integer between 5 and 600");
        var conferenceCallback = CreateCallForm.Optional(form, "ConferenceStatusCallback");
        if (conferenceCallback is not null && !CreateCallForm.IsHttpUrl(conferenceCallback))
            return Refuse(out error, 21609, $"ConferenceStatusCallback is not a valid URL: {conferenceCallback}");
        var timeLimit = 14_400;
        if (CreateCallForm.Optional(form, "TimeLimit") is { } limit
            && (!int.TryParse(limit, out timeLimit) || timeLimit is < 1 or > 86_400))
            return Refuse(out error, 21626, "TimeLimit must be an integer between 1 and 86400");
        if (!TryFlags(form, out var flags, out error)) return null;
        var coaching = flags.GetValueOrDefault("Coaching");
        var coached = CreateCallForm.Optional(form, "CallSidToCoach");
        if (coaching && coached is null)
            return Refuse(out error, 20001, "CallSidToCoach is required when Coaching is true");

        var instructions = new CallInstructions
        {
            Twiml = "<Response/>", // replaced by the join: see ParticipantsApi
            StatusCallback = callback,
            StatusCallbackMethod = CreateCallForm.MethodOf(form, "StatusCallbackMethod"),
            StatusCallbackEvents = events,
            TimeoutSeconds = timeout,
            TimeLimitSeconds = timeLimit,
        };
        return new NewParticipant(to, from, CreateCallForm.Optional(form, "Label"), flags.GetValueOrDefault("Muted"),
            flags.GetValueOrDefault("Hold"), coaching, coaching ? coached : null,
            flags.GetValueOrDefault("EndConferenceOnExit"), flags.GetValueOrDefault("StartConferenceOnEnter", true),
            flags.GetValueOrDefault("EarlyMedia"), instructions)
        {
            ConferenceCallback = ConferenceCallbackRequest.Of(conferenceCallback,
                CreateCallForm.Optional(form, "ConferenceStatusCallbackMethod"),
                form["ConferenceStatusCallbackEvent"].ToArray()),
            // the SDK cannot send an empty WaitUrl, but a plain form can: "" is silence, as in TwiML
            WaitMusic = form.ContainsKey("WaitUrl") ? CreateCallForm.Optional(form, "WaitUrl") ?? "none" : "default",
        };
    }

    public static Announcement? ReadAnnouncement(IFormCollection form) =>
        CreateCallForm.Optional(form, "AnnounceUrl") is { } url
            ? new Announcement(url, CreateCallForm.MethodOf(form, "AnnounceMethod")) : null;

    /// <summary>An update's changes to the participant; the fields not sent stay as they are.</summary>
    public static Func<Participant, Participant>? ReadUpdate(IFormCollection form, out IResult? error)
    {
        if (!TryFlags(form, out var flags, out error)) return null;
        var coached = CreateCallForm.Optional(form, "CallSidToCoach");
        if (flags.GetValueOrDefault("Coaching") && coached is null)
        {
            error = TwilioError.Result(400, 20001, "CallSidToCoach is required when Coaching is true");
            return null;
        }
        var holdUrl = CreateCallForm.Optional(form, "HoldUrl");
        // Twilio's HoldMethod defaults to GET
        var holdMethod = CreateCallForm.Optional(form, "HoldMethod")?.ToUpperInvariant() == "POST" ? "POST" : "GET";
        return p =>
        {
            var coaching = flags.TryGetValue("Coaching", out var on) ? (on ? coached : null) : coached ?? p.Coaching;
            return p with
            {
                Muted = flags.GetValueOrDefault("Muted", p.Muted),
                Hold = flags.GetValueOrDefault("Hold", p.Hold),
                HoldUrl = holdUrl ?? p.HoldUrl,
                HoldMethod = holdUrl is not null ? holdMethod : p.HoldMethod,
                EndConferenceOnExit = flags.GetValueOrDefault("EndConferenceOnExit", p.EndConferenceOnExit),
                Coaching = coaching,
            };
        };
    }

    static readonly string[] Flags =
        ["Muted", "Hold", "Coaching", "EndConferenceOnExit", "StartConferenceOnEnter", "EarlyMedia", "Beep",
        "BeepOnExit"];

    /// <summary>Twilio's booleans are "true" or "false"; anything else is refused naming the field.</summary>
    static bool TryFlags(IFormCollection form, out Dictionary<string, bool> flags, out IResult? error)
    {
        flags = [];
        error = null;
        foreach (var name in Flags)
        {
            if (CreateCallForm.Optional(form, name) is not { } text) continue;
            if (name == "Beep" && text is "onEnter" or "onExit") continue;
            if (!bool.TryParse(text, out var value))
            {
                error = TwilioError.Result(400, 20001, $"Invalid {name}: {text}");
                return false;
            }
            flags[name] = value;
        }
        return true;
    }

    static NewParticipant? Refuse(out IResult? error, int code, string message)
    {
        error = TwilioError.Result(400, code, message);
        return null;
    }
}
