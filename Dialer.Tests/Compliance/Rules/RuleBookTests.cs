using Dialer.Core.Compliance.Rules;

namespace Dialer.Tests.Compliance.Rules;

public sealed class RuleBookTests
{
    static readonly string[] ShippedJurisdictions =
        ["default", "US", "US-FL", "US-OK", "US-MD", "US-WA", "US-TX", "US-LA", "US-IN", "CA", "GB", "ES", "MX"];

    [Fact]
    public void Every_shipped_jurisdiction_loads_and_each_of_its_rules_names_a_source()
    {
        var book = RuleBook.Shipped;
        Assert.Equal(ShippedJurisdictions.Order(), book.All.Select(r => r.Code).Order());
        foreach (var f in book.All.Select(r => r.File))
        {
            string?[] sources = [f.Hours?.Source, f.Holidays?.Source, f.Abandon?.Source, f.AbandonedLockout?.Source,
                f.CallsPerPerson?.Source, f.Consent?.Source, f.Registry?.Source];
            Assert.All(sources.Where(s => s is not null), s => Assert.True(s!.Length > 20, $"{f.Jurisdiction}: {s}"));
        }
    }

    [Theory]
    [InlineData("ES", "2027-03-01T08:59", false)] // Monday
    [InlineData("ES", "2027-03-01T09:00", true)]
    [InlineData("ES", "2027-03-01T20:59", true)]
    [InlineData("ES", "2027-03-01T21:00", false)]
    [InlineData("ES", "2027-03-06T12:00", false)] // Saturday
    [InlineData("CA", "2027-03-01T21:29", true)]
    [InlineData("CA", "2027-03-06T09:59", false)]
    [InlineData("CA", "2027-03-06T17:59", true)]
    [InlineData("CA", "2027-03-06T18:00", false)]
    [InlineData("US-TX", "2027-03-07T11:59", false)] // Sunday: noon to 9 p.m.
    [InlineData("US-TX", "2027-03-07T12:00", true)]
    [InlineData("US-TX", "2027-03-06T08:30", false)] // Saturday: 9 a.m.
    [InlineData("US-FL", "2027-03-06T20:00", false)]
    [InlineData("US-LA", "2027-03-07T12:00", false)] // no Sunday calls
    [InlineData("GB", "2027-03-07T07:00", true)]     // no UK hours of its own: the default's 08:00 binds
    public void Each_rule_set_opens_and_closes_where_its_source_says(string code, string local, bool open) =>
        Assert.Equal(open, RuleBook.Shipped.Find(code)!.IsOpen(DateTime.Parse(local)));

    [Fact]
    public void A_jurisdiction_binds_with_its_country_and_the_default()
    {
        Assert.Equal(["default", "US", "US-FL"], RuleBook.Shipped.Chain("US-FL").Select(r => r.Code));
        // no New York rules shipped
        Assert.Equal(["default", "US"], RuleBook.Shipped.Chain("US-NY").Select(r => r.Code));
        Assert.Equal(["default"], RuleBook.Shipped.Chain("FR").Select(r => r.Code));
    }

    [Theory]
    [InlineData("""
        {"jurisdiction":"ES","name":"x",
         "hours":{"windows":[{"days":["Monday"],"start":"09:00","end":"21:00"}],"source":""}}
        """, "hours has no source")]
    [InlineData("""
        {"jurisdiction":"ES","name":"x",
         "hours":{"windows":[{"days":["Monday"],"start":"21:00","end":"09:00"}],"source":"a law"}}
        """, "the end after the start")]
    [InlineData("""{"jurisdiction":"ES","name":"x","holidays":{"calendar":"FR","closed":true,"source":"a law"}}""",
        "no holiday calendar")]
    [InlineData("""{"jurisdiction":"ES","name":"x","callsPerPerson":{"calls":3,"periodHours":48,"source":"a law"}}""",
        "counts over 24 hours")]
    [InlineData("""{"jurisdiction":"Spain","name":"x"}""", "not a jurisdiction code")]
    public void A_rule_set_without_a_source_or_with_nonsense_does_not_load(string json, string problem)
    {
        var error = Assert.Throws<InvalidDataException>(() =>
            RuleBook.Load([("default.json", RuleBook.ShippedText("default.json")), ("bad.json", json)]));
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Refusals_name_the_jurisdiction_and_its_hours()
    {
        Assert.Equal("ES Mon-Fri 09:00-21:00", RuleBook.Shipped.Find("ES")!.HoursText);
        Assert.Equal("US-TX Mon-Sat 09:00-21:00, Sun 12:00-21:00", RuleBook.Shipped.Find("US-TX")!.HoursText);
        Assert.Equal("CA Mon-Fri 09:00-21:30, Sat-Sun 10:00-18:00", RuleBook.Shipped.Find("CA")!.HoursText);
    }
}
