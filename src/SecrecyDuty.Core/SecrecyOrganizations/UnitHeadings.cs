using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.SecrecyOrganizations;

/// <summary>The unit a secrecy organization or rule register page is about, found within the jurisdiction.</summary>
internal static class UnitHeadings
{
    /// <summary>The unit's heading, or null when the unit does not exist or lies outside the jurisdiction (not told apart).</summary>
    public static Task<UnitHeading?> FindAsync(ISecrecyDutyDb db, Jurisdiction jurisdiction, int unitId, CancellationToken cancellationToken)
    {
        var visible = jurisdiction.UnitIds();
        return db.Units.AsNoTracking()
            .Where(u => u.Id == unitId && visible.Contains(u.Id))
            .Select(u => new UnitHeading(u.Id, u.Code, u.Name))
            .SingleOrDefaultAsync(cancellationToken);
    }
}
