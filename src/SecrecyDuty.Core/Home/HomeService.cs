using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Home;

/// <summary>What the home page of a role shows about the signed-in account's place in the province.</summary>
public sealed record HomeSummary(
    string DisplayName,
    string UnitName,
    string UnitCode,
    IReadOnlyList<string> Roles,
    JurisdictionScope Scope,
    int UnitsInJurisdiction,
    int? AccountsInJurisdiction);

public sealed class HomeService(ISecrecyDutyDb db, ICurrentUser user, Jurisdiction jurisdiction)
{
    public async Task<HomeSummary?> GetAsync(CancellationToken cancellationToken = default)
    {
        if (!user.IsAuthenticated || user.UserId is null)
        {
            return null;
        }

        var account = await db.Users.AsNoTracking()
            .Where(u => u.Id == user.UserId)
            .Select(u => new { u.DisplayName, UnitName = u.Unit!.Name, UnitCode = u.Unit.Code })
            .SingleOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return null;
        }

        var visible = jurisdiction.UnitIds();
        var units = await visible.CountAsync(cancellationToken);
        int? accounts = user.IsInRole(Accounts.Roles.Administrator)
            ? await db.Users.CountAsync(u => visible.Contains(u.UnitId), cancellationToken)
            : null;
        var roles = user.Roles.Where(Accounts.Roles.IsKnown).Order(StringComparer.Ordinal).ToList();
        return new HomeSummary(account.DisplayName, account.UnitName, account.UnitCode, roles, jurisdiction.Scope, units, accounts);
    }
}
