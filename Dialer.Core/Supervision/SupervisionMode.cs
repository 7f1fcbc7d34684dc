namespace Dialer.Core.Supervision;

/// <summary>
/// How a supervisor is in an agent's call. Listen: hears both, heard by nobody. Whisper: heard by the agent only
/// (Twilio's coaching). Barge: heard by both.
/// </summary>
public enum SupervisionMode { Listen, Whisper, Barge }
