using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dialer.Core.Compliance.Rules;

/// <summary>
/// The shipped rule sets (Data/*.json, embedded), checked and compiled once. A rule set that fails its check stops the
/// process at first use with the file and the reason: a rule that protects people is never silently dropped.
/// </summary>
public sealed class RuleBook
{
    public const string Default = "default";
    static readonly Lazy<RuleBook> LazyShipped = new(() => Load(ShippedFiles()));
    readonly FrozenDictionary<string, JurisdictionRules> _byCode;

    public static RuleBook Shipped => LazyShipped.Value;

    RuleBook(IEnumerable<JurisdictionRules> rules) =>
        _byCode = rules.ToFrozenDictionary(r => r.Code, StringComparer.OrdinalIgnoreCase);

    public IEnumerable<JurisdictionRules> All => _byCode.Values.OrderBy(r => r.Code, StringComparer.Ordinal);
    public JurisdictionRules Baseline => _byCode[Default];

    public JurisdictionRules? Find(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>
    /// The rule sets that bind a jurisdiction: every number's, the country's, the subdivision's (those shipped).
    /// </summary>
    public IEnumerable<JurisdictionRules> Chain(string code)
    {
        yield return Baseline;
        var dash = code.IndexOf('-');
        if (dash > 0 && Find(code[..dash]) is { } country) yield return country;
        if (!code.Equals(Default, StringComparison.OrdinalIgnoreCase) && Find(code) is { } own) yield return own;
    }

    public static RuleBook Load(IEnumerable<(string Name, string Json)> files)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Converters = { new JsonStringEnumConverter() },
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        };
        var rules = new List<JurisdictionRules>();
        foreach (var (name, json) in files)
        {
            var file = JsonSerializer.Deserialize<RuleSetFile>(json, options)
                ?? throw new InvalidDataException($"Rule set {name} is empty.");
            if (RuleSetCheck.Problems(file) is { Count: > 0 } problems)
                throw new InvalidDataException($"Rule set {name}: {string.Join("; ", problems)}");
            rules.Add(new JurisdictionRules(file));
        }
        if (rules.GroupBy(r => r.Code, StringComparer.OrdinalIgnoreCase)
            .FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new InvalidDataException($"Two rule sets for {twice.Key}.");
        if (!rules.Any(r => r.Code == Default)) throw new InvalidDataException("No default rule set.");
        return new RuleBook(rules);
    }

    static IEnumerable<(string, string)> ShippedFiles()
    {
        var assembly = typeof(RuleBook).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames()
                     .Where(n => n.StartsWith("Dialer.Rules.", StringComparison.Ordinal)
                         && n.EndsWith(".json", StringComparison.Ordinal)))
            yield return (resource["Dialer.Rules.".Length..], ShippedText(resource["Dialer.Rules.".Length..]));
    }

    /// <summary>One of the embedded data files (Data/NAME), as text.</summary>
    public static string ShippedText(string name)
    {
        using var stream = typeof(RuleBook).Assembly.GetManifestResourceStream("Dialer.Rules." + name)
            ?? throw new FileNotFoundException($"No embedded rule data {name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
