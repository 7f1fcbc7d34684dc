using Dialer.Core.Campaigns;
using Dialer.Core.Campaigns.Scripts;

namespace Dialer.Api.Scripts;

/// <summary>
/// The campaign's script as the agent sees it for one contact: its sections merged (plain text: the console shows it
/// as text), the fields to fill in, and the CRM page to open. The opening text, when there is one, is the first
/// section and has no title.
/// </summary>
public sealed record ScriptView(ScriptView.Section[] Sections, ScriptField[] Fields, ScriptView.Pop? ScreenPop)
{
    public sealed record Section(string Title, string Text);
    public sealed record Pop(string Url, bool Embed);

    /// <returns>null when the campaign has no script, no fields and no screen pop</returns>
    public static ScriptView? Of(CampaignSettings settings, IReadOnlyDictionary<string, string> values)
    {
        var sections = SectionsOf(settings)
            .Select(s => new Section(s.Title, ScriptMerge.Text(s.Text, values))).ToArray();
        var pop = ScreenPopUrl.For(settings.ScreenPop, values) is { } url
            ? new Pop(url, settings.ScreenPop!.Embed) : null;
        return sections.Length == 0 && settings.ScriptFields.Length == 0 && pop is null ? null
            : new ScriptView(sections, settings.ScriptFields, pop);
    }

    /// <summary>The opening text (untitled) and the titled sections, in order.</summary>
    public static IEnumerable<ScriptSection> SectionsOf(CampaignSettings settings) =>
        (string.IsNullOrWhiteSpace(settings.Script) ? [] : new[] { new ScriptSection { Text = settings.Script } })
        .Concat(settings.ScriptSections ?? []);
}
