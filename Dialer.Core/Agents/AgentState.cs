namespace Dialer.Core.Agents;

public enum AgentState { Offline, Available, Reserved, OnCall, WrapUp, Break }
