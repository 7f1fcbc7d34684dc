namespace Dialer.Core.Teams;

/// <summary>
/// A group of users who share campaigns and a floor: marketers see their team's campaigns, managers their team's
/// agents and calls, agents work the team's campaigns they are assigned to. Admins belong to a team but see all.
/// </summary>
public sealed class Team
{
    /// <summary>
    /// The team the migration creates and every row made before teams existed belongs to; also what a user or
    /// campaign gets when nobody names a team, so a single-team install never has to think about teams.
    /// </summary>
    public static readonly Guid DefaultId = new("00000000-0000-7000-8000-000000000001");
    public const string DefaultName = "Default";
    public const int MaxNameLength = 100;

    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
