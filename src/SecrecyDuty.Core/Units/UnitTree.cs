using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Units;

/// <summary>Keeps the closure table in step with the parent links.</summary>
public static class UnitTree
{
    /// <summary>
    /// Adds <paramref name="unit"/> under <paramref name="parentId"/> together with its ancestry rows,
    /// referring to the new unit by navigation so that one SaveChanges writes both.
    /// </summary>
    public static async Task AddAsync(ISecrecyDutyDb db, Unit unit, int? parentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(unit);
        unit.ParentId = parentId;
        db.Units.Add(unit);
        db.UnitAncestries.Add(new UnitAncestry { Ancestor = unit, Descendant = unit, Depth = 0 });
        if (parentId is null)
        {
            return;
        }

        var parentAncestors = await db.UnitAncestries.AsNoTracking()
            .Where(a => a.DescendantId == parentId)
            .Select(a => new { a.AncestorId, a.Depth })
            .ToListAsync(cancellationToken);
        foreach (var ancestor in parentAncestors)
        {
            db.UnitAncestries.Add(new UnitAncestry { AncestorId = ancestor.AncestorId, Descendant = unit, Depth = ancestor.Depth + 1 });
        }
    }
}
