namespace Dialer.TwilioSimulator.Calls;

/// <summary>The create-call form fields that steer what the simulator does with the call.</summary>
public sealed record CallInstructions
{
    public string? Url { get; init; }
    public string Method { get; init; } = "POST";
    public string? Twiml { get; init; }
    public string? FallbackUrl { get; init; }
    public string FallbackMethod { get; init; } = "POST";
    public string? StatusCallback { get; init; }
    public string StatusCallbackMethod { get; init; } = "POST";
    public IReadOnlySet<string> StatusCallbackEvents { get; init; } = new HashSet<string>();
    public int TimeoutSeconds { get; init; } = 60;

    /// <summary>The longest the call may last once answered (Twilio's TimeLimit, 4 hours by default).</summary>
    public int TimeLimitSeconds { get; init; } = 14_400;

    /// <summary>"Enable", "DetectMessageEnd", or null when machine detection is off.</summary>
    public string? MachineDetection { get; init; }
    public int MachineDetectionTimeoutSeconds { get; init; } = 30;
    public bool AsyncAmd { get; init; }
    public string? AsyncAmdStatusCallback { get; init; }
    public string AsyncAmdStatusCallbackMethod { get; init; } = "POST";

    public bool DetectsMachines => MachineDetection is not null;

    /// <summary>Twilio sends only "completed" when a StatusCallback comes without events.</summary>
    public bool WantsEvent(string statusCallbackEvent) =>
        StatusCallback is not null &&
        (StatusCallbackEvents.Count == 0 ? statusCallbackEvent == "completed"
            : StatusCallbackEvents.Contains(statusCallbackEvent));
}
