using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Leaders;

/// <summary>What the leader and posting forms offer, always within the jurisdiction.</summary>
internal static class LeaderChoices
{
    /// <summary>Units in the jurisdiction: active ones first, deactivated ones kept so that older records still show their unit.</summary>
    public static Task<List<UnitChoice>> UnitsAsync(ISecrecyDutyDb db, Jurisdiction jurisdiction, CancellationToken cancellationToken)
    {
        var visible = jurisdiction.UnitIds();
        return db.Units.AsNoTracking()
            .Where(u => visible.Contains(u.Id))
            .OrderByDescending(u => u.IsActive)
            .ThenBy(u => u.Code)
            .Select(u => new UnitChoice(u.Id, u.Code, u.Name, u.IsActive))
            .ToListAsync(cancellationToken);
    }
}
