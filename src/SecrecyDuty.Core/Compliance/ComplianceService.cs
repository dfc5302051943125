using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.SecrecyOrganizations;

namespace SecrecyDuty.Core.Compliance;

/// <summary>
/// The compliance of the jurisdiction: every unit and each year it existed, each requirement's state with its reason and
/// due date. The dashboard and the heat map count, sum and page in SQL over the stored judgements, one small row per unit
/// and year (<see cref="UnitYearCompliance"/>, made fresh first by <see cref="ComplianceJudgementService"/>), and judge with
/// <see cref="ComplianceRules"/> only the rows they show (docs/decisions/0022). The export and a unit's page judge their
/// units directly (<see cref="ComplianceComputation"/>), the full computation the stored rows are made by.
/// </summary>
public sealed class ComplianceService(
    ISecrecyDutyDb db,
    Jurisdiction jurisdiction,
    ICurrentUser user,
    TimeProvider clock,
    ComplianceJudgementService judgements,
    ComplianceFigures figures)
{
    /// <summary>How many years the trend charts show, the current one included.</summary>
    public const int TrendYears = 5;

    public const int FirstYear = 2000;

    /// <summary>The dashboard's lists show this many items; the heat map has the rest.</summary>
    public const int DueListSize = 15;

    private const string LikeEscape = "\\";

    public DateOnly Today => LocalDate.Today(clock);

    /// <summary>The year asked for, or the current one when none (or an absurd one) is given.</summary>
    public int YearOrCurrent(int? year) =>
        year is int y && y >= FirstYear && y <= Today.Year + 1 ? y : Today.Year;

    /// <summary>The years the year picker offers: from the current one back.</summary>
    public IReadOnlyList<int> SelectableYears() =>
        [.. Enumerable.Range(0, 10).Select(i => Today.Year + 1 - i)];

    /// <summary>
    /// One page of the heat map of <paramref name="year"/>, with tallies over every unit the filters select: counted over
    /// the stored judgements, the page's rows judged anew.
    /// </summary>
    public async Task<ComplianceHeatMap> HeatMapAsync(int year, ComplianceFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        (page, pageSize) = Paging.Normalize(page, pageSize);
        var visible = jurisdiction.UnitIds();
        var revisions = await judgements.EnsureFreshAsync(visible, [year], cancellationToken);
        var stored = await StoredAsync(visible, cancellationToken);
        var selected = Filtered(stored.Where(r => r.Year == year), filter);
        var totals = string.IsNullOrWhiteSpace(filter.Search) && !filter.GapsOnly
            ? await TotalsAsync(selected, year, revisions, cancellationToken)
            : await TotalsAsync(selected, cancellationToken);
        var ids = await InTreeOrder(selected)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(r => r.UnitId)
            .ToListAsync(cancellationToken);
        var rows = await RowsAsync(ids, year, cancellationToken);
        return totals.HeatMap(year, new PagedList<UnitCompliance>(rows, page, pageSize, totals.Units));
    }

    /// <summary>Every row the filters select, in tree order, unpaged: for CSV and XLSX export. Judged directly, unit by unit.</summary>
    public async Task<IReadOnlyList<UnitCompliance>> ExportAsync(int year, ComplianceFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var computed = await ComputeAsync(jurisdiction.UnitIds(), year, jurisdiction.TopUnitId, cancellationToken);
        return [.. Filtered(computed.Rows[year], filter)];
    }

    /// <summary>One unit's requirements for a year, or null when the unit does not exist or lies outside the jurisdiction.</summary>
    public async Task<UnitCompliancePage?> UnitAsync(int unitId, int year, CancellationToken cancellationToken = default)
    {
        var visible = jurisdiction.UnitIds();
        var computed = await ComputeAsync(visible.Where(id => id == unitId), year, null, cancellationToken);
        var row = computed.Rows[year].SingleOrDefault();
        return row is null
            ? null
            : new UnitCompliancePage(row with { Depth = 0 }, ActivityAccess.CanRecord(user), SecrecyOrganizationAccess.CanMaintain(user), computed.RuleAreaCount, computed.Frequencies);
    }

    /// <summary>
    /// The current year over the jurisdiction (the heat map's first page, what is overdue and what is still due) and
    /// the last <see cref="TrendYears"/> years as trends, counted over the stored judgements; the rows and items shown
    /// judged anew.
    /// </summary>
    public async Task<ComplianceDashboard> DashboardAsync(int heatMapRows, CancellationToken cancellationToken = default)
    {
        var today = Today;
        var year = today.Year;
        var visible = jurisdiction.UnitIds();
        var years = ComplianceJudgementService.TrendYears(today);
        var revisions = await judgements.EnsureFreshAsync(visible, years, cancellationToken);

        var stored = await StoredAsync(visible, cancellationToken);
        var current = stored.Where(r => r.Year == year);
        var totals = await TotalsAsync(current, year, revisions, cancellationToken);
        var trends = await TrendsAsync(stored, years, revisions, cancellationToken);

        // The first items of each list are in the first rows, in tree order, that have any: each such row has one at least.
        var ordered = InTreeOrder(current);
        var mapIds = await ordered.Take(Math.Max(1, heatMapRows)).Select(r => r.UnitId).ToListAsync(cancellationToken);
        var missingIds = await ordered.Where(r => r.Missing > 0).Take(DueListSize).Select(r => r.UnitId).ToListAsync(cancellationToken);
        var partlyIds = await ordered.Where(r => r.PartlyMet > 0).Take(DueListSize).Select(r => r.UnitId).ToListAsync(cancellationToken);
        var dueIds = await ordered.Where(r => r.NotYetDue > 0).Take(DueListSize).Select(r => r.UnitId).ToListAsync(cancellationToken);
        var shown = (await RowsAsync([.. mapIds.Union(missingIds).Union(partlyIds).Union(dueIds)], year, cancellationToken)).ToDictionary(r => r.UnitId);
        IEnumerable<UnitCompliance> Rows(List<int> ids) => ids.Where(shown.ContainsKey).Select(id => shown[id]);

        // Missing items first, then partly met, each in tree order (the order of the full list, DueListSize of it).
        var period = new AssessmentPeriod(year, today);
        var overdue = Rows(missingIds).SelectMany(r => r.Gaps.Where(g => g.State == ComplianceState.Missing).Select(g => new DueItem(r.UnitId, r.UnitName, g)))
            .Concat(Rows(partlyIds).SelectMany(r => r.Gaps.Where(g => g.State == ComplianceState.PartlyMet).Select(g => new DueItem(r.UnitId, r.UnitName, g))))
            .Take(DueListSize)
            .ToList();
        var dueLater = Rows(dueIds)
            .SelectMany(r => r.Results.Where(x => ComplianceRules.IsDueLater(period, x)).Select(x => new DueItem(r.UnitId, r.UnitName, x)))
            .Take(DueListSize)
            .ToList();
        return new ComplianceDashboard(
            totals.HeatMap(year, new PagedList<UnitCompliance>([.. Rows(mapIds)], 1, Math.Max(1, heatMapRows), totals.Units)),
            trends,
            overdue,
            totals.MissingItems + totals.PartlyMetItems,
            dueLater,
            totals.NotYetDueItems);
    }

    /// <summary>The account's own unit for the current year (a unit leader's dashboard), or null without a unit in jurisdiction.</summary>
    public async Task<UnitCompliance?> OwnUnitAsync(CancellationToken cancellationToken = default)
    {
        if (user.UnitId is not int unitId)
        {
            return null;
        }

        var year = Today.Year;
        var computed = await ComputeAsync(jurisdiction.UnitIds().Where(id => id == unitId), year, null, cancellationToken);
        return computed.Rows[year].SingleOrDefault() is { } row ? row with { Depth = 0 } : null;
    }

    /// <summary>
    /// The stored judgements of the jurisdiction: those whose tree key lies in the range of the top's (the top and the units
    /// below it, read in order from the (Year, TreeKey) index), each checked against the jurisdiction itself (the closure
    /// table decides, as everywhere). The rows were made fresh first, so their keys are those of the tree as it is.
    /// </summary>
    private async Task<IQueryable<UnitYearCompliance>> StoredAsync(IQueryable<int> unitIds, CancellationToken cancellationToken)
    {
        var rows = db.UnitYearCompliances.AsNoTracking().Where(r => unitIds.Any(id => id == r.UnitId));
        if (jurisdiction.TopUnitId is not int top)
        {
            return rows;
        }

        var codes = await db.UnitAncestries.AsNoTracking()
            .Where(a => a.DescendantId == top)
            .OrderByDescending(a => a.Depth)
            .Select(a => a.Ancestor!.Code)
            .ToListAsync(cancellationToken);
        var from = TreeKey.Of(codes);
        var to = TreeKey.UpperBound(from);
        // Digits only: SQL compares them as .NET does ordinally, whatever the collation.
        return rows.Where(r => r.TreeKey.CompareTo(from) >= 0 && r.TreeKey.CompareTo(to) < 0);
    }

    private static IQueryable<UnitYearCompliance> InTreeOrder(IQueryable<UnitYearCompliance> rows) =>
        rows.OrderBy(r => r.TreeKey).ThenBy(r => r.UnitId);

    /// <summary>The heat map's filters in SQL: a unit's name or code containing the term (as <see cref="Filtered(IEnumerable{UnitCompliance}, ComplianceFilter)"/>), and gaps only.</summary>
    private IQueryable<UnitYearCompliance> Filtered(IQueryable<UnitYearCompliance> rows, ComplianceFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var pattern = "%" + EscapeLike(filter.Search.Trim()) + "%";
            rows = rows.Where(r => db.Units.Any(u => u.Id == r.UnitId
                && (EF.Functions.Like(u.Name, pattern, LikeEscape) || EF.Functions.Like(u.Code, pattern, LikeEscape))));
        }

        return filter.GapsOnly ? rows.Where(r => r.Missing > 0 || r.PartlyMet > 0) : rows;
    }

    private static IEnumerable<UnitCompliance> Filtered(IEnumerable<UnitCompliance> rows, ComplianceFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim();
            rows = rows.Where(r => r.UnitName.Contains(term, StringComparison.OrdinalIgnoreCase) || r.UnitCode.Contains(term, StringComparison.OrdinalIgnoreCase));
        }

        return filter.GapsOnly ? rows.Where(r => r.Gaps.Any()) : rows;
    }

    private static string EscapeLike(string term) =>
        term.Replace(LikeEscape, LikeEscape + LikeEscape, StringComparison.Ordinal)
            .Replace("%", LikeEscape + "%", StringComparison.Ordinal)
            .Replace("_", LikeEscape + "_", StringComparison.Ordinal);

    /// <summary>
    /// The trend of each of <paramref name="years"/> over the jurisdiction's stored judgements: kept ones while their year's
    /// revision stands, the others summed in one grouped query.
    /// </summary>
    private async Task<List<ComplianceTrend>> TrendsAsync(IQueryable<UnitYearCompliance> stored, IReadOnlyList<int> years, IReadOnlyDictionary<int, Guid> revisions, CancellationToken cancellationToken)
    {
        var scope = jurisdiction.Scope;
        var top = jurisdiction.TopUnitId;
        var kept = years.Where(revisions.ContainsKey).Select(y => figures.Trend(scope, top, y, revisions[y])).OfType<ComplianceTrend>().ToDictionary(t => t.Year);
        var missing = years.Where(y => !kept.ContainsKey(y)).ToList();
        if (missing.Count > 0)
        {
            var counted = await stored
                .Where(r => missing.Contains(r.Year))
                .GroupBy(r => r.Year)
                .Select(g => new ComplianceTrend(
                    g.Key,
                    g.Sum(r => r.BriefingCount),
                    g.Sum(r => r.MemberMeetingCount),
                    g.Sum(r => r.TrainingCount),
                    g.Count(),
                    g.Count(r => r.IsCompliant)))
                .ToDictionaryAsync(t => t.Year, cancellationToken);
            foreach (var year in missing)
            {
                kept[year] = counted.GetValueOrDefault(year) ?? new ComplianceTrend(year, 0, 0, 0, 0, 0);
                if (revisions.TryGetValue(year, out var revision))
                {
                    figures.Keep(scope, top, year, revision, trend: kept[year]);
                }
            }
        }

        return [.. years.Select(y => kept[y])];
    }

    /// <summary>The unfiltered totals of <paramref name="year"/>: kept ones while the year's revision stands, else counted and kept.</summary>
    private async Task<StoredTotals> TotalsAsync(IQueryable<UnitYearCompliance> rows, int year, IReadOnlyDictionary<int, Guid> revisions, CancellationToken cancellationToken)
    {
        if (!revisions.TryGetValue(year, out var revision))
        {
            return await TotalsAsync(rows, cancellationToken);
        }

        var scope = jurisdiction.Scope;
        var top = jurisdiction.TopUnitId;
        if (figures.Counts(scope, top, year, revision) is { } counts)
        {
            return new StoredTotals(counts);
        }

        var totals = await TotalsAsync(rows, cancellationToken);
        figures.Keep(scope, top, year, revision, counts: totals.Counts);
        return totals;
    }

    /// <summary>
    /// The totals and, per requirement, the units in each state, over <paramref name="rows"/>: one query of conditional
    /// counts (<c>COUNT(CASE …)</c>), whatever the number of units.
    /// </summary>
    private static async Task<StoredTotals> TotalsAsync(IQueryable<UnitYearCompliance> rows, CancellationToken cancellationToken)
    {
        var counts = await rows.GroupBy(_ => 1).Select(CountsPerState).FirstOrDefaultAsync(cancellationToken);
        return new StoredTotals(counts ?? new int[2 + (Requirements.All.Count * States.Length)]);
    }

    private static readonly ComplianceState[] States = Enum.GetValues<ComplianceState>();

    /// <summary><c>g =&gt; new[] { g.Count(), g.Count(r =&gt; r.IsCompliant), g.Count(r =&gt; r.Briefings == Met), … }</c>: each requirement's column against each state.</summary>
    private static readonly Expression<Func<IGrouping<int, UnitYearCompliance>, int[]>> CountsPerState = BuildCountsPerState();

    private static Expression<Func<IGrouping<int, UnitYearCompliance>, int[]>> BuildCountsPerState()
    {
        var g = Expression.Parameter(typeof(IGrouping<int, UnitYearCompliance>), "g");
        var count = typeof(Enumerable).GetMethods().Single(m => m.Name == nameof(Enumerable.Count) && m.GetParameters().Length == 1).MakeGenericMethod(typeof(UnitYearCompliance));
        var countWhere = typeof(Enumerable).GetMethods().Single(m => m.Name == nameof(Enumerable.Count) && m.GetParameters().Length == 2).MakeGenericMethod(typeof(UnitYearCompliance));
        Expression<Func<UnitYearCompliance, bool>> compliant = r => r.IsCompliant;
        var counts = new List<Expression> { Expression.Call(count, g), Expression.Call(countWhere, g, compliant) };
        foreach (var requirement in Requirements.All)
        {
            var column = UnitYearCompliance.StateOf(requirement);
            foreach (var state in States)
            {
                var predicate = Expression.Lambda<Func<UnitYearCompliance, bool>>(Expression.Equal(column.Body, Expression.Constant(state)), column.Parameters);
                counts.Add(Expression.Call(countWhere, g, predicate));
            }
        }

        return Expression.Lambda<Func<IGrouping<int, UnitYearCompliance>, int[]>>(Expression.NewArrayInit(typeof(int), counts), g);
    }

    /// <summary>What <see cref="CountsPerState"/> counted: the units, the compliant ones, and the tallies.</summary>
    private sealed class StoredTotals(int[] counts)
    {
        public int[] Counts => counts;

        public int Units => counts[0];

        public IReadOnlyList<RequirementTally> Tallies { get; } = [.. Requirements.All.Select((requirement, i) =>
        {
            int Of(ComplianceState state) => counts[2 + (i * States.Length) + Array.IndexOf(States, state)];
            return new RequirementTally(requirement, Of(ComplianceState.Met), Of(ComplianceState.PartlyMet), Of(ComplianceState.Missing), Of(ComplianceState.NotYetDue), Of(ComplianceState.NotJudged));
        })];

        public int MissingItems => Tallies.Sum(t => t.Missing);

        public int PartlyMetItems => Tallies.Sum(t => t.PartlyMet);

        public int NotYetDueItems => Tallies.Sum(t => t.NotYetDue);

        public ComplianceHeatMap HeatMap(int year, PagedList<UnitCompliance> rows) =>
            new(year, rows, Tallies, Units, counts[1], MissingItems, PartlyMetItems);
    }

    /// <summary>The rows of <paramref name="unitIds"/> judged anew, in the order given (the stored tree order).</summary>
    private async Task<List<UnitCompliance>> RowsAsync(List<int> unitIds, int year, CancellationToken cancellationToken)
    {
        if (unitIds.Count == 0)
        {
            return [];
        }

        var visible = jurisdiction.UnitIds();
        var computed = await ComputeAsync(visible.Where(id => EF.Parameter(unitIds).Contains(id)), year, jurisdiction.TopUnitId, cancellationToken);
        var byId = computed.Rows[year].ToDictionary(r => r.UnitId);
        return [.. unitIds.Where(byId.ContainsKey).Select(id => byId[id])];
    }

    private Task<ComputedCompliance> ComputeAsync(IQueryable<int> unitIds, int year, int? top, CancellationToken cancellationToken) =>
        ComplianceComputation.ComputeAsync(db, Today, unitIds, year, year, top, cancellationToken);
}
