namespace SecrecyDuty.Core.Accounts;

/// <summary>The six roles of docs/domain.md. Names are stored in the database: never rename one.</summary>
public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string UnitLeader = nameof(UnitLeader);
    public const string SecrecyOfficer = nameof(SecrecyOfficer);
    public const string DisciplineOfficial = nameof(DisciplineOfficial);

    /// <summary>Read-only: a superior organ's leadership.</summary>
    public const string Supervisor = nameof(Supervisor);

    /// <summary>
    /// The organization and personnel department (组织人事干部): appraises leaders after hearing the secrecy
    /// organization's opinion (art. 9) and holds cadre-management authority (art. 17). Reads master data only.
    /// </summary>
    public const string CadreOfficial = nameof(CadreOfficial);

    public static IReadOnlyList<string> All { get; } =
        [Administrator, UnitLeader, SecrecyOfficer, DisciplineOfficial, Supervisor, CadreOfficial];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
