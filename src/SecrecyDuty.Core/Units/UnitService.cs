using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Units;

public sealed record UnitListItem(int Id, string Code, string Name, string? ParentName, bool IsActive);

public sealed record UnitDetails(int Id, string Code, string Name, int? ParentId, string? ParentName, bool IsActive, IReadOnlyList<UnitListItem> Children);

/// <summary>Read side of the unit tree, always within the current account's jurisdiction.</summary>
public sealed class UnitService(ISecrecyDutyDb db, Jurisdiction jurisdiction)
{
    public async Task<PagedList<UnitListItem>> ListAsync(string? search, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        (page, pageSize) = Paging.Normalize(page, pageSize);
        var visible = jurisdiction.UnitIds();
        var query = db.Units.AsNoTracking().Where(u => visible.Contains(u.Id));
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            query = query.Where(u => u.Name.Contains(term) || u.Code.Contains(term));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderBy(u => u.Code)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(u => new UnitListItem(u.Id, u.Code, u.Name, u.Parent == null ? null : u.Parent.Name, u.IsActive))
            .ToListAsync(cancellationToken);
        return new PagedList<UnitListItem>(items, page, pageSize, total);
    }

    /// <summary>The unit, or null when it does not exist or lies outside the jurisdiction (the two are not told apart).</summary>
    public async Task<UnitDetails?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var visible = jurisdiction.UnitIds();
        var unit = await db.Units.AsNoTracking()
            .Where(u => u.Id == id && visible.Contains(u.Id))
            .Select(u => new { u.Id, u.Code, u.Name, u.ParentId, ParentName = u.Parent == null ? null : u.Parent.Name, u.IsActive })
            .SingleOrDefaultAsync(cancellationToken);
        if (unit is null)
        {
            return null;
        }

        var children = await db.Units.AsNoTracking()
            .Where(u => u.ParentId == id && visible.Contains(u.Id))
            .OrderBy(u => u.Code)
            .Select(u => new UnitListItem(u.Id, u.Code, u.Name, unit.Name, u.IsActive))
            .ToListAsync(cancellationToken);
        return new UnitDetails(unit.Id, unit.Code, unit.Name, unit.ParentId, unit.ParentName, unit.IsActive, children);
    }

    /// <summary>Units an account may be given: those in jurisdiction, for a picker.</summary>
    public Task<List<UnitListItem>> OptionsAsync(CancellationToken cancellationToken = default)
    {
        var visible = jurisdiction.UnitIds();
        return db.Units.AsNoTracking()
            .Where(u => u.IsActive && visible.Contains(u.Id))
            .OrderBy(u => u.Code)
            .Select(u => new UnitListItem(u.Id, u.Code, u.Name, null, u.IsActive))
            .ToListAsync(cancellationToken);
    }
}
