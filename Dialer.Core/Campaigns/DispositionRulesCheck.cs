namespace Dialer.Core.Campaigns;

/// <summary>Checks the campaign's per-disposition retry rules, each error keyed by the rule's JSON path.</summary>
static class DispositionRulesCheck
{
    public static void Validate(CampaignSettings s, ValidationErrors errors)
    {
        if (s.DispositionRules is null) { errors.Add("dispositionRules", "Required (it may be empty)."); return; }
        if (s.DispositionRules.Length > CampaignSettingsValidator.MaxDispositions)
        {
            errors.Add("dispositionRules", $"At most {CampaignSettingsValidator.MaxDispositions} rules.");
            return;
        }
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < s.DispositionRules.Length; i++)
        {
            var field = $"dispositionRules[{i}]";
            if (s.DispositionRules[i] is not { } rule) { errors.Add(field, "Required."); continue; }
            var d = rule.Disposition;
            if (string.IsNullOrWhiteSpace(d) || !(s.Dispositions ?? []).Contains(d, StringComparer.OrdinalIgnoreCase))
                errors.Add(field + ".disposition", $"'{Clip(d)}' is not one of the campaign's dispositions.");
            else if (Dispositions.IsDoNotCall(d) || Dispositions.IsCallback(d))
                errors.Add(field + ".disposition", $"'{d}' has a fixed meaning; it takes no retry rule.");
            else if (!seen.Add(d))
                errors.Add(field + ".disposition", $"'{d}' has more than one rule.");
            if (!Enum.IsDefined(rule.Retry))
                errors.Add(field + ".retry", "Must be never or after.");
            else if (rule.Retry == DispositionRetry.After)
            {
                if (rule.DelayMinutes is < 1 or > CampaignSettingsValidator.MaxRetryDelayMinutes)
                    errors.Add(field + ".delayMinutes", "Must be between 1 minute and 14 days.");
                if (rule.MaxRetries is < 1 or > 10)
                    errors.Add(field + ".maxRetries", "Must be between 1 and 10.");
            }
        }
    }

    static string Clip(string? text) => text is { Length: > 64 } ? text[..64] + "…" : text ?? "";
}
