using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Leaders;

/// <summary>Finds active leaders of the jurisdiction by name or staff number for search-as-you-type pickers (at most <see cref="MaxResults"/>).</summary>
public sealed class LeaderLookupService(ISecrecyDutyDb db, Jurisdiction jurisdiction)
{
    public const int MaxResults = 20;

    public async Task<IReadOnlyList<LeaderLookupItem>> SearchAsync(string? term, CancellationToken cancellationToken = default)
    {
        var visible = jurisdiction.UnitIds();
        var query = db.Leaders.AsNoTracking().Where(x => x.IsActive && visible.Contains(x.UnitId));
        if (!string.IsNullOrWhiteSpace(term))
        {
            var t = term.Trim();
            query = query.Where(x => x.Name.Contains(t) || x.StaffNumber.StartsWith(t));
        }

        return await query.OrderBy(x => x.Name).ThenBy(x => x.StaffNumber).Take(MaxResults)
            .Select(x => new LeaderLookupItem(x.Id, x.Name, x.StaffNumber, x.Unit!.Name))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The leader chosen so far, for a picker's box; null outside the jurisdiction.</summary>
    public Task<LeaderLookupItem?> FindAsync(int id, CancellationToken cancellationToken = default)
    {
        var visible = jurisdiction.UnitIds();
        return db.Leaders.AsNoTracking().Where(x => x.Id == id && visible.Contains(x.UnitId))
            .Select(x => new LeaderLookupItem(x.Id, x.Name, x.StaffNumber, x.Unit!.Name))
            .SingleOrDefaultAsync(cancellationToken);
    }
}
