using SecrecyDuty.Core.Accounts;

namespace SecrecyDuty.Core.Access;

/// <summary>
/// The role sets that the areas' access classes share. What a role may do is decided in each area's
/// <c>&lt;Area&gt;Access</c> class (docs/decisions/0014-access-classes-per-area.md); this class only names the sets.
/// </summary>
public static class Permissions
{
    /// <summary>A signed-in account that holds at least one of <paramref name="roles"/>.</summary>
    public static bool HasAnyRole(ICurrentUser user, params ReadOnlySpan<string> roles)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsAuthenticated)
        {
            return false;
        }

        foreach (var role in roles)
        {
            if (user.IsInRole(role))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The secrecy office: administrators and secrecy officers. They maintain master data (issue 3, "Access"), import it,
    /// review checklists and give the secrecy organization's opinion (art. 9).
    /// </summary>
    public static bool IsSecrecyOffice(ICurrentUser user) => HasAnyRole(user, Roles.Administrator, Roles.SecrecyOfficer);

    /// <summary>
    /// The roles that work on or oversee the records of their whole jurisdiction: every role but the unit leader's, who
    /// reads his or her own personnel records only (docs/decisions/0009-appraisal-visibility.md).
    /// </summary>
    public static bool OverseesJurisdiction(ICurrentUser user) =>
        HasAnyRole(user, Roles.Administrator, Roles.SecrecyOfficer, Roles.CadreOfficial, Roles.DisciplineOfficial, Roles.Supervisor);
}
