using Dialer.Core.Campaigns;
using Dialer.Core.Contacts;

namespace Dialer.Core.CallerIds;

/// <summary>The pool's part of <see cref="CampaignSettingsValidator"/>.</summary>
public static class CallerIdPoolCheck
{
    public static void Validate(CampaignSettings s, ValidationErrors errors)
    {
        if (s.CallerIds is not { } pool) { errors.Add("callerIds", "Required (its numbers may be empty)."); return; }
        if (pool.Numbers is null) errors.Add("callerIds.numbers", "Required (it may be empty).");
        else if (pool.Numbers.Length > CallerIdPool.MaxNumbers)
            errors.Add("callerIds.numbers", $"At most {CallerIdPool.MaxNumbers} numbers.");
        else
        {
            for (var i = 0; i < pool.Numbers.Length; i++)
                if (!Phones.IsE164(pool.Numbers[i]))
                    errors.Add($"callerIds.numbers[{i}]",
                        $"'{Shown(pool.Numbers[i])}' is not a valid E.164 number such as +14155550100.");
            if (pool.Numbers.Distinct(StringComparer.Ordinal).Count() != pool.Numbers.Length)
                errors.Add("callerIds.numbers", "Each number once.");
        }
        if (pool.DailyCap is < 1 or > CallerIdPool.MaxDailyCap)
            errors.Add("callerIds.dailyCap", $"Between 1 and {CallerIdPool.MaxDailyCap} calls, or none for no cap.");
        if (pool.RestAfterCalls is < CallerIdPool.FewestRestAfterCalls or > CallerIdPool.MostRestAfterCalls)
            errors.Add("callerIds.restAfterCalls",
                $"Between {CallerIdPool.FewestRestAfterCalls} and {CallerIdPool.MostRestAfterCalls} calls.");
        ValidateMessage(pool, errors);
    }

    static void ValidateMessage(CallerIdPool pool, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(pool.CallbackMessage))
            errors.Add("callerIds.callbackMessage", "Required: who called, for customers who call a number back.");
        else if (pool.CallbackMessage.Length > CallerIdPool.MaxCallbackMessageChars)
            errors.Add("callerIds.callbackMessage", $"At most {CallerIdPool.MaxCallbackMessageChars} characters.");
    }

    /// <summary>An invalid entry may be anything: at most 20 characters of it go back.</summary>
    static string Shown(string? text) => text is null ? "" : text.Length > 20 ? text[..20] + "…" : text;
}
