using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Leaders;

/// <summary>What the leader and posting forms offer, always within the jurisdiction.</summary>
internal static class LeaderChoices
{
    /// <summary>
    /// The units a form's unit fields have chosen (<paramref name="chosen"/>), among those in the jurisdiction; deactivated
    /// ones kept so that older records still show their unit. The fields are search-as-you-type pickers: never a list of
    /// every unit, whose size would grow with the province (issue 10).
    /// </summary>
    public static Task<List<UnitChoice>> UnitsAsync(ISecrecyDutyDb db, Jurisdiction jurisdiction, IEnumerable<int?> chosen, CancellationToken cancellationToken)
    {
        var visible = jurisdiction.UnitIds();
        var ids = chosen.OfType<int>().Where(id => id > 0).Distinct().ToList();
        return db.Units.AsNoTracking()
            .Where(u => ids.Contains(u.Id) && visible.Contains(u.Id))
            .OrderByDescending(u => u.IsActive)
            .ThenBy(u => u.Code)
            .Select(u => new UnitChoice(u.Id, u.Code, u.Name, u.IsActive))
            .ToListAsync(cancellationToken);
    }
}
