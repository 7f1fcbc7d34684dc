using Dialer.Core.Agents;
using Dialer.Core.Compliance;
using Dialer.Core.Data;
using Dialer.Core.Figures;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dialer.Api.Campaigns.Prelaunch;

/// <summary>
/// One figure the forecast runs with and where it came from: "given", "history", "logged-in" or "default".
/// </summary>
public sealed record ForecastInput(double Value, string Source, int? Sample = null);

/// <summary>
/// What the forecast uses when the caller gives nothing: the agents logged in to the campaign, and answer and handle
/// times learned from its own calls.
/// </summary>
public sealed record ForecastInputs(ForecastInput Agents, ForecastInput AnswerRate, ForecastInput TalkSeconds,
    ForecastInput WrapSeconds)
{
    public const double DefaultAnswerRate = 0.15, DefaultTalkSeconds = 150, DefaultWrapSeconds = 30;

    /// <summary>Fewer calls than these say more about luck than about the list: the defaults serve better.</summary>
    public const int MinDials = 100, MinConnects = 20;

    /// <summary>The request's figures where it gives them, these where it does not.</summary>
    public ForecastInputs With(ForecastRequest r) => new(
        r.Agents is { } a ? new(a, "given") : Agents,
        r.AnswerRate is { } rate ? new(rate, "given") : AnswerRate,
        r.TalkSeconds is { } talk ? new(talk, "given") : TalkSeconds,
        r.WrapSeconds is { } wrap ? new(wrap, "given") : WrapSeconds);

    public static async Task<ForecastInputs> LoadAsync(DialerDb db, Guid campaignId, CancellationToken ct)
    {
        var agents = await db.Agents.Where(AgentFigures.LoggedIn)
            .CountAsync(a => a.CampaignIds.Contains(campaignId), ct);
        var history = await db.Database.SqlQueryRaw<CallHistory>(HistorySql,
            new NpgsqlParameter("campaign", campaignId)).SingleAsync(ct);
        return new(
            new(agents, "logged-in"),
            history.Dials >= MinDials
            ? new(Math.Round((double)history.People / history.Dials, 4), "history", history.Dials)
            : new(DefaultAnswerRate, "default"), history.Connects >= MinConnects && history.Talk is { } t
            ? new(Math.Round(t, 1), "history", history.Connects) : new(DefaultTalkSeconds, "default"),
            history.Wrapped >= MinConnects && history.Wrap is { } w
            ? new(Math.Round(Math.Max(w, 0), 1), "history", history.Wrapped) : new(DefaultWrapSeconds, "default"));
    }

    const string Talked = "a.bridged_at IS NOT NULL AND a.ended_at IS NOT NULL";
    const string Wrapped = Talked + " AND a.dispositioned_at IS NOT NULL";

    static readonly string HistorySql = $"""
        SELECT count(*) FILTER (WHERE {CallFigures.Dials.Sql})::int AS dials,
               count(*) FILTER (WHERE {CallFigures.LiveAnswers.Sql})::int AS people,
               count(*) FILTER (WHERE {Talked})::int AS connects,
               avg(extract(epoch FROM a.ended_at - a.bridged_at)) FILTER (WHERE {Talked})::float8 AS talk,
               count(*) FILTER (WHERE {Wrapped})::int AS wrapped,
               avg(extract(epoch FROM a.dispositioned_at - a.ended_at)) FILTER (WHERE {Wrapped})::float8 AS wrap
        FROM call_attempts a WHERE a.campaign_id = @campaign
        """;

    sealed record CallHistory(int Dials, int People, int Connects, double? Talk, int Wrapped, double? Wrap);
}
