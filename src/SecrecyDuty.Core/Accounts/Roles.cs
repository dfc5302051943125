namespace SecrecyDuty.Core.Accounts;

/// <summary>The five roles of DOMAIN.md. Names are stored in the database: never rename one.</summary>
public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string UnitLeader = nameof(UnitLeader);
    public const string SecrecyOfficer = nameof(SecrecyOfficer);
    public const string DisciplineOfficial = nameof(DisciplineOfficial);

    /// <summary>Read-only: a superior organ's leadership.</summary>
    public const string Supervisor = nameof(Supervisor);

    public static IReadOnlyList<string> All { get; } =
        [Administrator, UnitLeader, SecrecyOfficer, DisciplineOfficial, Supervisor];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
