using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;

namespace SecrecyDuty.Core.Incidents;

/// <summary>
/// Incident files are the most restricted records: secrecy officers and discipline officials of the jurisdiction only.
/// A unit leader sees none, not even titles, except a file on which the leader is named (asked for a statement); a file
/// limited to named accounts (need to know) opens only for them.
/// </summary>
public static class IncidentAccess
{
    public static IReadOnlyList<AccessRule> Rules { get; } =
    [
        new("Incidents", nameof(CanRegister), "Arts. 10–16: the secrecy office registers leak incidents and investigates them", CanRegister),
        new("Incidents", nameof(CanReadIncidents), "Incident files: secrecy officers and discipline officials of the jurisdiction only", CanReadIncidents),
        new("Incidents", nameof(CanDecide), "Arts. 11–16: discipline officials record the decisions", CanDecide),
    ];

    public static bool CanRegister(ICurrentUser user) => Permissions.HasAnyRole(user, Roles.SecrecyOfficer);

    public static void RequireRegistrar(ICurrentUser user) => AccessDeniedException.ThrowUnless(CanRegister(user));

    public static bool CanReadIncidents(ICurrentUser user) => Permissions.HasAnyRole(user, Roles.SecrecyOfficer, Roles.DisciplineOfficial);

    public static void RequireIncidentReader(ICurrentUser user) => AccessDeniedException.ThrowUnless(CanReadIncidents(user));

    public static bool CanDecide(ICurrentUser user) => Permissions.HasAnyRole(user, Roles.DisciplineOfficial);

    public static void RequireDecider(ICurrentUser user) => AccessDeniedException.ThrowUnless(CanDecide(user));

    /// <summary>
    /// Whether the account opens a file it may otherwise reach by jurisdiction: by role (unless the file is limited to
    /// named accounts), or because it is named on the file (a leader asked for a statement).
    /// </summary>
    public static bool MayOpen(bool readsByRole, bool restrictedToNamedAccounts, bool named) =>
        named || (readsByRole && !restrictedToNamedAccounts);

    /// <summary>The files of <paramref name="incidents"/> the account opens (<see cref="MayOpen"/>), as a query for SQL.</summary>
    public static IQueryable<Incident> Openable(IQueryable<Incident> incidents, ICurrentUser user, IQueryable<int> jurisdictionUnitIds)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        ArgumentNullException.ThrowIfNull(user);
        var readsByRole = CanReadIncidents(user);
        var userId = user.UserId ?? "";
        return incidents.Where(i => i.Grants.Any(g => g.UserId == userId) || (readsByRole && !i.RestrictedToNamedAccounts && jurisdictionUnitIds.Contains(i.UnitId)));
    }

    /// <summary>
    /// Whether the account works on an open file (its facts, persons, linked findings and named accounts): the secrecy office
    /// and the discipline officials who open it, until it is decided. A leader named for a statement only reads it.
    /// </summary>
    public static bool MayEdit(ICurrentUser user, IncidentStatus status) =>
        CanReadIncidents(user) && status is not (IncidentStatus.Decided or IncidentStatus.Closed);

    /// <summary>Arts. 11–16: decisions are recorded by a discipline official while the file is under discipline review.</summary>
    public static bool MayDecide(ICurrentUser user, IncidentStatus status) =>
        CanDecide(user) && status == IncidentStatus.UnderDisciplineReview;
}
