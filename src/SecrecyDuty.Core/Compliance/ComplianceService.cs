using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.DutyRecords;
using SecrecyDuty.Core.SecrecyOrganizations;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Core.Compliance;

/// <summary>
/// The compliance engine over the jurisdiction: for every active unit and year, each requirement's state with its
/// reason. The records are counted in SQL for all units and years at once (seven grouped queries whatever the
/// number of units), then <see cref="ComplianceRules"/> judges each unit. Open rectification orders are not a
/// requirement yet: inspections come with a later issue.
/// </summary>
public sealed class ComplianceService(ISecrecyDutyDb db, Jurisdiction jurisdiction, ICurrentUser user, TimeProvider clock)
{
    /// <summary>How many years the trend charts show, the current one included.</summary>
    public const int TrendYears = 5;

    public const int FirstYear = 2000;

    /// <summary>The dashboard's lists show this many items; the heat map has the rest.</summary>
    public const int DueListSize = 15;

    public DateOnly Today => LocalDate.Today(clock);

    /// <summary>The year asked for, or the current one when none (or an absurd one) is given.</summary>
    public int YearOrCurrent(int? year) =>
        year is int y && y >= FirstYear && y <= Today.Year + 1 ? y : Today.Year;

    /// <summary>The years the year picker offers: from the current one back.</summary>
    public IReadOnlyList<int> SelectableYears() =>
        [.. Enumerable.Range(0, 10).Select(i => Today.Year + 1 - i)];

    /// <summary>One page of the heat map of <paramref name="year"/>, with tallies over every unit the filters select.</summary>
    public async Task<ComplianceHeatMap> HeatMapAsync(int year, ComplianceFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        (page, pageSize) = Paging.Normalize(page, pageSize);
        var computed = await ComputeAsync(jurisdiction.UnitIds(), year, year, cancellationToken);
        return ToHeatMap(year, Filtered(computed.Rows[year], filter), page, pageSize);
    }

    /// <summary>Every row the filters select, in tree order, unpaged: for CSV and XLSX export.</summary>
    public async Task<IReadOnlyList<UnitCompliance>> ExportAsync(int year, ComplianceFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var computed = await ComputeAsync(jurisdiction.UnitIds(), year, year, cancellationToken);
        return [.. Filtered(computed.Rows[year], filter)];
    }

    /// <summary>One unit's requirements for a year, or null when the unit does not exist or lies outside the jurisdiction.</summary>
    public async Task<UnitCompliancePage?> UnitAsync(int unitId, int year, CancellationToken cancellationToken = default)
    {
        var visible = jurisdiction.UnitIds();
        var computed = await ComputeAsync(visible.Where(id => id == unitId), year, year, cancellationToken);
        var row = computed.Rows[year].SingleOrDefault();
        return row is null
            ? null
            : new UnitCompliancePage(row with { Depth = 0 }, CanRecordActivities, Permissions.CanMaintainMasterData(user), computed.RuleAreaCount);
    }

    /// <summary>
    /// The current year over the jurisdiction (the heat map's first page, what is overdue and what is still due) and
    /// the last <see cref="TrendYears"/> years as trends, from one computation.
    /// </summary>
    public async Task<ComplianceDashboard> DashboardAsync(int heatMapRows, CancellationToken cancellationToken = default)
    {
        var today = Today;
        var year = today.Year;
        var computed = await ComputeAsync(jurisdiction.UnitIds(), year - TrendYears + 1, year, cancellationToken);
        var rows = computed.Rows[year];
        var period = new AssessmentPeriod(year, today);
        var overdue = rows.SelectMany(r => r.Gaps.Select(g => new DueItem(r.UnitId, r.UnitName, g)))
            .OrderBy(d => d.Result.State == ComplianceState.Missing ? 0 : 1)
            .ToList();
        var dueLater = rows.SelectMany(r => r.Results
                .Where(x => ComplianceRules.IsDueLater(period, x, r.Counts.ChecklistsRequired))
                .Select(x => new DueItem(r.UnitId, r.UnitName, x)))
            .ToList();
        var trends = computed.Rows
            .OrderBy(y => y.Key)
            .Select(y => new ComplianceTrend(
                y.Key,
                y.Value.Sum(r => r.Counts.Briefings),
                y.Value.Sum(r => r.Counts.MemberMeetings),
                y.Value.Sum(r => r.Counts.Trainings),
                y.Value.Count,
                y.Value.Count(r => r.IsCompliant)))
            .ToList();
        return new ComplianceDashboard(
            ToHeatMap(year, rows, 1, Math.Max(1, heatMapRows)),
            trends,
            [.. overdue.Take(DueListSize)],
            overdue.Count,
            [.. dueLater.Take(DueListSize)],
            dueLater.Count);
    }

    /// <summary>The account's own unit for the current year (a unit leader's dashboard), or null without a unit in jurisdiction.</summary>
    public async Task<UnitCompliance?> OwnUnitAsync(CancellationToken cancellationToken = default)
    {
        if (user.UnitId is not int unitId)
        {
            return null;
        }

        var year = Today.Year;
        var computed = await ComputeAsync(jurisdiction.UnitIds().Where(id => id == unitId), year, year, cancellationToken);
        return computed.Rows[year].SingleOrDefault() is { } row ? row with { Depth = 0 } : null;
    }

    /// <summary>Unit leaders record their unit's activities; secrecy officers and administrators those of their jurisdiction.</summary>
    private bool CanRecordActivities =>
        user.IsAuthenticated && (user.IsInRole(Roles.UnitLeader) || Permissions.CanMaintainMasterData(user));

    private static IEnumerable<UnitCompliance> Filtered(IEnumerable<UnitCompliance> rows, ComplianceFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim();
            rows = rows.Where(r => r.UnitName.Contains(term, StringComparison.OrdinalIgnoreCase) || r.UnitCode.Contains(term, StringComparison.OrdinalIgnoreCase));
        }

        return filter.GapsOnly ? rows.Where(r => !r.IsCompliant) : rows;
    }

    private static ComplianceHeatMap ToHeatMap(int year, IEnumerable<UnitCompliance> selected, int page, int pageSize)
    {
        var rows = selected.ToList();
        var tallies = Requirements.All
            .Select(req =>
            {
                var states = rows.Select(r => r[req].State).ToList();
                return new RequirementTally(
                    req,
                    states.Count(s => s == ComplianceState.Met),
                    states.Count(s => s == ComplianceState.PartlyMet),
                    states.Count(s => s == ComplianceState.Missing),
                    states.Count(s => s == ComplianceState.NotYetDue));
            })
            .ToList();
        var items = rows.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        return new ComplianceHeatMap(
            year,
            new PagedList<UnitCompliance>(items, page, pageSize, rows.Count),
            tallies,
            rows.Count,
            rows.Count(r => r.IsCompliant),
            tallies.Sum(t => t.Missing),
            tallies.Sum(t => t.PartlyMet));
    }

    private sealed record Computed(IReadOnlyDictionary<int, List<UnitCompliance>> Rows, int RuleAreaCount);

    /// <summary>
    /// The rows of every active unit among <paramref name="unitIds"/> for each year from <paramref name="firstYear"/> to
    /// <paramref name="lastYear"/>, in tree order. Seven queries, each grouped in SQL, whatever the number of units and years.
    /// </summary>
    private async Task<Computed> ComputeAsync(IQueryable<int> unitIds, int firstYear, int lastYear, CancellationToken cancellationToken)
    {
        var start = new DateOnly(firstYear, 1, 1);
        var end = new DateOnly(lastYear, 12, 31);
        var scope = db.Units.Where(u => u.IsActive && unitIds.Contains(u.Id)).Select(u => u.Id);

        var units = await db.Units.AsNoTracking()
            .Where(u => scope.Contains(u.Id))
            .Select(u => new UnitTreeRow(u.Id, u.ParentId, u.Code, u.Name, u.Kind, u.Level, u.IsActive))
            .ToListAsync(cancellationToken);

        // Briefings (P5.3) by half-year, member meetings (S6.5) and trainings (S6.3), per unit, kind and year.
        var activities = await db.Activities.AsNoTracking()
            .Where(a => scope.Contains(a.UnitId)
                && (a.Kind == ActivityKind.Briefing || a.Kind == ActivityKind.MemberMeeting || a.Kind == ActivityKind.Training)
                && a.Date >= start && a.Date <= end)
            .GroupBy(a => new { a.UnitId, a.Kind, a.Date.Year })
            .Select(g => new ActivityCount(
                g.Key.UnitId,
                g.Key.Kind,
                g.Key.Year,
                g.Count(a => a.Date.Month <= 6),
                g.Count(a => a.Date.Month > 6)))
            .ToListAsync(cancellationToken);

        // P5.2: the organization and its cadres (one organization per unit).
        var organizations = await db.SecrecyOrganizations.AsNoTracking()
            .Where(o => scope.Contains(o.UnitId))
            .Select(o => new OrganizationCount(o.UnitId, o.EstablishedOn, o.Cadres.Count, o.Cadres.Count(c => c.IsFullTime)))
            .ToDictionaryAsync(o => o.UnitId, cancellationToken);

        // S6.6: the current regulation's areas, and per unit the earliest adoption of each area covered.
        var areaCodes = await RuleAreaQueries.CurrentAreas(db).AsNoTracking()
            .OrderBy(a => a.SortOrder).ThenBy(a => a.Code)
            .Select(a => a.Code)
            .ToListAsync(cancellationToken);
        var covered = await RuleAreaQueries.Covered(db).AsNoTracking()
            .Where(c => scope.Contains(c.UnitId) && c.AdoptedOn <= end)
            .GroupBy(c => new { c.UnitId, c.Code })
            .Select(g => new CoveredArea(g.Key.UnitId, g.Key.Code, g.Min(c => c.AdoptedOn)))
            .ToListAsync(cancellationToken);

        // Art. 9: postings holding during each year need a checklist; counted by the years a posting spans.
        var postings = await db.Postings.AsNoTracking()
            .Where(p => scope.Contains(p.UnitId) && p.From <= end && (p.To == null || p.To >= start))
            .GroupBy(p => new { p.UnitId, FromYear = p.From.Year, ToYear = p.To == null ? int.MaxValue : p.To.Value.Year })
            .Select(g => new PostingSpan(g.Key.UnitId, g.Key.FromYear, g.Key.ToYear, g.Count()))
            .ToListAsync(cancellationToken);
        var checklists = await db.DutyChecklists.AsNoTracking()
            .Where(c => scope.Contains(c.UnitId) && c.Year >= firstYear && c.Year <= lastYear)
            .GroupBy(c => new { c.UnitId, c.Year })
            .Select(g => new ChecklistCount(
                g.Key.UnitId,
                g.Key.Year,
                g.Count(c => c.Status == ChecklistStatus.Submitted || c.Status == ChecklistStatus.Reviewed),
                g.Count(c => c.Status == ChecklistStatus.Reviewed)))
            .ToListAsync(cancellationToken);

        var activityBy = activities.ToLookup(a => (a.UnitId, a.Kind, a.Year));
        var coveredBy = covered.ToLookup(c => c.UnitId);
        var postingsBy = postings.ToLookup(p => p.UnitId);
        var checklistsBy = checklists.ToDictionary(c => (c.UnitId, c.Year));
        var ordered = TreeOrder(units);
        var today = Today;

        var result = new Dictionary<int, List<UnitCompliance>>();
        for (var year = firstYear; year <= lastYear; year++)
        {
            var period = new AssessmentPeriod(year, today);
            var rows = new List<UnitCompliance>(ordered.Count);
            foreach (var (unit, depth) in ordered)
            {
                var briefings = activityBy[(unit.Id, ActivityKind.Briefing, year)].SingleOrDefault();
                var meetings = activityBy[(unit.Id, ActivityKind.MemberMeeting, year)].SingleOrDefault();
                var trainings = activityBy[(unit.Id, ActivityKind.Training, year)].SingleOrDefault();
                var organization = organizations.GetValueOrDefault(unit.Id);
                var yearEnd = new DateOnly(year, 12, 31);
                var present = coveredBy[unit.Id].Where(c => c.Since <= yearEnd).Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
                var missingAreas = areaCodes.Where(c => !present.Contains(c)).ToList();
                var required = postingsBy[unit.Id].Where(p => p.FromYear <= year && p.ToYear >= year).Sum(p => p.Count);
                var checklist = checklistsBy.GetValueOrDefault((unit.Id, year));
                var counts = new ComplianceCounts(
                    briefings?.FirstHalf ?? 0,
                    briefings?.SecondHalf ?? 0,
                    meetings?.Total ?? 0,
                    trainings?.Total ?? 0,
                    organization?.EstablishedOn,
                    organization?.Cadres ?? 0,
                    organization?.FullTimeCadres ?? 0,
                    areaCodes.Count - missingAreas.Count,
                    missingAreas,
                    required,
                    checklist?.Submitted ?? 0,
                    checklist?.Reviewed ?? 0);
                rows.Add(Judge(unit, depth, period, counts, areaCodes.Count));
            }

            result[year] = rows;
        }

        return new Computed(result, areaCodes.Count);
    }

    private static UnitCompliance Judge(UnitTreeRow unit, int depth, AssessmentPeriod period, ComplianceCounts c, int areaCount)
    {
        ComplianceResult[] results =
        [
            ComplianceRules.Briefings(period, c.FirstHalfBriefings, c.SecondHalfBriefings),
            ComplianceRules.MemberMeetings(period, c.MemberMeetings),
            ComplianceRules.SecrecyOrganization(period, c.OrganizationEstablishedOn, c.Cadres, c.FullTimeCadres),
            ComplianceRules.RuleRegister(c.MissingRuleAreas, areaCount),
            ComplianceRules.Education(period, c.Trainings),
            ComplianceRules.Checklists(period, c.ChecklistsRequired, c.ChecklistsSubmitted, c.ChecklistsReviewed),
        ];
        return new UnitCompliance(
            unit.Id,
            unit.Code,
            unit.Name,
            depth,
            period.Year,
            results,
            ComplianceRules.BriefingHalf(period, secondHalf: false, c.FirstHalfBriefings),
            ComplianceRules.BriefingHalf(period, secondHalf: true, c.SecondHalfBriefings),
            c);
    }

    /// <summary>The units depth-first as the unit tree shows them (siblings by code), each with its depth below the top.</summary>
    private static List<(UnitTreeRow Unit, int Depth)> TreeOrder(List<UnitTreeRow> units)
    {
        var byId = units.ToDictionary(u => u.Id);
        var ordered = new List<(UnitTreeRow, int)>(units.Count);

        void Walk(IEnumerable<UnitTreeNode> nodes, int depth)
        {
            foreach (var node in nodes)
            {
                ordered.Add((byId[node.Id], depth));
                Walk(node.Children, depth + 1);
            }
        }

        Walk(UnitTree.Build(units), 0);
        return ordered;
    }

    private sealed record ActivityCount(int UnitId, ActivityKind Kind, int Year, int FirstHalf, int SecondHalf)
    {
        public int Total => FirstHalf + SecondHalf;
    }

    private sealed record OrganizationCount(int UnitId, DateOnly EstablishedOn, int Cadres, int FullTimeCadres);

    private sealed record CoveredArea(int UnitId, string Code, DateOnly Since);

    private sealed record PostingSpan(int UnitId, int FromYear, int ToYear, int Count);

    private sealed record ChecklistCount(int UnitId, int Year, int Submitted, int Reviewed);
}
