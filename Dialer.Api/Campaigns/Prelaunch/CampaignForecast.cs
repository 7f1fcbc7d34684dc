using Dialer.Core.Campaigns;
using Dialer.Core.Pacing;
using Dialer.Core.Pacing.Simulation;

namespace Dialer.Api.Campaigns.Prelaunch;

/// <param name="AnswerRate">share of dials a person answers (default 0.15)</param>
/// <param name="TalkSeconds">mean talk time with a person (default 150)</param>
/// <param name="WrapSeconds">mean wrap-up after a call (default 30)</param>
public sealed record ForecastRequest(int Agents, double? AnswerRate = null, double? TalkSeconds = null, double? WrapSeconds = null);

/// <param name="HoursToFinish">callable contacts / contacts per hour; null when no contact is reached</param>
public sealed record ModeForecast(
    DialingMode Mode, double Occupancy, double AbandonRate, double ContactsPerHour, double DialsPerHour, double? HoursToFinish);

public sealed record Forecast(
    int Agents, double AnswerRate, double TalkSeconds, double WrapSeconds, int CallableContacts,
    int Seeds, double SimulatedHours, DialingMode CampaignMode, ModeForecast[] Modes);

/// <summary>
/// Runs the pacing simulator (the same pacers the worker runs) with the campaign's settings in each
/// mode a campaign with agents can use. Few seeds and at most one simulated hour: an answer in seconds, not a
/// benchmark. A big floor places many calls a minute, so it needs less simulated time for the same confidence.
/// </summary>
public static class CampaignForecast
{
    const int Seeds = 3;
    static readonly DialingMode[] Modes = [DialingMode.Progressive, DialingMode.Power, DialingMode.Predictive];

    public static Dictionary<string, string[]> Validate(ForecastRequest r)
    {
        var errors = new ValidationErrors();
        if (r.Agents is < 1 or > 200) errors.Add("agents", "Must be between 1 and 200.");
        if (r.AnswerRate is <= 0 or > 0.9) errors.Add("answerRate", "Must be above 0 and at most 0.9.");
        if (r.TalkSeconds is < 10 or > 3600) errors.Add("talkSeconds", "Must be between 10 and 3600.");
        if (r.WrapSeconds is < 0 or > 1800) errors.Add("wrapSeconds", "Must be between 0 and 1800.");
        return errors.ToDictionary();
    }

    public static Forecast Run(CampaignSettings campaign, ForecastRequest r, int callableContacts)
    {
        var hours = Math.Clamp(40.0 / r.Agents, 0.25, 1);
        var human = r.AnswerRate ?? 0.15;
        var fail = Math.Min(0.1, 1 - human);
        var scenario = new Scenario
        {
            Name = "forecast", Agents = r.Agents, Hours = hours, WarmupS = 300, Seeds = Seeds,
            HumanRate = human, FailRate = fail, MachineRate = Math.Min(0.2, 1 - human - fail),
            TalkS = new LognormalSpec(r.TalkSeconds ?? 150, 1.0),
            WrapS = new LognormalSpec(Math.Max(r.WrapSeconds ?? 30, 0.1), 0.5),
        };
        var modes = Modes.AsParallel().AsOrdered().Select(mode =>
        {
            var settings = LivePacingSnapshot.SettingsOf(campaign with { Mode = mode }) with { HoldSeconds = scenario.HoldS };
            var runs = SeedRuns.Run(scenario, () => PacerFactory.Create(mode), settings, Seeds, hours);
            var contactsPerHour = runs.Average(x => x.ContactsPerAgentHour) * r.Agents;
            return new ModeForecast(mode,
                Math.Round(runs.Average(x => x.Occupancy), 4),
                Math.Round(runs.Average(x => x.AbandonRate), 4),
                Math.Round(contactsPerHour, 1),
                Math.Round(runs.Average(x => x.DialsPerAgentHour) * r.Agents, 1),
                contactsPerHour > 0 ? Math.Round(callableContacts / contactsPerHour, 2) : null);
        }).ToArray();
        return new Forecast(r.Agents, human, scenario.TalkS.Mean, scenario.WrapS.Mean, callableContacts, Seeds, hours, campaign.Mode, modes);
    }
}
