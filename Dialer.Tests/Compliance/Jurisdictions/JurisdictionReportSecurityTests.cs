using System.Net;
using Dialer.Tests.Infrastructure;
using Dialer.Tests.Teams;

namespace Dialer.Tests.Compliance.Jurisdictions;

[Collection(ApiCollection.Name)]
public sealed class JurisdictionReportSecurityTests(ApiFactory api)
{
    [Fact]
    public async Task Another_teams_campaign_is_not_found_and_the_owners_is_read()
    {
        var teams = await new TwoTeams(api).MakeAsync();

        var theirs = await teams.ManagerB.GetAsync($"/api/campaigns/{teams.CampaignA}/jurisdictions");
        var ours = await teams.ManagerA.GetAsync($"/api/campaigns/{teams.CampaignA}/jurisdictions");
        var anonymous = await api.Anonymous().GetAsync($"/api/campaigns/{teams.CampaignA}/jurisdictions");

        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ours.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.DoesNotContain("+1", await theirs.Content.ReadAsStringAsync());
    }
}
