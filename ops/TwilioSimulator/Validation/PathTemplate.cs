using System.Text;
using System.Text.RegularExpressions;

namespace Dialer.TwilioSimulator.Validation;

/// <summary>A path of the description, such as <c>/2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json</c>.</summary>
public sealed partial class PathTemplate
{
    readonly Regex _regex;

    public PathTemplate(string template)
    {
        Template = template;
        var names = new List<string>();
        var regex = new StringBuilder("^");
        var at = 0;
        foreach (Match parameter in Parameter().Matches(template))
        {
            regex.Append(Regex.Escape(template[at..parameter.Index])).Append("([^/]+)");
            names.Add(parameter.Groups[1].Value);
            at = parameter.Index + parameter.Length;
        }
        regex.Append(Regex.Escape(template[at..])).Append('$');
        _regex = new Regex(regex.ToString(), RegexOptions.CultureInvariant);
        ParameterNames = names;
        LiteralLength = template.Length - Parameter().Matches(template).Sum(m => m.Length);
    }

    public string Template { get; }
    public IReadOnlyList<string> ParameterNames { get; }

    /// <summary>How much of it is fixed text: <c>Calls/FeedbackSummary.json</c> beats <c>Calls/{Sid}.json</c>.
    /// </summary>
    public int LiteralLength { get; }

    /// <summary>The path parameters' values in order, or null when the path is not of this shape.</summary>
    public string[]? Match(string path)
    {
        var match = _regex.Match(path);
        return match.Success ? match.Groups.Cast<Group>().Skip(1).Select(g => g.Value).ToArray() : null;
    }

    public override string ToString() => Template;

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex Parameter();
}
