using System.Text.RegularExpressions;

namespace Dialer.Core.Campaigns.Scripts;

/// <summary>The script's sections, its fields and the screen pop, checked with the rest of the campaign's settings.
/// </summary>
public static partial class ScriptCheck
{
    public const int MaxSections = 30, MaxTitleChars = 100, MaxFields = 30, MaxLabelChars = 100, MaxChoices = 30;
    public const int MaxChoiceChars = 100, MaxTextLength = 2000;

    [GeneratedRegex("^[a-z][a-z0-9_]{0,39}$", RegexOptions.CultureInvariant)]
    public static partial Regex KeyPattern();

    public static void Validate(CampaignSettings s, ValidationErrors errors)
    {
        ValidateSections(s, errors);
        ValidateFields(s.ScriptFields, errors);
        if (s.ScreenPop is { } pop)
        {
            if (string.IsNullOrWhiteSpace(pop.UrlTemplate))
            {
                if (pop.Embed) errors.Add("screenPop.urlTemplate", "Embedding the CRM needs its URL.");
            }
            else if (ScreenPopUrl.Refusal(pop.UrlTemplate) is { } refusal)
                errors.Add("screenPop.urlTemplate", refusal);
        }
    }

    static void ValidateSections(CampaignSettings s, ValidationErrors errors)
    {
        if (s.ScriptSections is null) { errors.Add("scriptSections", "Required (it may be empty)."); return; }
        if (s.ScriptSections.Length > MaxSections) { errors.Add("scriptSections", $"At most {MaxSections}."); return; }
        var total = s.Script?.Length ?? 0;
        for (var i = 0; i < s.ScriptSections.Length; i++)
        {
            if (s.ScriptSections[i] is not { } section) { errors.Add($"scriptSections[{i}]", "Required."); continue; }
            if (string.IsNullOrWhiteSpace(section.Title))
                errors.Add($"scriptSections[{i}].title", "A section needs a title (the agent jumps to it by name).");
            else if (section.Title.Length > MaxTitleChars)
                errors.Add($"scriptSections[{i}].title", $"At most {MaxTitleChars} characters.");
            total += (section.Title?.Length ?? 0) + (section.Text?.Length ?? 0);
        }
        if (total > CampaignSettingsValidator.MaxScriptChars)
            errors.Add("scriptSections",
                $"The script and its sections are at most {CampaignSettingsValidator.MaxScriptChars} characters.");
    }

    static void ValidateFields(ScriptField[]? fields, ValidationErrors errors)
    {
        if (fields is null) { errors.Add("scriptFields", "Required (it may be empty)."); return; }
        if (fields.Length > MaxFields) { errors.Add("scriptFields", $"At most {MaxFields} fields."); return; }
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Length; i++)
        {
            var at = $"scriptFields[{i}]";
            if (fields[i] is not { } f) { errors.Add(at, "Required."); continue; }
            if (f.Key is null || !KeyPattern().IsMatch(f.Key))
                errors.Add(at + ".key", "Lower-case letters, digits and _, starting with a letter; at most 40.");
            else if (!keys.Add(f.Key)) errors.Add(at + ".key", $"'{f.Key}' is used by another field.");
            if (string.IsNullOrWhiteSpace(f.Label)) errors.Add(at + ".label", "The agent needs a label to read.");
            else if (f.Label.Length > MaxLabelChars) errors.Add(at + ".label", $"At most {MaxLabelChars} characters.");
            if (!Enum.IsDefined(f.Kind)) errors.Add(at + ".kind", "One of text, choice, yesNo, number.");
            if (f.Kind == ScriptFieldKind.Choice) ValidateChoices(at, f.Choices, errors);
            if (f.Kind == ScriptFieldKind.Text && f.MaxLength is < 1 or > MaxTextLength)
                errors.Add(at + ".maxLength", $"Must be between 1 and {MaxTextLength}.");
            if (f.Kind == ScriptFieldKind.Number)
            {
                if (f.Min is { } min && !double.IsFinite(min)) errors.Add(at + ".min", "Must be a number.");
                if (f.Max is { } max && !double.IsFinite(max)) errors.Add(at + ".max", "Must be a number.");
                if (f.Min > f.Max) errors.Add(at + ".max", "Must be at least min.");
            }
        }
    }

    static void ValidateChoices(string at, string[]? choices, ValidationErrors errors)
    {
        if (choices is null || choices.Length < 2 || choices.Any(string.IsNullOrWhiteSpace))
            errors.Add(at + ".choices", "A choice needs at least two options, none blank.");
        else if (choices.Length > MaxChoices) errors.Add(at + ".choices", $"At most {MaxChoices} options.");
        else if (choices.Any(c => c.Length > MaxChoiceChars))
            errors.Add(at + ".choices", $"Each option is at most {MaxChoiceChars} characters.");
        else if (choices.Distinct(StringComparer.OrdinalIgnoreCase).Count() != choices.Length)
            errors.Add(at + ".choices", "Options must be unique.");
    }
}
