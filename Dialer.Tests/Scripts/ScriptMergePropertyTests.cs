using System.Text.Json;
using Dialer.Core.Campaigns;
using Dialer.Core.Campaigns.Scripts;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dialer.Tests.Scripts;

/// <summary>
/// The merge's promises, over generated values full of markup, braces, slashes and URL syntax: a screen pop never
/// leaves its template's host, and a customer's opt-out is never refused for an unfilled script field.
/// </summary>
public sealed class ScriptMergePropertyTests
{
    static readonly string[] Nasty =
        ["", "Ada", "<script>alert(1)</script>", "{{phone}}", "a/b?c=d#e", "@evil.example.com", "..", "%2F", "é ü 漢",
            "\" onmouseover=x", "https://evil.example.com/", "\\\\evil", " ", "&amp;", "}}{{", "\r\n"];

    static Gen<string> Values() => Gen.OneOf(Gen.Elements(Nasty),
        Gen.ArrayOf(Gen.Elements(Nasty)).Select(parts => string.Concat(parts)));

    static readonly string[] Templates =
    [
        "https://crm.example.com/customers?phone={{phone}}&name={{name}}",
        "https://crm.example.com/c/{{plan}}/{{first_name}}",
        "https://crm.example.com:8443/find#{{name}}",
        "https://crm.example.com/{{unknown}}?q={{plan}}",
    ];

    [Property(MaxTest = 2000)]
    public Property A_screen_pop_stays_on_its_template_s_host_whatever_the_contact_s_values() =>
        Prop.ForAll((from template in Gen.Elements(Templates)
                     from name in Values()
                     from phone in Values()
                     from plan in Values()
                     select (template, name, phone, plan)).ToArbitrary(), c =>
        {
            var columns = JsonSerializer.Serialize(new Dictionary<string, string> { ["plan"] = c.plan });
            var values = MergeValues.For(c.name, c.phone, columns, "Agent <b>", "Campaign");
            var url = ScreenPopUrl.For(new ScreenPopSettings { UrlTemplate = c.template }, values);
            var expected = new Uri(ScriptMerge.FieldPattern().Replace(c.template, "x"));
            return url is not null && new Uri(url) is var got && got.Scheme == "https"
                && got.Host == expected.Host && got.Port == expected.Port && got.UserInfo.Length == 0;
        });

    static Gen<ScriptField> Fields() =>
        from key in Gen.Elements("interest", "budget", "consent_to_email", "notes")
        from kind in Gen.Elements(Enum.GetValues<ScriptFieldKind>())
        from required in Gen.Elements(true, false)
        select new ScriptField
        {
            Key = key, Label = key, Kind = kind, Required = required, Choices = ["a", "b"], Min = 0, Max = 10,
        };

    [Property(MaxTest = 2000)]
    public Property A_do_not_call_or_wrong_number_is_never_refused_for_an_empty_field() =>
        Prop.ForAll((from fields in Gen.ArrayOf(Fields())
                     from disposition in Gen.Elements(Dispositions.DoNotCall, "DO-NOT-CALL", Dispositions.WrongNumber)
                     select (fields: fields.DistinctBy(f => f.Key).ToArray(), disposition)).ToArbitrary(), c =>
        {
            var (_, errors) = ScriptAnswers.Check(c.fields, new Dictionary<string, JsonElement>(), c.disposition);
            return errors.Count == 0;
        });

    [Fact]
    public void A_required_field_left_empty_is_refused_by_its_key_for_any_other_disposition()
    {
        ScriptField[] fields =
            [new() { Key = "budget", Label = "Budget", Kind = ScriptFieldKind.Number, Required = true }];
        var blank = new Dictionary<string, JsonElement> { ["budget"] = JsonSerializer.SerializeToElement("  ") };

        var (json, errors) = ScriptAnswers.Check(fields, blank, "sale");

        Assert.Null(json);
        Assert.Equal(["Required: Budget."], errors["fields.budget"]);
    }

    [Fact]
    public void Merged_text_is_plain_text_with_unknown_fields_empty_and_marked_as_unknown_in_the_segments()
    {
        var values = MergeValues.For("Ada Lovelace", "+14155550111",
            """{"plan":"<b>gold</b>","First_Name":"Augusta"}""", "Grace Hopper", "Spring");

        Assert.Equal("Hi Augusta Lovelace, Grace here about <b>gold</b>.  ",
            ScriptMerge.Text("Hi {{first_name}} {{ last_name }}, {{agent.first_name}} here about {{PLAN}}. {{nope}} ",
                values));
        var parts = ScriptMerge.Segments("a {{nope}} {{ name }}", values);
        Assert.Equal([("a ", null, true), ("", "nope", false), (" ", null, true), ("Ada Lovelace", "name", true)],
            parts.Select(p => (p.Text, p.Field, p.Known)));
        Assert.Equal("{{ }} and {{x", ScriptMerge.Text("{{ }} and {{x", values));
    }

    [Fact]
    public void A_long_value_repeated_stops_at_the_bound()
    {
        var values = new Dictionary<string, string> { ["v"] = new('x', 10_000) };

        var text = ScriptMerge.Text(string.Concat(Enumerable.Repeat("{{v}}", 1000)), values);

        Assert.Equal(ScriptMerge.MaxMergedChars + 1, text.Length);
    }

    [Theory]
    [InlineData("http://crm.example.com/?p={{phone}}", "https")]
    [InlineData("https://{{host}}.example.com/", "host")]
    [InlineData("https://crm.example.com@{{x}}/", "host")]
    [InlineData("https://user:pw@crm.example.com/{{x}}", "password")]
    [InlineData("javascript:alert(1)//https://", "https")]
    public void A_screen_pop_template_that_could_leave_its_host_or_https_is_refused(string template, string says)
    {
        Assert.Contains(says, ScreenPopUrl.Refusal(template), StringComparison.OrdinalIgnoreCase);
    }
}
