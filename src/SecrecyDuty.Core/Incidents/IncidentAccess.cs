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
}
