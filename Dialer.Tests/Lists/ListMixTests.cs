using System.Net;
using System.Net.Http.Json;
using Dialer.Core.Auth;
using Dialer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dialer.Tests.Lists;

[Collection(ApiCollection.Name)]
public sealed class ListMixTests(ApiFactory api)
{
    readonly HttpClient _marketer = api.ClientAs(Role.Marketer);

    static string Rows(string prefix, int count) =>
        "phone\n" + string.Concat(Enumerable.Range(0, count).Select(i => $"{prefix}{i:D4}\n"));

    [Fact]
    public async Task Two_lists_weighted_70_and_30_are_claimed_seven_to_three_and_a_new_weight_remixes_them()
    {
        var campaign = await _marketer.CreateCampaignAsync();
        var heavy = await _marketer.ListWithAsync(Rows("+1415557", 600));
        var light = await _marketer.ListWithAsync(Rows("+1415558", 600));
        (await _marketer.PostAsJsonAsync($"/api/campaigns/{campaign}/lists/{heavy}", new { priority = 3, weight = 70 }))
            .EnsureSuccessStatusCode();
        (await _marketer.PostAsJsonAsync($"/api/campaigns/{campaign}/lists/{light}", new { priority = 3, weight = 30 }))
            .EnsureSuccessStatusCode();

        await AssertMixAsync(campaign, heavy, 0.7, 400);

        var changed = await _marketer.PatchAsJsonAsync($"/api/campaigns/{campaign}/lists/{light}", new { weight = 70 });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(70, (await changed.ReadJsonAsync())["weight"]!.GetValue<int>());
        await AssertMixAsync(campaign, heavy, 0.5, 400);

        await using var db = api.Database.CreateDb();
        var notes = await db.CampaignChanges.Where(c => c.CampaignId == campaign).Select(c => c.Note).ToListAsync();
        Assert.Contains(notes, n => n != null && n.Contains("weight 70)"));
        Assert.Contains(notes, n => n != null && n.Contains("weight 30 → 70"));
    }

    /// <summary>In every prefix of the first <paramref name="count"/> the claim takes, the list's share is within two
    /// contacts of <paramref name="share"/>.</summary>
    async Task AssertMixAsync(Guid campaign, Guid list, double share, int count)
    {
        var order = await api.Database.FirstAsync(campaign, count);
        Assert.Equal(count, order.Count);
        var taken = 0;
        for (var n = 1; n <= count; n++)
        {
            if (order[n - 1].ListId == list) taken++;
            Assert.True(Math.Abs(taken - share * n) <= 2, $"{taken} of the first {n} from the list, not {share:P0}");
        }
    }

    [Fact]
    public async Task A_weight_outside_1_to_100_is_a_400_naming_weight()
    {
        var campaign = await _marketer.CreateCampaignAsync();
        var list = await _marketer.ListWithAsync(Rows("+1415559", 2));
        var zero = await _marketer.PostAsJsonAsync($"/api/campaigns/{campaign}/lists/{list}", new { weight = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
        Assert.True((await zero.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("weight"));
        (await _marketer.AttachAsync(campaign, list)).EnsureSuccessStatusCode();
        var over = await _marketer.PatchAsJsonAsync($"/api/campaigns/{campaign}/lists/{list}", new { weight = 101 });
        Assert.Equal(HttpStatusCode.BadRequest, over.StatusCode);
        Assert.True((await over.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("weight"));
    }
}
