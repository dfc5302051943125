using SecrecyDuty.Core.Accounts;

namespace SecrecyDuty.Core.Access;

/// <summary>How far below its own unit an account may read and act.</summary>
public enum JurisdictionScope
{
    /// <summary>No working role: nothing is visible.</summary>
    None,

    /// <summary>Unit leaders act within their own unit only.</summary>
    OwnUnit,

    /// <summary>Secrecy officers, discipline officials, supervisors, cadre officials and administrators: the unit and all units below it.</summary>
    UnitAndDescendants,
}

public static class JurisdictionRules
{
    /// <summary>
    /// The widest scope any of the account's roles grants. docs/domain.md "Jurisdiction": leaders act within
    /// their own unit; the other roles over their unit and all units below it.
    /// </summary>
    public static JurisdictionScope ScopeFor(IEnumerable<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var scope = JurisdictionScope.None;
        foreach (var role in roles)
        {
            var granted = role switch
            {
                Roles.Administrator or Roles.SecrecyOfficer or Roles.DisciplineOfficial or Roles.Supervisor or Roles.CadreOfficial
                    => JurisdictionScope.UnitAndDescendants,
                Roles.UnitLeader => JurisdictionScope.OwnUnit,
                _ => JurisdictionScope.None,
            };
            if (granted > scope)
            {
                scope = granted;
            }
        }

        return scope;
    }
}
