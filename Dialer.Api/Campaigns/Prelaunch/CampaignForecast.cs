using Dialer.Core.Campaigns;
using Dialer.Core.Pacing;
using Dialer.Core.Pacing.Simulation;

namespace Dialer.Api.Campaigns.Prelaunch;

/// <summary>
/// Each figure left out is taken from <see cref="ForecastInputs"/>: the agents logged in, the campaign's own history,
/// else defaults.
/// </summary>
/// <param name="AnswerRate">share of dials a person answers</param>
/// <param name="TalkSeconds">mean talk time with a person</param>
/// <param name="WrapSeconds">mean wrap-up after a call</param>
public sealed record ForecastRequest(int? Agents = null, double? AnswerRate = null, double? TalkSeconds = null,
    double? WrapSeconds = null);

/// <param name="HoursToFinish">callable contacts / contacts per hour; null when no contact is reached</param>
public sealed record ModeForecast(
    DialingMode Mode, double Occupancy, double AbandonRate, double ContactsPerHour, double DialsPerHour,
    double? HoursToFinish);

/// <param name="Inputs">each figure the simulation ran with and where it came from</param>
public sealed record Forecast(
    int Agents, double AnswerRate, double TalkSeconds, double WrapSeconds, int CallableContacts,
    int Seeds, double SimulatedHours, DialingMode CampaignMode, ModeForecast[] Modes, ForecastInputs Inputs);

/// <summary>
/// Runs the pacing simulator (the same pacers the worker runs) with the campaign's settings in each
/// mode a campaign with agents can use. Few seeds and at most one simulated hour: an answer in seconds, not a
/// benchmark. A big floor places many calls a minute, so it needs less simulated time for the same confidence.
/// </summary>
public static class CampaignForecast
{
    const int Seeds = 3;
    public const int MaxAgents = 200;
    static readonly DialingMode[] Modes = [DialingMode.Progressive, DialingMode.Power, DialingMode.Predictive];

    public static Dictionary<string, string[]> Validate(ForecastRequest r)
    {
        var errors = new ValidationErrors();
        if (r.Agents is < 1 or > MaxAgents) errors.Add("agents", $"Must be between 1 and {MaxAgents}.");
        if (r.AnswerRate is <= 0 or > 0.9) errors.Add("answerRate", "Must be above 0 and at most 0.9.");
        if (r.TalkSeconds is < 10 or > 3600) errors.Add("talkSeconds", "Must be between 10 and 3600.");
        if (r.WrapSeconds is < 0 or > 1800) errors.Add("wrapSeconds", "Must be between 0 and 1800.");
        return errors.ToDictionary();
    }

    /// <summary>
    /// With no count given, the agents logged in to the campaign are the count; none logged in is for the caller to
    /// fix.
    /// </summary>
    public static Dictionary<string, string[]> ValidateAgents(ForecastInputs inputs)
    {
        var errors = new ValidationErrors();
        if (inputs.Agents.Value < 1)
            errors.Add("agents", "No agent is logged in to this campaign: give the number of agents you expect.");
        else if (inputs.Agents.Value > MaxAgents)
            errors.Add("agents",
                $"{inputs.Agents.Value} agents are logged in; the forecast simulates at most {MaxAgents}: give a "
                    + "number.");
        return errors.ToDictionary();
    }

    public static Forecast Run(CampaignSettings campaign, ForecastInputs inputs, int callableContacts)
    {
        var agents = (int)inputs.Agents.Value;
        var hours = Math.Clamp(40.0 / agents, 0.25, 1);
        var human = inputs.AnswerRate.Value;
        var fail = Math.Min(0.1, 1 - human);
        var scenario = new Scenario
        {
            Name = "forecast", Agents = agents, HoldS = LivePacingSnapshot.HoldSeconds, Hours = hours, WarmupS = 300,
            Seeds = Seeds,
            HumanRate = human, FailRate = fail, MachineRate = Math.Min(0.2, 1 - human - fail),
            TalkS = new LognormalSpec(inputs.TalkSeconds.Value, 1.0),
            WrapS = new LognormalSpec(Math.Max(inputs.WrapSeconds.Value, 0.1), 0.5),
        };
        var modes = Modes.AsParallel().AsOrdered().Select(mode =>
        {
            var settings = LivePacingSnapshot.SettingsOf(campaign with { Mode = mode });
            var runs = SeedRuns.Run(scenario, () => PacerFactory.Create(mode), settings, Seeds, hours);
            var contactsPerHour = runs.Average(x => x.ContactsPerAgentHour) * agents;
            return new ModeForecast(mode,
                Math.Round(runs.Average(x => x.Occupancy), 4),
                Math.Round(runs.Average(x => x.AbandonRate), 4),
                Math.Round(contactsPerHour, 1),
                Math.Round(runs.Average(x => x.DialsPerAgentHour) * agents, 1),
                contactsPerHour > 0 ? Math.Round(callableContacts / contactsPerHour, 2) : null);
        }).ToArray();
        return new Forecast(agents, human, scenario.TalkS.Mean, scenario.WrapS.Mean, callableContacts, Seeds, hours,
            campaign.Mode, modes, inputs);
    }
}
