using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Checklists;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.SecrecyOrganizations;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Core.Compliance;

/// <summary>What <see cref="ComplianceComputation"/> found: the rows of each year in tree order, and each unit's <see cref="TreeKey"/>.</summary>
internal sealed record ComputedCompliance(
    IReadOnlyDictionary<int, List<UnitCompliance>> Rows,
    IReadOnlyDictionary<int, string> TreeKeys,
    int RuleAreaCount,
    ComplianceFrequencies Frequencies);

/// <summary>
/// The compliance engine over a set of units: for every unit and each year it existed, each requirement's state with
/// its reason and due date. The records are counted in SQL for all the units and years at once (a fixed number of grouped
/// queries whatever the number of units), then <see cref="ComplianceRules"/> judges each unit. The full computation behind
/// both the stored judgements (<see cref="ComplianceJudgementService"/>) and the rows a page shows.
/// </summary>
internal static class ComplianceComputation
{
    /// <summary>
    /// The frequencies of P5.3, S6.5 and S6.3 in the current regulation (data, not code: a province that asks for
    /// quarterly reports ships different data). A code the current regulation lacks has no frequency.
    /// </summary>
    public static async Task<ComplianceFrequencies> FrequenciesAsync(ISecrecyDutyDb db, CancellationToken cancellationToken)
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
    /// to <paramref name="lastYear"/>, in tree order: active units, and closed ones for the years up to their closing. Each
    /// row's depth is counted below <paramref name="topUnitId"/> (the top of the jurisdiction; null: below the root). Eleven
    /// queries, grouped in SQL, whatever the number of units and years.
    /// </summary>
    public static async Task<ComputedCompliance> ComputeAsync(
        ISecrecyDutyDb db,
        DateOnly today,
        IQueryable<int> unitIds,
        int firstYear,
        int lastYear,
        int? topUnitId,
        CancellationToken cancellationToken)
    {
        var start = new DateOnly(firstYear, 1, 1);
        var end = new DateOnly(lastYear, 12, 31);
        var frequencies = await FrequenciesAsync(db, cancellationToken);

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

        // The place in the tree: every unit's ancestors with their codes (the closure table), for its key and its depth.
        var ancestry = await db.UnitAncestries.AsNoTracking()
            .Where(a => scope.Contains(a.DescendantId))
            .Select(a => new { a.DescendantId, a.AncestorId, a.Depth, a.Ancestor!.Code })
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
        // The posting's scope checked per checklist (EXISTS by key): an IN over the postings in scope would list those of
        // the whole province first.
        var checklists = await db.DutyChecklists.AsNoTracking()
            .Where(c => scope.Contains(c.UnitId) && c.Year >= firstYear && c.Year <= lastYear && inScope.Any(p => p.Id == c.PostingId))
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

        // Tree order: by the key of the codes from the root down (siblings by code, a unit before those below it); the
        // depth below the top of the jurisdiction, or below the root.
        var ancestorsOf = ancestry.ToLookup(a => a.DescendantId);
        var keys = units.ToDictionary(u => u.Row.Id, u => TreeKey.Of(ancestorsOf[u.Row.Id].OrderByDescending(a => a.Depth).Select(a => a.Code)));
        int Depth(int unitId) => topUnitId is int top
            ? ancestorsOf[unitId].Where(a => a.AncestorId == top).Select(a => a.Depth).FirstOrDefault()
            : ancestorsOf[unitId].Select(a => a.Depth).DefaultIfEmpty(0).Max();
        var ordered = units.Select(u => u.Row).OrderBy(u => keys[u.Id], StringComparer.Ordinal).ThenBy(u => u.Id).ToList();

        var result = new Dictionary<int, List<UnitCompliance>>();
        for (var year = firstYear; year <= lastYear; year++)
        {
            var rows = new List<UnitCompliance>(ordered.Count);
            foreach (var unit in ordered)
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
                rows.Add(Judge(unit, Depth(unit.Id), period, counts, areaCodes.Count, frequencies) with { EstablishedOn = from, ClosedOn = to });
            }

            result[year] = rows;
        }

        return new ComputedCompliance(result, keys, areaCodes.Count, frequencies);
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

    private sealed record ActivityCount(int UnitId, ActivityKind Kind, int Year, int Period, int Count);

    private sealed record OrganizationCount(int UnitId, DateOnly EstablishedOn, int Cadres, int FullTimeCadres);

    private sealed record CoveredArea(int UnitId, string Code, DateOnly Since);

    private sealed record PostingSpan(int UnitId, int FromYear, int ToYear, int Count);

    private sealed record ChecklistCount(int UnitId, int Year, int Submitted, int Reviewed);

    private sealed record OrderCount(int UnitId, int Year, int Due, int Overdue, int Pending, DateOnly? NextDeadline);
}
