using Dialer.Core.Contacts;
using PhoneNumbers;

namespace Dialer.Tests.Contacts;

/// <summary>
/// The import works a number's type out once for its validity and its zones. Over generated numbers of every region
/// and type (valid, invalid, odd lengths, "00" prefixes, formatting), it accepts, normalises and places exactly the
/// numbers libphonenumber's own validity check and zone lookup do, with the same reasons for the rest.
/// </summary>
public sealed class PhoneTypeOncePropertyTests
{
    static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    static readonly PhoneNumberToTimeZonesMapper Zones = PhoneNumberToTimeZonesMapper.GetInstance();

    [Fact]
    public void Accepts_normalises_and_places_every_generated_number_as_libphonenumber_alone_does()
    {
        var random = new Random(16);
        var regions = Util.GetSupportedRegions().Order().ToArray();
        var types = Enum.GetValues<PhoneNumberType>();
        var compared = 0;
        foreach (var region in regions)
            foreach (var type in types)
            {
                var example = Util.GetExampleNumberForType(region, type);
                var texts = example is null
                    ? [RandomDigits(random)]
                    : Variants(Util.Format(example, PhoneNumberFormat.E164), random);
                foreach (var text in texts)
                {
                    var home = random.Next(4) == 0 ? regions[random.Next(regions.Length)] : "US";
                    var ok = Phones.TryNormalize(text, home, out var e164, out var zones, out var reason);
                    var expected = Reference(text, home);
                    var actual = (ok, e164, string.Join(' ', zones), ok ? "" : reason); // a reason is for a refusal
                    Assert.True(expected == actual, $"'{text}' in {home}: expected {expected}, got {actual}");
                    compared++;
                }
            }
        Assert.True(compared > 5000, $"only {compared} numbers compared");
    }

    /// <summary>The example, its last digits changed, cut or lengthened, written with "00" or spaces.</summary>
    static IEnumerable<string> Variants(string e164, Random random)
    {
        yield return e164;
        for (var i = 0; i < 3; i++)
        {
            var digits = e164[1..].ToCharArray();
            for (var d = digits.Length - 4; d < digits.Length; d++) digits[d] = (char)('0' + random.Next(10));
            yield return "+" + new string(digits);
        }
        yield return e164[..^1];
        yield return e164 + random.Next(10);
        yield return "00" + e164[1..];
        yield return e164[..4] + " " + e164[4..];
        yield return e164[1..]; // no plus: read as a national number of the home region
    }

    static string RandomDigits(Random random) =>
        "+" + string.Concat(Enumerable.Range(0, random.Next(4, 15)).Select(_ => random.Next(10)));

    /// <summary>The import's answer before the type was worked out once: IsValidNumber, then the zone lookup.</summary>
    static (bool, string, string, string) Reference(string raw, string region)
    {
        var number = Parse(raw, region, out var reason);
        if (number is null && raw.TrimStart().StartsWith("00", StringComparison.Ordinal))
            number = Parse("+" + raw.TrimStart()[2..], region, out _);
        if (number is null) return (false, "", "", reason);
        var zones = Zones.GetTimeZonesForNumber(number);
        var known = zones.Count == 1 && zones[0] == "Etc/Unknown" ? [] : zones.Where(z => z != "Etc/Unknown");
        return (true, Util.Format(number, PhoneNumberFormat.E164), string.Join(' ', known), "");
    }

    static PhoneNumber? Parse(string raw, string region, out string reason)
    {
        reason = "";
        var text = raw.Trim();
        try
        {
            var number = Util.Parse(text, region);
            if (Util.IsValidNumber(number)) return number;
            Phones.TryNormalize(raw, region, out _, out reason); // the wording of the reason is not the question
            return null;
        }
        catch (NumberParseException)
        {
            Phones.TryNormalize(raw, region, out _, out reason);
            return null;
        }
    }
}
