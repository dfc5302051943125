using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Inspections.Scoring;

/// <summary>
/// The circulated results list (issue 8): the units of the jurisdiction scored in a year, ranked by the score of their
/// latest completed inspection, with their latest submitted self-assessment beside it. Ranked, counted and paged in
/// SQL: its cost follows the page, not the province.
/// </summary>
public sealed class ScoreResultsService(ISecrecyDutyDb db, Jurisdiction jurisdiction, TimeProvider clock)
{
    public int CurrentYear => LocalDate.Today(clock).Year;

    public async Task<PagedList<ScoreResultRow>> ListAsync(ScoreResultsFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        (page, pageSize) = Paging.Normalize(page, pageSize);
        var rows = Ranked(filter);
        var total = await rows.CountAsync(cancellationToken);
        var items = await rows.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new PagedList<ScoreResultRow>([.. items.Select((r, i) => ToRow(r, (page - 1) * pageSize + i + 1))], page, pageSize, total);
    }

    /// <summary>Every row of the year, for the CSV and XLSX export.</summary>
    public async Task<IReadOnlyList<ScoreResultRow>> ExportAsync(ScoreResultsFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var items = await Ranked(filter).ToListAsync(cancellationToken);
        return [.. items.Select((r, i) => ToRow(r, i + 1))];
    }

    private static ScoreResultRow ToRow(Row r, int rank) => new(
        rank,
        new InspectionUnit(r.UnitId, r.UnitCode, r.UnitName),
        r.InspectedId is { } inspected ? new ScoreSummary(inspected, r.InspectedTenths / 10m, r.InspectedGrade, r.InspectedLabel, r.InspectedLabelEn, r.InspectedVeto ?? false) : null,
        r.SelfId is { } self ? new ScoreSummary(self, r.SelfTenths / 10m, r.SelfGrade, r.SelfLabel, r.SelfLabelEn, r.SelfVeto ?? false) : null);

    private IQueryable<Row> Ranked(ScoreResultsFilter filter)
    {
        var visible = jurisdiction.UnitIds();
        var firstDay = new DateOnly(filter.Year, 1, 1);
        var lastDay = new DateOnly(filter.Year, 12, 31);

        // The sheets that count: a completed inspection's, or a submitted self-assessment's, done in the year.
        var counted =
            from s in db.ScoreSheets
            join i in db.Inspections on s.InspectionId equals i.Id
            let date = i.CompletedOn ?? i.StartedOn ?? i.PlannedOn
            where visible.Contains(s.UnitId) && s.PercentageTenths != null && date >= firstDay && date <= lastDay
                && (i.Body == InspectingBody.OwnSecrecyOrganization ? s.SubmittedAtUtc != null : i.Status == InspectionStatus.Completed)
            select new
            {
                s.UnitId,
                InspectionId = i.Id,
                Self = i.Body == InspectingBody.OwnSecrecyOrganization,
                Date = date,
                s.PercentageTenths,
                s.GradeCode,
                s.VetoFailed,
                Label = db.ScoreTemplateGrades.Where(g => g.ScoreTemplateId == s.ScoreTemplateId && g.Code == s.GradeCode).Select(g => g.Label).FirstOrDefault(),
                LabelEn = db.ScoreTemplateGrades.Where(g => g.ScoreTemplateId == s.ScoreTemplateId && g.Code == s.GradeCode).Select(g => g.LabelEn).FirstOrDefault(),
            };

        // Per unit, the latest of each kind: no later one of the same kind.
        var latest = counted.Where(c => !counted.Any(o => o.UnitId == c.UnitId && o.Self == c.Self
            && (o.Date > c.Date || (o.Date == c.Date && o.InspectionId > c.InspectionId))));

        var units =
            from u in db.Units
            where latest.Any(c => c.UnitId == u.Id)
            from inspected in latest.Where(c => c.UnitId == u.Id && !c.Self).DefaultIfEmpty()
            from self in latest.Where(c => c.UnitId == u.Id && c.Self).DefaultIfEmpty()
            select new Row
            {
                UnitId = u.Id,
                UnitCode = u.Code,
                UnitName = u.Name,
                InspectedId = (int?)inspected!.InspectionId,
                InspectedTenths = inspected!.PercentageTenths,
                InspectedGrade = inspected!.GradeCode,
                InspectedLabel = inspected!.Label,
                InspectedLabelEn = inspected!.LabelEn,
                InspectedVeto = (bool?)inspected!.VetoFailed,
                SelfId = (int?)self!.InspectionId,
                SelfTenths = self!.PercentageTenths,
                SelfGrade = self!.GradeCode,
                SelfLabel = self!.Label,
                SelfLabelEn = self!.LabelEn,
                SelfVeto = (bool?)self!.VetoFailed,
            };

        // Ranked by the inspected score (a failed veto ranks below every passing score), then the self-assessed one;
        // units inspected in the year come first.
        return units
            .OrderBy(r => r.InspectedId == null)
            .ThenBy(r => r.InspectedVeto ?? false)
            .ThenByDescending(r => r.InspectedTenths)
            .ThenByDescending(r => r.SelfTenths)
            .ThenBy(r => r.UnitCode);
    }

    private sealed class Row
    {
        public int UnitId { get; init; }

        public string UnitCode { get; init; } = "";

        public string UnitName { get; init; } = "";

        public int? InspectedId { get; init; }

        public int? InspectedTenths { get; init; }

        public string? InspectedGrade { get; init; }

        public string? InspectedLabel { get; init; }

        public string? InspectedLabelEn { get; init; }

        public bool? InspectedVeto { get; init; }

        public int? SelfId { get; init; }

        public int? SelfTenths { get; init; }

        public string? SelfGrade { get; init; }

        public string? SelfLabel { get; init; }

        public string? SelfLabelEn { get; init; }

        public bool? SelfVeto { get; init; }
    }
}
