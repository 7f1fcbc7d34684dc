using System.Linq.Expressions;
using Dialer.Core.Agents;

namespace Dialer.Core.Figures;

/// <summary>
/// How the floor is counted from agents' states: the same words for the dashboard, the wall, the timesheets, the
/// forecast and the pacer. SQL fragments test a <c>state</c> column (an <see cref="AgentState"/> name).
/// </summary>
public static class AgentFigures
{
    public static string StateSql(AgentState state, string column = "state") => $"{column} = '{state}'";

    /// <summary>Logged in: any state but Offline (on a break too).</summary>
    public static string LoggedInSql(string column = "state") => $"{column} <> '{AgentState.Offline}'";

    public static readonly Expression<Func<Agent, bool>> LoggedIn = a => a.State != AgentState.Offline;

    /// <summary>Working the campaign's calls now: logged in and not on a break. The pacer paces for these.</summary>
    public static readonly Expression<Func<Agent, bool>> Staffed = a =>
        a.State != AgentState.Offline && a.State != AgentState.Break;

    /// <summary>On a call: reserved for an answered call, or talking.</summary>
    public static bool IsOnCall(AgentState s) => s is AgentState.Reserved or AgentState.OnCall;

    /// <summary>
    /// The select list of the floor's counts over agents aliased <c>g</c>, as the columns of <see cref="AgentCounts"/>.
    /// </summary>
    public static readonly string CountsSql = $"""
        count(*) FILTER (WHERE {LoggedInSql("g.state")})::bigint AS logged_in,
        count(*) FILTER (WHERE {StateSql(AgentState.Available, "g.state")})::bigint AS available,
        count(*) FILTER (WHERE g.state IN ('{AgentState.Reserved}', '{AgentState.OnCall}'))::bigint AS on_call,
        count(*) FILTER (WHERE {StateSql(AgentState.WrapUp, "g.state")})::bigint AS wrap_up,
        count(*) FILTER (WHERE {StateSql(AgentState.Break, "g.state")})::bigint AS on_break
        """;

    /// <summary>Talk time is time OnCall; occupancy is talk and wrap-up over logged-in time.</summary>
    public static double Occupancy(long talkSeconds, long wrapUpSeconds, long loggedInSeconds) =>
        CallFigures.Ratio(talkSeconds + wrapUpSeconds, loggedInSeconds);
}

public sealed record AgentCounts(long LoggedIn, long Available, long OnCall, long WrapUp, long OnBreak)
{
    public static readonly AgentCounts None = new(0, 0, 0, 0, 0);
}
