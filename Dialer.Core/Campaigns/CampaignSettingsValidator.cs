using Dialer.Core.Contacts;

namespace Dialer.Core.Campaigns;

/// <summary>
/// Checks campaign settings; each error is keyed by the JSON path of the field it concerns. Every number has a
/// range and every text and list a maximum length: a setting reaches the dialer's arithmetic and its calls.
/// </summary>
public static class CampaignSettingsValidator
{
    public const int MaxScriptChars = 20_000, MaxMessageChars = 1000, MaxSafeHarbourChars = 500;
    public const int MaxConfirmationChars = 200;
    public const int MaxAgentFields = 20, MaxAgentFieldChars = 64;
    public const int MaxDispositions = 50, MaxDispositionChars = 64, MaxHolidays = 366;
    public const double MaxMinReadySeconds = 300;
    public const int MaxPriority = 100;
    public const int MaxLockoutHours = 30 * 24, MaxRetryDelayMinutes = 60 * 24 * 14;
    public const decimal MaxCostPerMinute = 100;
    static readonly DateTimeOffset EarliestDate = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    static readonly DateTimeOffset LatestDate = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Dictionary<string, string[]> Validate(CampaignSettings s)
    {
        var errors = new ValidationErrors();

        if (string.IsNullOrWhiteSpace(s.Name)) errors.Add("name", "A campaign needs a name.");
        else if (s.Name.Length > 200) errors.Add("name", "The name is longer than 200 characters.");

        if (!Phones.IsE164(s.CallerId))
            errors.Add("callerId", $"'{s.CallerId}' is not a valid E.164 number such as +14155550100.");
        CallerIds.CallerIdPoolCheck.Validate(s, errors);
        if (!Phones.IsKnownRegion(s.DefaultRegion))
            errors.Add("defaultRegion", $"'{s.DefaultRegion}' is not a two-letter region code such as US or GB.");

        if (!Enum.IsDefined(s.Mode)) errors.Add("mode", "Unknown dialing mode.");
        if (s.MaxLinesPerAgent is < 1 or > 10) errors.Add("maxLinesPerAgent", "Must be between 1 and 10.");
        if (s.LinesPerAgent < 1 || s.LinesPerAgent > s.MaxLinesPerAgent)
            errors.Add("linesPerAgent", "Must be at least 1 and at most maxLinesPerAgent.");
        if (s.AgentlessLineCap is < 1 or > 1000) errors.Add("agentlessLineCap", "Must be between 1 and 1000.");

        if (s.StartAt is { } start && s.EndAt is { } end && end <= start)
            errors.Add("endAt", "The end time must be after the start time.");
        if (s.StartAt is { } from && (from < EarliestDate || from >= LatestDate))
            errors.Add("startAt", "Must be in the years 2000 to 2099.");
        if (s.EndAt is { } to && (to < EarliestDate || to >= LatestDate))
            errors.Add("endAt", "Must be in the years 2000 to 2099.");

        if (s.CallingWindow is null) errors.Add("callingWindow", "Required.");
        else ValidateWindow(s.CallingWindow, errors);

        ValidateTightenings(s, errors);

        if (s.MaxAttempts is < 1 or > 20) errors.Add("maxAttempts", "Must be between 1 and 20.");
        if (s.MaxAttemptsPer24Hours < 1 || s.MaxAttemptsPer24Hours > s.MaxAttempts)
            errors.Add("maxAttemptsPer24Hours", "Must be at least 1 and at most maxAttempts.");
        if (s.RetryRules is null) errors.Add("retryRules", "Required.");
        else
        {
            ValidateRetry("retryRules.busy", s.RetryRules.Busy, errors);
            ValidateRetry("retryRules.noAnswer", s.RetryRules.NoAnswer, errors);
            ValidateRetry("retryRules.machine", s.RetryRules.Machine, errors);
            ValidateRetry("retryRules.failed", s.RetryRules.Failed, errors);
            ValidateRetry("retryRules.greetingHangUp", s.RetryRules.GreetingHangUp, errors);
            ValidateAbandoned(s.RetryRules.Abandoned, errors);
        }
        DispositionRulesCheck.Validate(s, errors);
        ValidateDialFilter(s, errors);
        if (s.LeadOrder is null) errors.Add("leadOrder", "Required ({\"by\": \"upload\"} for the upload's order).");
        else foreach (var (field, message) in s.LeadOrder.Problems()) errors.Add(field, message);

        if (!Enum.IsDefined(s.MachineHandling)) errors.Add("machineHandling", "Unknown machine handling.");
        if (s.MachineHandling == MachineHandling.VoicemailDrop && string.IsNullOrWhiteSpace(s.VoicemailMessage))
            errors.Add("voicemailMessage", "A voicemail drop needs the message to leave.");
        if (s.Recording is null) errors.Add("recording", "Say whether calls are recorded.");
        else
        {
            if (s.Recording.Enabled && string.IsNullOrWhiteSpace(s.Recording.Notice))
                errors.Add("recording.notice",
                    "A recorded call needs the words the customer hears first "
                    + "(such as \"This call may be recorded.\").");
            else if (s.Recording.Notice?.Length > 500) errors.Add("recording.notice", "At most 500 characters.");
            if (s.Recording.RetentionDays is < 1 or > 3650)
                errors.Add("recording.retentionDays", "Must be between 1 and 3650 days.");
        }
        if (string.IsNullOrWhiteSpace(s.SafeHarbourMessage))
            errors.Add("safeHarbourMessage",
                "The safe-harbour message (who is calling, a number to call back) is required.");
        else if (s.SafeHarbourMessage.Length > MaxSafeHarbourChars)
            errors.Add("safeHarbourMessage", $"At most {MaxSafeHarbourChars} characters.");
        else if (!s.SafeHarbourMessage.Contains(Speech.SpokenText.CallerId, StringComparison.Ordinal)
            && !Phones.ContainsNumber(s.SafeHarbourMessage, s.DefaultRegion ?? "US"))
            errors.Add("safeHarbourMessage",
                "Say a number to call back (written as people write it, or {callerId} for the caller ID).");
        ValidateSpeech(s, errors);
        MaxLength("voicemailMessage", s.VoicemailMessage, MaxMessageChars, errors);
        MaxLength("broadcastMessage", s.BroadcastMessage, MaxMessageChars, errors);
        MaxLength("script", s.Script, MaxScriptChars, errors);
        Scripts.ScriptCheck.Validate(s, errors);
        ValidateAgentFields(s.AgentFields, errors);
        ValidateNumberOrder(s.NumberOrder, errors);

        if (s.AbandonTarget is <= 0 or > Compliance.AbandonRule.LegalCeiling)
            errors.Add("abandonTarget", "Must be above 0 and at most 0.03 (the FTC's 3% of live answers).");
        if (s.AbandonWindowHours is not (24 or 720))
            errors.Add("abandonWindowHours", "Must be 24 (one day) or 720 (30 days).");

        ValidateDispositions(s, errors);
        if (s.CostPerMinute is < 0 or > MaxCostPerMinute)
            errors.Add("costPerMinute", $"Must be between 0 and {MaxCostPerMinute}.");
        if (s.MaxWrapUpSeconds is < 5 or > 3600) errors.Add("maxWrapUpSeconds", "Must be between 5 and 3600 seconds.");
        if (!double.IsFinite(s.MinReadySeconds) || s.MinReadySeconds is < 0 or > MaxMinReadySeconds)
            errors.Add("minReadySeconds", $"Must be between 0 and {MaxMinReadySeconds} seconds.");
        if (s.Priority is < 0 or > MaxPriority) errors.Add("priority", $"Must be between 0 and {MaxPriority}.");
        if (!double.IsFinite(s.LinesPerAgent)) errors.Add("linesPerAgent", "Must be a number.");

        return errors.ToDictionary();
    }

    static void ValidateDispositions(CampaignSettings s, ValidationErrors errors)
    {
        if (s.Dispositions is null || s.Dispositions.Length == 0 || s.Dispositions.Any(string.IsNullOrWhiteSpace))
            errors.Add("dispositions", "Give at least one disposition, none blank.");
        else if (s.Dispositions.Length > MaxDispositions)
            errors.Add("dispositions", $"At most {MaxDispositions} dispositions.");
        else if (s.Dispositions.Any(d => d.Length > MaxDispositionChars))
            errors.Add("dispositions", $"Each disposition is at most {MaxDispositionChars} characters.");
        else if (s.Dispositions.Distinct(StringComparer.OrdinalIgnoreCase).Count() != s.Dispositions.Length)
            errors.Add("dispositions", "Dispositions must be unique.");
        if (s.ConversionDispositions is null) errors.Add("conversionDispositions", "Required (it may be empty).");
        else if (s.ConversionDispositions.Length > MaxDispositions)
            errors.Add("conversionDispositions", $"At most {MaxDispositions} dispositions.");
        else
            foreach (var c in s.ConversionDispositions
                         .Where(c => !(s.Dispositions ?? []).Contains(c, StringComparer.OrdinalIgnoreCase)))
                errors.Add("conversionDispositions", $"'{c}' is not one of the campaign's dispositions.");
    }

    static void ValidateNumberOrder(string[]? order, ValidationErrors errors)
    {
        if (order is null) return;
        if (order.Length > NumberKinds.All.Length || order.Any(k => !NumberKinds.IsKnown(k))
            || order.Distinct().Count() != order.Length)
            errors.Add("numberOrder",
                $"Each of {string.Join(", ", NumberKinds.All)} at most once (lower case), in the order to try.");
    }

    static void ValidateAgentFields(string[]? fields, ValidationErrors errors)
    {
        if (fields is null) errors.Add("agentFields", "Required (it may be empty).");
        else if (fields.Length > MaxAgentFields) errors.Add("agentFields", $"At most {MaxAgentFields} fields.");
        else if (fields.Any(f => string.IsNullOrWhiteSpace(f) || f.Length > MaxAgentFieldChars))
            errors.Add("agentFields", $"Each field is a column name of 1 to {MaxAgentFieldChars} characters.");
        else if (fields.Distinct(StringComparer.OrdinalIgnoreCase).Count() != fields.Length)
            errors.Add("agentFields", "Fields must be unique.");
    }

    static void ValidateSpeech(CampaignSettings s, ValidationErrors errors)
    {
        if (!Speech.Voices.IsLanguage(s.Language))
            errors.Add("language", $"One of {string.Join(", ", Speech.Voices.ByLanguage.Keys)}.");
        else if (s.Voice is { } voice && !Speech.Voices.Speaks(s.Language, voice))
            errors.Add("voice", $"For {s.Language}: one of {string.Join(", ", Speech.Voices.ByLanguage[s.Language])}"
                + " (or none, for the first).");
        if (s.OptOutDigit is not { Length: 1 } digit || !char.IsAsciiDigit(digit[0]))
            errors.Add("optOutDigit", "One key from 0 to 9.");
        if (string.IsNullOrWhiteSpace(s.OptOutConfirmation))
            errors.Add("optOutConfirmation", "Required: the customer hears it after pressing the opt-out key.");
        else MaxLength("optOutConfirmation", s.OptOutConfirmation, MaxConfirmationChars, errors);
    }

    static void MaxLength(string field, string? value, int max, ValidationErrors errors)
    {
        if (value?.Length > max) errors.Add(field, $"At most {max} characters.");
    }

    static void ValidateWindow(CallingWindow w, ValidationErrors errors)
    {
        if (w.Start < CallingWindow.LawfulStart)
            errors.Add("callingWindow.start", "Calls may not start before 08:00 local time.");
        if (w.End > CallingWindow.LawfulEnd)
            errors.Add("callingWindow.end", "Calls may not go on after 21:00 local time.");
        if (w.End <= w.Start)
            errors.Add("callingWindow.end", "The window must end after it starts.");
        if (w.Days is null || w.Days.Length == 0)
            errors.Add("callingWindow.days", "Give at least one day of the week.");
        else if (w.Days.Any(d => !Enum.IsDefined(d)) || w.Days.Length > 7)
            errors.Add("callingWindow.days", "Unknown day of the week, or more than seven.");
        if (w.Holidays is null) errors.Add("callingWindow.holidays", "Required (it may be empty).");
        else if (w.Holidays.Length > MaxHolidays)
            errors.Add("callingWindow.holidays", $"At most {MaxHolidays} holidays.");
    }

    static void ValidateTightenings(CampaignSettings s, ValidationErrors errors)
    {
        if (s.Tightenings is null) { errors.Add("tightenings", "Required (it may be empty)."); return; }
        if (s.Tightenings.Length > Compliance.Rules.TighteningCheck.MaxTightenings)
        {
            errors.Add("tightenings", $"At most {Compliance.Rules.TighteningCheck.MaxTightenings}.");
            return;
        }
        for (var i = 0; i < s.Tightenings.Length; i++)
        {
            if (s.Tightenings[i] is not { } t) { errors.Add($"tightenings[{i}]", "Required."); continue; }
            if (t.Hours?.Length > 7) errors.Add($"tightenings[{i}].hours", "At most 7 windows.");
            else
                foreach (var problem in Compliance.Rules.TighteningCheck.Problems(t, s.Name ?? ""))
                    errors.Add($"tightenings[{i}]", $"{t.Jurisdiction}: {problem}.");
        }
    }

    static void ValidateAbandoned(AbandonedRule? rule, ValidationErrors errors)
    {
        const string field = "retryRules.abandoned";
        if (rule is null) { errors.Add(field, "Required."); return; }
        if (rule.LockoutHours is < 1 or > MaxLockoutHours)
            errors.Add(field + ".lockoutHours", $"Must be between 1 and {MaxLockoutHours} hours.");
        if (rule.MaxRetries is < 0 or > 10)
            errors.Add(field + ".maxRetries", "Must be between 0 and 10.");
    }

    internal static void ValidateRetry(string field, RetryRule? rule, ValidationErrors errors)
    {
        if (rule is null) { errors.Add(field, "Required."); return; }
        if (rule.DelayMinutes is < 1 or > MaxRetryDelayMinutes)
            errors.Add(field + ".delayMinutes", "Must be between 1 minute and 14 days.");
        if (rule.MaxRetries is < 0 or > 10)
            errors.Add(field + ".maxRetries", "Must be between 0 and 10.");
    }

    public const int MaxDialFilterConditions = 10;

    static void ValidateDialFilter(CampaignSettings s, ValidationErrors errors)
    {
        if (s.DialFilter is null)
        {
            errors.Add("dialFilter", "A list of conditions (empty for every contact).");
            return;
        }
        if (s.DialFilter.Length > MaxDialFilterConditions)
            errors.Add("dialFilter", $"At most {MaxDialFilterConditions} conditions.");
        for (var i = 0; i < s.DialFilter.Length && i < MaxDialFilterConditions; i++)
        {
            if (s.DialFilter[i] is not { } condition) { errors.Add($"dialFilter[{i}]", "Required."); continue; }
            foreach (var (field, message) in condition.Problems($"dialFilter[{i}]")) errors.Add(field, message);
        }
    }
}
