using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Core.SecrecyOrganizations;

public enum SecrecyOrganizationSort
{
    UnitCode,
    UnitName,
    EstablishedOn,
    Cadres,
    Budget,
    RuleAreas,
}

/// <summary>The list's filters, search and order, as the query string gives them.</summary>
public sealed class SecrecyOrganizationFilter
{
    /// <summary>Unit name or code contains this.</summary>
    public string? Search { get; set; }

    /// <summary>True: units with an organization; false: units without one (D15.3); null: all.</summary>
    public bool? HasOrganization { get; set; }

    /// <summary>True: units lacking rules in at least one area of S6.6; false: units with all areas covered.</summary>
    public bool? MissingRuleAreas { get; set; }

    public UnitKind? UnitKind { get; set; }

    public SecrecyOrganizationSort Sort { get; set; }

    public SortDirection Direction { get; set; }
}

public sealed record SecrecyOrganizationListItem(
    int UnitId,
    string UnitCode,
    string UnitName,
    UnitKind UnitKind,
    bool UnitIsActive,
    SecrecyOrganizationKind? Kind,
    DateOnly? EstablishedOn,
    string? ChairName,
    int Cadres,
    int FullTimeCadres,
    decimal? AnnualBudget,
    int? BudgetYear,
    int RuleAreasEstablished,
    int RuleAreaCount,
    IReadOnlyList<string> MissingRuleAreas)
{
    public bool HasOrganization => Kind is not null;
}

/// <summary>One page of the list, with the number of rule areas in the current regulation (0: catalogue not loaded).</summary>
public sealed record SecrecyOrganizationList(PagedList<SecrecyOrganizationListItem> Items, int RuleAreaCount);

/// <summary>
/// Every unit in the jurisdiction with its secrecy organization (P5.2) and rule register coverage (S6.6),
/// so that a unit without an organization or missing a rule area is visible. Counts and coverage are
/// computed in SQL for the whole list at once.
/// </summary>
public sealed class SecrecyOrganizationListService(ISecrecyDutyDb db, Jurisdiction jurisdiction)
{
    public async Task<SecrecyOrganizationList> ListAsync(SecrecyOrganizationFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        (page, pageSize) = Paging.Normalize(page, pageSize);
        var areas = await AreaCodesAsync(cancellationToken);
        var query = Query(filter, areas.Count);
        var total = await query.CountAsync(cancellationToken);
        var rows = await Order(query, filter)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.UnitId).ToList();
        var present = await PresentCodesAsync(db.Units.Where(u => ids.Contains(u.Id)).Select(u => u.Id), cancellationToken);
        var items = rows.Select(r => ToItem(r, areas, present)).ToList();
        return new SecrecyOrganizationList(new PagedList<SecrecyOrganizationListItem>(items, page, pageSize, total), areas.Count);
    }

    /// <summary>Every row the filters select, unpaged, for export.</summary>
    public async Task<IReadOnlyList<SecrecyOrganizationListItem>> ExportAsync(SecrecyOrganizationFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var areas = await AreaCodesAsync(cancellationToken);
        var query = Query(filter, areas.Count);
        var rows = await Order(query, filter).ToListAsync(cancellationToken);
        var present = await PresentCodesAsync(query.Select(r => r.UnitId), cancellationToken);
        return [.. rows.Select(r => ToItem(r, areas, present))];
    }

    private sealed class Row
    {
        public int UnitId { get; init; }

        public string UnitCode { get; init; } = "";

        public string UnitName { get; init; } = "";

        public UnitKind UnitKind { get; init; }

        public bool UnitIsActive { get; init; }

        public bool HasOrganization { get; init; }

        public SecrecyOrganizationKind? Kind { get; init; }

        public DateOnly? EstablishedOn { get; init; }

        public string? ChairName { get; init; }

        public int Cadres { get; init; }

        public int FullTimeCadres { get; init; }

        public decimal? AnnualBudget { get; init; }

        public int? BudgetYear { get; init; }

        public int RuleAreasEstablished { get; init; }

        /// <summary>Areas marked not applicable (S6.6) without rules of their own: they count as covered.</summary>
        public int RuleAreasNotApplicable { get; init; }
    }

    private IQueryable<Row> Query(SecrecyOrganizationFilter filter, int areaCount)
    {
        var visible = jurisdiction.UnitIds();
        var covered = RuleAreaQueries.Covered(db);
        var exempt = RuleAreaQueries.Exempted(db);
        var units = db.Units.AsNoTracking().Where(u => visible.Contains(u.Id));
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim();
            units = units.Where(u => u.Name.Contains(term) || u.Code.Contains(term));
        }

        if (filter.UnitKind is UnitKind kind)
        {
            units = units.Where(u => u.Kind == kind);
        }

        var rows =
            from u in units
            from o in db.SecrecyOrganizations.Where(o => o.UnitId == u.Id).DefaultIfEmpty()
            select new Row
            {
                UnitId = u.Id,
                UnitCode = u.Code,
                UnitName = u.Name,
                UnitKind = u.Kind,
                UnitIsActive = u.IsActive,
                HasOrganization = o != null,
                Kind = o != null ? o.Kind : null,
                EstablishedOn = o != null ? o.EstablishedOn : null,
                ChairName = o != null && o.ChairLeader != null ? o.ChairLeader.Name : null,
                Cadres = o != null ? o.Cadres.Count : 0,
                FullTimeCadres = o != null ? o.Cadres.Count(c => c.IsFullTime) : 0,
                AnnualBudget = o != null ? o.AnnualBudget : null,
                BudgetYear = o != null ? o.BudgetYear : null,
                RuleAreasEstablished = covered.Where(c => c.UnitId == u.Id).Select(c => c.AreaId).Distinct().Count(),
                RuleAreasNotApplicable = exempt.Count(x => x.UnitId == u.Id && !covered.Any(c => c.UnitId == u.Id && c.AreaId == x.AreaId)),
            };
        if (filter.HasOrganization is bool hasOrganization)
        {
            rows = rows.Where(r => r.HasOrganization == hasOrganization);
        }

        if (filter.MissingRuleAreas is bool missing)
        {
            rows = missing
                ? rows.Where(r => r.RuleAreasEstablished + r.RuleAreasNotApplicable < areaCount)
                : rows.Where(r => r.RuleAreasEstablished + r.RuleAreasNotApplicable >= areaCount);
        }

        return rows;
    }

    private static IQueryable<Row> Order(IQueryable<Row> rows, SecrecyOrganizationFilter filter)
    {
        var direction = filter.Direction;
        var ordered = filter.Sort switch
        {
            SecrecyOrganizationSort.UnitName => rows.OrderBy(r => r.UnitName, direction),
            SecrecyOrganizationSort.EstablishedOn => rows.OrderBy(r => r.EstablishedOn, direction),
            SecrecyOrganizationSort.Cadres => rows.OrderBy(r => r.Cadres, direction),

            // SQLite cannot order by decimal: order by its double value, which keeps the order of yuan amounts.
            SecrecyOrganizationSort.Budget => rows.OrderBy(r => (double?)r.AnnualBudget, direction),
            SecrecyOrganizationSort.RuleAreas => rows.OrderBy(r => r.RuleAreasEstablished, direction),
            _ => rows.OrderBy(r => r.UnitCode, direction),
        };

        // The unit code is unique: a stable order for paging.
        return ordered.ThenBy(r => r.UnitCode);
    }

    private Task<List<string>> AreaCodesAsync(CancellationToken cancellationToken) =>
        RuleAreaQueries.CurrentAreas(db).AsNoTracking()
            .OrderBy(a => a.SortOrder).ThenBy(a => a.Code)
            .Select(a => a.Code)
            .ToListAsync(cancellationToken);

    private async Task<ILookup<int, string>> PresentCodesAsync(IQueryable<int> unitIds, CancellationToken cancellationToken)
    {
        // An area marked not applicable (S6.6) is not missing.
        var pairs = await RuleAreaQueries.Covered(db).AsNoTracking()
            .Where(c => unitIds.Contains(c.UnitId))
            .Select(c => new { c.UnitId, c.Code })
            .Distinct()
            .ToListAsync(cancellationToken);
        var exempt = await RuleAreaQueries.Exempted(db).AsNoTracking()
            .Where(x => unitIds.Contains(x.UnitId))
            .Select(x => new { x.UnitId, x.Code })
            .ToListAsync(cancellationToken);
        return pairs.Concat(exempt).ToLookup(p => p.UnitId, p => p.Code);
    }

    private static SecrecyOrganizationListItem ToItem(Row r, List<string> areaCodes, ILookup<int, string> present)
    {
        var have = present[r.UnitId].ToHashSet(StringComparer.Ordinal);
        return new SecrecyOrganizationListItem(
            r.UnitId,
            r.UnitCode,
            r.UnitName,
            r.UnitKind,
            r.UnitIsActive,
            r.Kind,
            r.EstablishedOn,
            r.ChairName,
            r.Cadres,
            r.FullTimeCadres,
            r.AnnualBudget,
            r.BudgetYear,
            r.RuleAreasEstablished,
            areaCodes.Count,
            [.. areaCodes.Where(c => !have.Contains(c))]);
    }
}
