using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Leaders;

namespace SecrecyDuty.Core.Checklists;

/// <summary>
/// How a checklist is made from the current regulation's catalogue (arts. 4–7): shared by the page that opens one, the
/// secrecy office's back-filling button and the scheduler that generates the year's checklists.
/// </summary>
public static class ChecklistFactory
{
    /// <summary>A new open checklist of <paramref name="role"/>'s items plus C4.1–C4.10, none started.</summary>
    public static DutyChecklist New(int postingId, int unitId, PostingRole role, bool leadsSecrecyWork, int year, IReadOnlyList<CatalogueItemRef> catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var checklist = new DutyChecklist
        {
            PostingId = postingId,
            UnitId = unitId,
            Year = year,
            RegulationId = catalogue[0].RegulationId,
            Status = ChecklistStatus.Open,
        };
        foreach (var item in ChecklistRules.ItemsFor(role, leadsSecrecyWork, catalogue))
        {
            checklist.Items.Add(new DutyChecklistItem { DutyItemId = item.Id, Status = ChecklistItemStatus.NotStarted });
        }

        return checklist;
    }

    /// <summary>The duty items of the current regulation (the first, should several regulations be current); empty when none is loaded.</summary>
    public static async Task<IReadOnlyList<CatalogueItemRef>> CurrentCatalogueAsync(ISecrecyDutyDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var items = await db.DutyItems.AsNoTracking()
            .Where(d => db.Regulations.Any(r => r.Id == d.RegulationId && r.IsCurrent))
            .Select(d => new CatalogueItemRef(d.Id, d.RegulationId, d.Code, d.AppliesTo, d.SortOrder))
            .ToListAsync(cancellationToken);
        if (items.Count == 0)
        {
            return [];
        }

        var regulationId = items.Min(i => i.RegulationId);
        return [.. items.Where(i => i.RegulationId == regulationId)];
    }
}
