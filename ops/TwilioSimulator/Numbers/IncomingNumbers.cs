using System.Text.RegularExpressions;
using Dialer.TwilioSimulator.Hosting;
using Microsoft.Extensions.Options;

namespace Dialer.TwilioSimulator.Numbers;

/// <summary>The account's numbers as they stand: the settings at start, replaced at run time by PUT /sim/numbers.</summary>
public sealed partial class IncomingNumbers(IOptions<SimulatorOptions> options)
{
    readonly Lock _gate = new();
    NumberOptions _current = options.Value.Numbers.Copy();

    public NumberOptions Current
    {
        get { lock (_gate) return _current.Copy(); }
    }

    public void Replace(NumberOptions numbers)
    {
        lock (_gate) _current = numbers.Copy();
    }

    public void Reset() => Replace(options.Value.Numbers);

    public bool IsUnanswered(string from)
    {
        lock (_gate) return _current.Unanswered.Contains(from, StringComparer.Ordinal);
    }

    /// <summary>The numbers a read with Twilio's PhoneNumber filter finds (digits, '*' any digit, partial).</summary>
    public IReadOnlyList<OwnedNumber> Matching(string? filter)
    {
        var current = Current;
        var owned = current.Owned.AsEnumerable();
        if (string.IsNullOrEmpty(filter)) return [.. owned];
        var pattern = new Regex(Regex.Escape(filter).Replace(@"\*", @"\d"), RegexOptions.CultureInvariant);
        var found = owned.Where(o => pattern.IsMatch(o.PhoneNumber)).ToList();
        if (found.Count == 0 && current.OwnsAnyNumber && WholeNumber().IsMatch(filter))
            found.Add(new OwnedNumber { PhoneNumber = filter });
        return found;
    }

    public OwnedNumber? Find(string number) =>
        Current.Owned.FirstOrDefault(o => o.PhoneNumber == number);

    [GeneratedRegex(@"^\+[1-9]\d{6,14}$")]
    private static partial Regex WholeNumber();
}
