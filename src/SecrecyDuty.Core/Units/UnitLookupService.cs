using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Units;

/// <summary>A unit as a picker offers it.</summary>
public sealed record UnitLookupItem(int Id, string Code, string Name, bool IsActive);

/// <summary>Which units a picker searches.</summary>
public enum UnitLookupScope
{
    /// <summary>The units of the account's jurisdiction (the unit a record belongs to).</summary>
    Jurisdiction,

    /// <summary>Every active unit of the province (for instance the unit of an inspecting body).</summary>
    Province,

    /// <summary>The units of the account's jurisdiction, deactivated ones too: a filter of records they keep.</summary>
    JurisdictionWithDeactivated,
}

/// <summary>
/// Finds units by code or name for search-as-you-type pickers: a page never lists every unit of the province, however
/// many there are (at most <see cref="MaxResults"/> per search, filtered and ordered in SQL).
/// </summary>
public sealed class UnitLookupService(ISecrecyDutyDb db, Jurisdiction jurisdiction)
{
    public const int MaxResults = 20;

    public async Task<IReadOnlyList<UnitLookupItem>> SearchAsync(string? term, UnitLookupScope scope, bool includeInactive = false, CancellationToken cancellationToken = default)
    {
        var query = db.Units.AsNoTracking();
        if (scope is UnitLookupScope.Jurisdiction or UnitLookupScope.JurisdictionWithDeactivated)
        {
            var visible = jurisdiction.UnitIds();
            query = query.Where(u => visible.Contains(u.Id));
        }
        else if (jurisdiction.Scope == JurisdictionScope.None)
        {
            return [];
        }

        if (!includeInactive && scope != UnitLookupScope.JurisdictionWithDeactivated)
        {
            query = query.Where(u => u.IsActive);
        }

        var t = term?.Trim() ?? "";
        if (t.Length > 0)
        {
            query = query.Where(u => u.Code.Contains(t) || u.Name.Contains(t));
        }

        // The exact code first, then codes that start with the term, then the rest, each by code.
        return await query
            .OrderBy(u => u.Code == t ? 0 : u.Code.StartsWith(t) ? 1 : 2)
            .ThenBy(u => u.Code)
            .Take(MaxResults)
            .Select(u => new UnitLookupItem(u.Id, u.Code, u.Name, u.IsActive))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The unit a picker shows as chosen; null when it is not among the scope's units.</summary>
    public async Task<UnitLookupItem?> FindAsync(int id, UnitLookupScope scope, CancellationToken cancellationToken = default)
    {
        var query = db.Units.AsNoTracking().Where(u => u.Id == id);
        if (scope is UnitLookupScope.Jurisdiction or UnitLookupScope.JurisdictionWithDeactivated)
        {
            var visible = jurisdiction.UnitIds();
            query = query.Where(u => visible.Contains(u.Id));
        }

        return await query.Select(u => new UnitLookupItem(u.Id, u.Code, u.Name, u.IsActive)).SingleOrDefaultAsync(cancellationToken);
    }
}
