namespace Dialer.Core.Auth;

public enum Role { Admin, Marketer, Manager, Agent }
