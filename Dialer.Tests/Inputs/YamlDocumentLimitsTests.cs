using System.Net;
using System.Text;
using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure;

namespace Dialer.Tests.Inputs;

/// <summary>A hostile YAML campaign document is a 400 naming the problem, and the Api lives on.</summary>
[Collection(ApiCollection.Name)]
public sealed class YamlDocumentLimitsTests(ApiFactory api)
{
    readonly HttpClient _marketer = api.ClientAs(Role.Marketer);

    const string Valid = "name: Yaml limits\ncallerId: \"+14155550100\"\n";

    static string AliasBomb()
    {
        var yaml = new StringBuilder(Valid + "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 10; i++)
            yaml.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        return yaml.ToString();
    }

    public static TheoryData<string, string, string> Hostile => new()
    {
        { "a self-referencing alias", Valid + "a: &x [*x]\n", "alias" },
        { "an alias bomb", AliasBomb(), "alias" },
        { "an anchor", Valid + "script: &s hello\n", "anchor" },
        { "deep nesting", Valid + "script: " + new string('[', 5000) + new string(']', 5000) + "\n", "deep" },
        { "a repeated key", Valid + "name: again\n", "'name'" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task A_hostile_document_is_a_400_naming_the_problem_and_the_Api_lives_on(string what, string yaml, string named)
    {
        var response = await _marketer.PostAsync("/api/campaigns/import?dryRun=true",
            new StringContent(yaml, Encoding.UTF8, "application/yaml"));
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {response.StatusCode}");
        Assert.Contains(named, (await response.ReadJsonAsync())["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await _marketer.GetAsync("/api/campaigns/defaults")).StatusCode);
    }

    [Fact]
    public async Task An_unquoted_caller_id_is_read_as_the_number_it_spells()
    {
        var name = "Unquoted caller id " + Guid.NewGuid();
        var yaml = $"name: {name}\ncallerId: +14155550100\n";
        var response = await _marketer.PostAsync("/api/campaigns/import",
            new StringContent(yaml, Encoding.UTF8, "application/yaml"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.ReadJsonAsync())["campaignId"]!.GetValue<Guid>();
        var campaign = await (await _marketer.GetAsync($"/api/campaigns/{id}")).ReadJsonAsync();
        Assert.Equal("+14155550100", campaign["settings"]!["callerId"]!.GetValue<string>());
    }
}
