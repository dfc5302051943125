using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Checklists;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.SecrecyOrganizations;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Core.Compliance;

/// <summary>
/// The compliance engine over the jurisdiction: for every unit and each year it existed, each requirement's state with
/// its reason and due date. The records are counted in SQL for all units and years at once (a fixed number of grouped
/// queries whatever the number of units), then <see cref="ComplianceRules"/> judges each unit.
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
            : new UnitCompliancePage(row with { Depth = 0 }, ActivityAccess.CanRecord(user), SecrecyOrganizationAccess.CanMaintain(user), computed.RuleAreaCount, computed.Frequencies);
    }

    /// <summary>
    /// The current year over the jurisdiction (the heat map's first page, what is overdue and what is still due) and
    /// the last <see cref="TrendYears"/> years as trends, from one computation.
    /// </summary>
    public async Task<ComplianceDashboard> DashboardAsync(int heatMapRows, CancellationToken cancellationToken = default)
    {
        var today = Today;
        var year = today.Year;
        var visible = jurisdiction.UnitIds();

        // The current year is judged for every unit: the totals, the tallies and the lists in tree order need each
        // unit's state. Earlier years only feed the trends, counted in SQL (PastTrendsAsync).
        var computed = await ComputeAsync(visible, year, year, cancellationToken);
        var rows = computed.Rows[year];
        var period = new AssessmentPeriod(year, today);
        var overdue = rows.SelectMany(r => r.Gaps.Select(g => new DueItem(r.UnitId, r.UnitName, g)))
            .OrderBy(d => d.Result.State == ComplianceState.Missing ? 0 : 1)
            .ToList();
        var dueLater = rows.SelectMany(r => r.Results
                .Where(x => ComplianceRules.IsDueLater(period, x))
                .Select(x => new DueItem(r.UnitId, r.UnitName, x)))
            .ToList();
        var trends = await PastTrendsAsync(visible, year - TrendYears + 1, year - 1, computed.Frequencies, cancellationToken);
        trends.Add(Trend(year, rows));
        return new ComplianceDashboard(
            ToHeatMap(year, rows, 1, Math.Max(1, heatMapRows)),
            trends,
            [.. overdue.Take(DueListSize)],
            overdue.Count,
            [.. dueLater.Take(DueListSize)],
            dueLater.Count);
    }

    private static ComplianceTrend Trend(int year, List<UnitCompliance> rows) =>
        new(year, rows.Sum(r => r.Counts.Briefings), rows.Sum(r => r.Counts.MemberMeetings), rows.Sum(r => r.Counts.Trainings), rows.Count, rows.Count(r => r.IsCompliant));

    /// <summary>
    /// The trends of the years before the current one, counted in SQL: for the units that existed the whole year, the
    /// activities by kind and the units that meet every requirement of the regulation (a past year is over, so every
    /// requirement is due: the conditions below are <see cref="UnitCompliance.IsCompliant"/> once nothing is "not yet
    /// due"); the few units set up or closed during one of the years are judged by <see cref="ComplianceRules"/> as
    /// everywhere else. A fixed number of commands whatever the number of units.
    /// </summary>
    private async Task<List<ComplianceTrend>> PastTrendsAsync(IQueryable<int> unitIds, int firstYear, int lastYear, ComplianceFrequencies frequencies, CancellationToken cancellationToken)
    {
        var trends = new List<ComplianceTrend>();
        if (lastYear < firstYear)
        {
            return trends;
        }

        var start = new DateOnly(firstYear, 1, 1);
        var end = new DateOnly(lastYear, 12, 31);
        var partial = db.Units
            .Where(u => unitIds.Contains(u.Id)
                && (u.IsActive || u.ClosedOn != null)
                && ((u.EstablishedOn > start && u.EstablishedOn <= end) || (u.ClosedOn >= start && u.ClosedOn < end)))
            .Select(u => u.Id);
        var partlyExisting = await ComputeAsync(partial, firstYear, lastYear, cancellationToken);

        var today = Today;
        var briefings = frequencies.Briefings.MinimumPerYear ?? 0;
        var meetings = frequencies.MemberMeetings.MinimumPerYear ?? 0;
        var education = frequencies.Education.MinimumPerYear ?? 0;
        var inScope = db.Postings.Where(LeaderScope.PostingInScope);
        var inScopeIds = inScope.Select(p => p.Id);
        var areas = RuleAreaQueries.CurrentAreas(db);
        var covered = RuleAreaQueries.Covered(db);
        var exempted = RuleAreaQueries.Exempted(db);
        for (var year = firstYear; year <= lastYear; year++)
        {
            var yearStart = new DateOnly(year, 1, 1);
            var yearEnd = new DateOnly(year, 12, 31);
            var y = year;
            var whole = db.Units.Where(u => unitIds.Contains(u.Id)
                && (u.IsActive || u.ClosedOn != null)
                && (u.EstablishedOn == null || u.EstablishedOn <= yearStart)
                && (u.ClosedOn == null || u.ClosedOn >= yearEnd));
            var units = await whole.CountAsync(cancellationToken);

            // A share of 0 (no frequency in the regulation data) is not judged (ComplianceRules.Counted).
            var compliant = await whole.CountAsync(
                u => (briefings <= 0 || db.Activities.Count(a => a.UnitId == u.Id && a.Kind == ActivityKind.Briefing && a.Date >= yearStart && a.Date <= yearEnd) >= briefings)
                    && (meetings <= 0 || db.Activities.Count(a => a.UnitId == u.Id && a.Kind == ActivityKind.MemberMeeting && a.Date >= yearStart && a.Date <= yearEnd) >= meetings)
                    && (education <= 0 || db.Activities.Count(a => a.UnitId == u.Id && a.Kind == ActivityKind.Training && a.Date >= yearStart && a.Date <= yearEnd) >= education)
                    && db.SecrecyOrganizations.Any(o => o.UnitId == u.Id && o.EstablishedOn <= yearEnd && o.Cadres.Any())
                    && areas.All(area => covered.Any(c => c.UnitId == u.Id && c.Code == area.Code && c.AdoptedOn <= yearEnd)
                        || exempted.Any(x => x.UnitId == u.Id && x.Code == area.Code))
                    && db.DutyChecklists.Count(c => c.UnitId == u.Id && c.Year == y && c.Status == ChecklistStatus.Reviewed && inScopeIds.Contains(c.PostingId))
                        >= inScope.Count(p => p.UnitId == u.Id && p.From <= yearEnd && (p.To == null || p.To >= yearStart))
                    && !db.RectificationOrders.Any(o => o.UnitId == u.Id && o.Deadline >= yearStart && o.Deadline <= yearEnd
                        && (o.Status == RectificationStatus.Open || o.Status == RectificationStatus.SentBack) && o.Deadline < today),
                cancellationToken);
            var activities = await db.Activities.AsNoTracking()
                .Where(a => whole.Select(u => u.Id).Contains(a.UnitId)
                    && (a.Kind == ActivityKind.Briefing || a.Kind == ActivityKind.MemberMeeting || a.Kind == ActivityKind.Training)
                    && a.Date >= yearStart && a.Date <= yearEnd)
                .GroupBy(a => a.Kind)
                .Select(g => new { Kind = g.Key, Count = g.Count() })
                .ToDictionaryAsync(a => a.Kind, a => a.Count, cancellationToken);

            // The units set up or closed during this year; those that existed all of it are counted above.
            var cut = partlyExisting.Rows[year].Where(r => !ExistedAllYear(r, yearStart, yearEnd)).ToList();
            var rest = Trend(year, cut);
            trends.Add(new ComplianceTrend(
                year,
                activities.GetValueOrDefault(ActivityKind.Briefing) + rest.Briefings,
                activities.GetValueOrDefault(ActivityKind.MemberMeeting) + rest.MemberMeetings,
                activities.GetValueOrDefault(ActivityKind.Training) + rest.Trainings,
                units + rest.Units,
                compliant + rest.CompliantUnits));
        }

        return trends;
    }

    private static bool ExistedAllYear(UnitCompliance row, DateOnly yearStart, DateOnly yearEnd) =>
        (row.EstablishedOn is null || row.EstablishedOn <= yearStart) && (row.ClosedOn is null || row.ClosedOn >= yearEnd);

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

    private static IEnumerable<UnitCompliance> Filtered(IEnumerable<UnitCompliance> rows, ComplianceFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim();
            rows = rows.Where(r => r.UnitName.Contains(term, StringComparison.OrdinalIgnoreCase) || r.UnitCode.Contains(term, StringComparison.OrdinalIgnoreCase));
        }

        return filter.GapsOnly ? rows.Where(r => r.Gaps.Any()) : rows;
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
                    states.Count(s => s == ComplianceState.NotYetDue),
                    states.Count(s => s == ComplianceState.NotJudged));
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

    private sealed record Computed(IReadOnlyDictionary<int, List<UnitCompliance>> Rows, int RuleAreaCount, ComplianceFrequencies Frequencies);

    /// <summary>
    /// The frequencies of P5.3, S6.5 and S6.3 in the current regulation (data, not code: a province that asks for
    /// quarterly reports ships different data). A code the current regulation lacks has no frequency.
    /// </summary>
    private async Task<ComplianceFrequencies> FrequenciesAsync(CancellationToken cancellationToken)
    {
        string[] codes = [ComplianceFrequencies.BriefingsCode, ComplianceFrequencies.MemberMeetingsCode, ComplianceFrequencies.EducationCode];
        var items = await db.DutyItems.AsNoTracking()
            .Where(d => codes.Contains(d.Code) && db.Regulations.Any(r => r.Id == d.RegulationId && r.IsCurrent))
            .Select(d => new { d.Code, d.MinimumPerYear, d.ExpectedPerYear, d.ExpectedPeriodsPerYear })
            .ToListAsync(cancellationToken);
        DutyFrequency Of(string code) =>
            items.FirstOrDefault(i => i.Code == code) is { } i ? DutyFrequency.From(i.MinimumPerYear, i.ExpectedPerYear, i.ExpectedPeriodsPerYear) : DutyFrequency.None;
        return new ComplianceFrequencies(Of(ComplianceFrequencies.BriefingsCode), Of(ComplianceFrequencies.MemberMeetingsCode), Of(ComplianceFrequencies.EducationCode));
    }

    /// <summary>
    /// The rows of every unit among <paramref name="unitIds"/> that existed in each year from <paramref name="firstYear"/>
    /// to <paramref name="lastYear"/>, in tree order: active units, and closed ones for the years up to their closing.
    /// Ten queries, grouped in SQL, whatever the number of units and years.
    /// </summary>
    private async Task<Computed> ComputeAsync(IQueryable<int> unitIds, int firstYear, int lastYear, CancellationToken cancellationToken)
    {
        var start = new DateOnly(firstYear, 1, 1);
        var end = new DateOnly(lastYear, 12, 31);
        var today = Today;
        var frequencies = await FrequenciesAsync(cancellationToken);

        // A closed unit keeps its rows for the years it existed; one deactivated without a closing date (recorded
        // before units had one) is left out as before.
        var scope = db.Units
            .Where(u => unitIds.Contains(u.Id)
                && (u.IsActive || u.ClosedOn != null)
                && (u.EstablishedOn == null || u.EstablishedOn <= end)
                && (u.ClosedOn == null || u.ClosedOn >= start))
            .Select(u => u.Id);

        var units = await db.Units.AsNoTracking()
            .Where(u => scope.Contains(u.Id))
            .Select(u => new { Row = new UnitTreeRow(u.Id, u.ParentId, u.Code, u.Name, u.Kind, u.Level, u.IsActive), u.EstablishedOn, u.ClosedOn })
            .ToListAsync(cancellationToken);

        // Reports (P5.3) by period of the province's practice, member meetings (S6.5) and trainings (S6.3) by year. The
        // period is found by comparing the date with the periods' first days (a CASE over constants), not by extracting
        // the year and month of every row: SQLite stores dates as text, and the range filter keeps to the date index.
        var periods = frequencies.Briefings.PeriodsPerYear;
        var starts = Enumerable.Range(firstYear, lastYear - firstYear + 1)
            .SelectMany(y => Enumerable.Range(0, periods).Select(i => new AssessmentPeriod(y, today).PeriodOfYear(i, periods).Start))
            .ToList();
        var activities = (await db.Activities.AsNoTracking()
            .Where(a => scope.Contains(a.UnitId)
                && (a.Kind == ActivityKind.Briefing || a.Kind == ActivityKind.MemberMeeting || a.Kind == ActivityKind.Training)
                && a.Date >= start && a.Date <= end)
            .Select(DateBuckets.ActivityKey(starts))
            .GroupBy(k => new { k.UnitId, k.Kind, k.Bucket })
            .Select(g => new { g.Key.UnitId, g.Key.Kind, g.Key.Bucket, Count = g.Count() })
            .ToListAsync(cancellationToken))
            .Select(a => new ActivityCount(a.UnitId, a.Kind, firstYear + (a.Bucket / periods), a.Kind == ActivityKind.Briefing ? a.Bucket % periods : 0, a.Count))
            .ToList();

        // P5.2: the organization and its cadres (one organization per unit).
        var organizations = await db.SecrecyOrganizations.AsNoTracking()
            .Where(o => scope.Contains(o.UnitId))
            .Select(o => new OrganizationCount(o.UnitId, o.EstablishedOn, o.Cadres.Count, o.Cadres.Count(c => c.IsFullTime)))
            .ToDictionaryAsync(o => o.UnitId, cancellationToken);

        // S6.6: the current regulation's areas, per unit the earliest adoption of each area covered, and the areas
        // marked not applicable.
        var areaCodes = await RuleAreaQueries.CurrentAreas(db).AsNoTracking()
            .OrderBy(a => a.SortOrder).ThenBy(a => a.Code)
            .Select(a => a.Code)
            .ToListAsync(cancellationToken);
        var covered = await RuleAreaQueries.Covered(db).AsNoTracking()
            .Where(c => scope.Contains(c.UnitId) && c.AdoptedOn <= end)
            .GroupBy(c => new { c.UnitId, c.Code })
            .Select(g => new CoveredArea(g.Key.UnitId, g.Key.Code, g.Min(c => c.AdoptedOn)))
            .ToListAsync(cancellationToken);
        var exempt = await RuleAreaQueries.Exempted(db).AsNoTracking()
            .Where(x => scope.Contains(x.UnitId))
            .Select(x => new { x.UnitId, x.Code })
            .ToListAsync(cancellationToken);

        // Art. 9 with art. 2: postings in scope holding during each year need a checklist; counted by the years a
        // posting spans. Checklists of postings out of scope are not counted either.
        var inScope = db.Postings.Where(LeaderScope.PostingInScope);
        var yearStarts = Enumerable.Range(firstYear, lastYear - firstYear + 1).Select(y => new DateOnly(y, 1, 1)).ToList();
        var postings = (await inScope.AsNoTracking()
            .Where(p => scope.Contains(p.UnitId) && p.From <= end && (p.To == null || p.To >= start))
            .Select(DateBuckets.PostingSpan(yearStarts))
            .GroupBy(k => new { k.UnitId, k.FromBucket, k.ToBucket })
            .Select(g => new { g.Key.UnitId, g.Key.FromBucket, g.Key.ToBucket, Count = g.Count() })
            .ToListAsync(cancellationToken))
            .Select(p => new PostingSpan(p.UnitId, firstYear + p.FromBucket, firstYear + p.ToBucket, p.Count))
            .ToList();
        var inScopeIds = inScope.Select(p => p.Id);
        var checklists = await db.DutyChecklists.AsNoTracking()
            .Where(c => scope.Contains(c.UnitId) && c.Year >= firstYear && c.Year <= lastYear && inScopeIds.Contains(c.PostingId))
            .GroupBy(c => new { c.UnitId, c.Year })
            .Select(g => new ChecklistCount(
                g.Key.UnitId,
                g.Key.Year,
                g.Count(c => c.Status == ChecklistStatus.Submitted || c.Status == ChecklistStatus.Reviewed),
                g.Count(c => c.Status == ChecklistStatus.Reviewed)))
            .ToListAsync(cancellationToken);

        // Art. 15: rectification orders by the year of their deadline, counted as overdue (not reported by a deadline
        // already past) and pending (not reported, deadline still ahead).
        var orders = (await db.RectificationOrders.AsNoTracking()
            .Where(o => scope.Contains(o.UnitId) && o.Deadline >= start && o.Deadline <= end)
            .Select(DateBuckets.OrderKey(yearStarts))
            .GroupBy(o => new { o.UnitId, o.Bucket })
            .Select(g => new
            {
                g.Key.UnitId,
                g.Key.Bucket,
                Due = g.Count(),
                Overdue = g.Count(o => o.Open && o.Deadline < today),
                Pending = g.Count(o => o.Open && o.Deadline >= today),
                NextDeadline = g.Where(o => o.Open && o.Deadline >= today).Min(o => (DateOnly?)o.Deadline),
            })
            .ToListAsync(cancellationToken))
            .Select(o => new OrderCount(o.UnitId, firstYear + o.Bucket, o.Due, o.Overdue, o.Pending, o.NextDeadline))
            .ToList();

        var activityBy = activities.ToLookup(a => (a.UnitId, a.Kind, a.Year));
        var coveredBy = covered.ToLookup(c => c.UnitId);
        var exemptBy = exempt.ToLookup(x => x.UnitId, x => x.Code);
        var postingsBy = postings.ToLookup(p => p.UnitId);
        var checklistsBy = checklists.ToDictionary(c => (c.UnitId, c.Year));
        var ordersBy = orders.ToDictionary(o => (o.UnitId, o.Year));
        var life = units.ToDictionary(u => u.Row.Id, u => (u.EstablishedOn, u.ClosedOn));
        var ordered = TreeOrder([.. units.Select(u => u.Row)]);

        var result = new Dictionary<int, List<UnitCompliance>>();
        for (var year = firstYear; year <= lastYear; year++)
        {
            var rows = new List<UnitCompliance>(ordered.Count);
            foreach (var (unit, depth) in ordered)
            {
                var (from, to) = life[unit.Id];
                var period = new AssessmentPeriod(year, today, from, to);
                if (!period.UnitExisted)
                {
                    continue;
                }

                var briefings = new int[periods];
                foreach (var b in activityBy[(unit.Id, ActivityKind.Briefing, year)])
                {
                    briefings[b.Period] += b.Count;
                }

                var organization = organizations.GetValueOrDefault(unit.Id);
                var yearEnd = new DateOnly(year, 12, 31);
                var present = coveredBy[unit.Id].Where(c => c.Since <= yearEnd).Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
                var notApplicable = exemptBy[unit.Id].Where(c => !present.Contains(c)).ToHashSet(StringComparer.Ordinal);
                var missingAreas = areaCodes.Where(c => !present.Contains(c) && !notApplicable.Contains(c)).ToList();
                var required = postingsBy[unit.Id].Where(p => p.FromYear <= year && p.ToYear >= year).Sum(p => p.Count);
                var checklist = checklistsBy.GetValueOrDefault((unit.Id, year));
                var order = ordersBy.GetValueOrDefault((unit.Id, year));
                var counts = new ComplianceCounts(
                    briefings.Sum(),
                    briefings,
                    activityBy[(unit.Id, ActivityKind.MemberMeeting, year)].Sum(a => a.Count),
                    activityBy[(unit.Id, ActivityKind.Training, year)].Sum(a => a.Count),
                    organization?.EstablishedOn,
                    organization?.Cadres ?? 0,
                    organization?.FullTimeCadres ?? 0,
                    areaCodes.Count(present.Contains),
                    missingAreas,
                    areaCodes.Count(notApplicable.Contains),
                    required,
                    checklist?.Submitted ?? 0,
                    checklist?.Reviewed ?? 0,
                    order?.Due ?? 0,
                    order?.Overdue ?? 0,
                    order?.Pending ?? 0,
                    order?.NextDeadline);
                rows.Add(Judge(unit, depth, period, counts, areaCodes.Count, frequencies) with { EstablishedOn = from, ClosedOn = to });
            }

            result[year] = rows;
        }

        return new Computed(result, areaCodes.Count, frequencies);
    }

    private static UnitCompliance Judge(UnitTreeRow unit, int depth, AssessmentPeriod period, ComplianceCounts c, int areaCount, ComplianceFrequencies f)
    {
        var practice = ComplianceRules.PracticePeriods(period, f.Briefings, c.BriefingsPerPracticePeriod);
        ComplianceResult[] results =
        [
            ComplianceRules.Briefings(period, f.Briefings, c.Briefings),
            ComplianceRules.BriefingPractice(period, f.Briefings, practice),
            ComplianceRules.MemberMeetings(period, f.MemberMeetings, c.MemberMeetings),
            ComplianceRules.SecrecyOrganization(period, c.OrganizationEstablishedOn, c.Cadres, c.FullTimeCadres),
            ComplianceRules.RuleRegister(c.MissingRuleAreas, areaCount, c.RuleAreasNotApplicable),
            ComplianceRules.Education(period, f.Education, c.Trainings),
            ComplianceRules.Checklists(period, c.ChecklistsRequired, c.ChecklistsSubmitted, c.ChecklistsReviewed),
            ComplianceRules.RectificationOrders(c.OrdersDue, c.OrdersOverdue, c.OrdersPending, c.NextOrderDeadline),
        ];
        return new UnitCompliance(unit.Id, unit.Code, unit.Name, depth, period.Year, results, practice, c);
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

    private sealed record ActivityCount(int UnitId, ActivityKind Kind, int Year, int Period, int Count);

    private sealed record OrganizationCount(int UnitId, DateOnly EstablishedOn, int Cadres, int FullTimeCadres);

    private sealed record CoveredArea(int UnitId, string Code, DateOnly Since);

    private sealed record PostingSpan(int UnitId, int FromYear, int ToYear, int Count);

    private sealed record ChecklistCount(int UnitId, int Year, int Submitted, int Reviewed);

    private sealed record OrderCount(int UnitId, int Year, int Due, int Overdue, int Pending, DateOnly? NextDeadline);
}
