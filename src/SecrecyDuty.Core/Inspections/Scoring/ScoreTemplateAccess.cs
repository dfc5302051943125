using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;

namespace SecrecyDuty.Core.Inspections.Scoring;

/// <summary>
/// Who loads checklist templates: administrators and secrecy officers (a secrecy bureau loads its own). Templates are
/// reference data like the regulation catalogue, read by every signed-in account, so reading needs no check.
/// </summary>
public static class ScoreTemplateAccess
{
    public static bool CanLoad(ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsAuthenticated && (user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.SecrecyOfficer));
    }

    /// <exception cref="AccessDeniedException">The account may not load templates.</exception>
    public static void RequireLoader(ICurrentUser user)
    {
        if (!CanLoad(user))
        {
            throw new AccessDeniedException();
        }
    }
}
