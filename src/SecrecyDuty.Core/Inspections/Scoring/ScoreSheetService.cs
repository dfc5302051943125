using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Auditing;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Inspections.Scoring;

/// <summary>
/// The score sheet of an inspection against a checklist template (issue 8; the reading is in
/// docs/inspection-templates.md): the inspectors record defects per item, the score and grade follow
/// (<see cref="ScoreRules"/>), and each deduction becomes a finding with one click. A self-inspection's sheet is the
/// unit's self-assessment (自查自评): submitted with evidence, reviewed by the superior secrecy office.
/// </summary>
public sealed class ScoreSheetService(
    ISecrecyDutyDb db,
    Jurisdiction jurisdiction,
    ICurrentUser user,
    IValidator<ScoreSheetInput> sheetValidator,
    IValidator<ScoreReviewInput> reviewValidator,
    IStringLocalizer<Messages> l,
    TimeProvider clock)
{
    /// <summary>The field a submission's evidence errors are reported on.</summary>
    public const string EvidenceField = "Evidence";

    /// <summary>The sheet of inspection <paramref name="inspectionId"/>; null when the inspection lies outside the jurisdiction.</summary>
    public async Task<ScoreSheetView?> GetAsync(int inspectionId, CancellationToken cancellationToken = default)
    {
        var inspection = await InspectionAsync(inspectionId, jurisdiction.UnitIds(), cancellationToken);
        if (inspection is null)
        {
            return null;
        }

        var sheet = await db.ScoreSheets.AsNoTracking()
            .Where(s => s.InspectionId == inspectionId)
            .Select(s => new { s.Id, s.ScoreTemplateId, s.ScoredAtUtc, s.SubmittedAtUtc, s.SubmittedBy, s.ReviewedAtUtc, s.ReviewedBy, s.ReviewOpinion, s.Version })
            .SingleOrDefaultAsync(cancellationToken);
        var phase = ScoreSheetRules.PhaseOf(sheet is not null, sheet?.SubmittedAtUtc, sheet?.ReviewedAtUtc);
        var conducts = await MayConductAsync(inspection.Unit.Id, cancellationToken);
        var canScore = conducts && ScoreSheetRules.CanScore(inspection.Body, inspection.Status, phase) == ScoreSheetProblem.None;
        var templates = await db.ScoreTemplates.AsNoTracking()
            .Where(t => t.IsCurrent)
            .OrderBy(t => t.Code)
            .Select(t => new ScoreTemplateEdition(t.Id, t.Code, t.Version, t.Title, t.TitleEn, t.IsCurrent))
            .ToListAsync(cancellationToken);
        if (sheet is null)
        {
            return new ScoreSheetView(
                inspection, phase, null, null, new Dictionary<string, ScoreEntryState>(), null, templates, null, null, null, null, null, [], canScore, false, false, false);
        }

        var edition = await db.ScoreTemplates.AsNoTracking()
            .Where(t => t.Id == sheet.ScoreTemplateId)
            .Select(t => new ScoreTemplateEdition(t.Id, t.Code, t.Version, t.Title, t.TitleEn, t.IsCurrent))
            .SingleAsync(cancellationToken);
        var (definition, _) = (await ScoreTemplateStore.DefinitionAsync(db, sheet.ScoreTemplateId, cancellationToken))!.Value;
        var entries = await db.ScoreSheetEntries.AsNoTracking()
            .Where(e => e.ScoreSheetId == sheet.Id)
            .Select(e => new { e.Item!.Code, State = new ScoreEntryState(e.DefectCount, e.OccurrenceCount, e.NotApplicable, e.NotApplicableReason, e.Note, e.FindingId) })
            .ToDictionaryAsync(e => e.Code, e => e.State, StringComparer.Ordinal, cancellationToken);
        var result = ScoreRules.Compute(definition, [.. entries.Select(e => new ScoreEntry(e.Key, e.Value.Defects, e.Value.Occurrences, e.Value.NotApplicable, e.Value.Note))], inspection.UnitKind);
        var evidence = await db.EvidenceFiles.AsNoTracking()
            .Where(f => f.ScoreSheetId == sheet.Id)
            .OrderBy(f => f.FileName)
            .Select(f => new EvidenceFileItem(f.Id, f.FileName, f.ContentType, f.Size, f.Sha256, f.UploadedAtUtc, f.UploadedBy))
            .ToListAsync(cancellationToken);
        var canDraft = conducts && ScoreSheetRules.CanDraftFindings(inspection.Status, phase) == ScoreSheetProblem.None;
        var canSubmit = conducts && ScoreSheetRules.CanSubmit(inspection.Body, phase, sheet.ScoredAtUtc is not null) == ScoreSheetProblem.None;
        var canReview = InspectionAccess.CanConduct(user)
            && ScoreSheetRules.CanReview(inspection.Body, phase, await IsSuperiorOfAsync(inspection.Unit.Id, cancellationToken)) == ScoreSheetProblem.None;
        return new ScoreSheetView(
            inspection,
            phase,
            edition,
            definition,
            entries,
            result,
            templates,
            sheet.SubmittedAtUtc,
            sheet.SubmittedBy,
            sheet.ReviewedAtUtc,
            sheet.ReviewedBy,
            sheet.ReviewOpinion,
            evidence,
            canScore,
            canDraft,
            canSubmit,
            canReview,
            sheet.Version);
    }

    /// <summary>Starts the sheet on template version <paramref name="templateId"/> (a current one); null when the inspection is not the account's to score.</summary>
    public async Task<Result?> StartAsync(int inspectionId, int templateId, CancellationToken cancellationToken = default)
    {
        InspectionAccess.RequireConductor(user);
        var inspection = await InspectionAsync(inspectionId, InspectionAccess.ConductableUnitIds(db, jurisdiction, user), cancellationToken);
        if (inspection is null)
        {
            return null;
        }

        if (await db.ScoreSheets.AnyAsync(s => s.InspectionId == inspectionId, cancellationToken))
        {
            return Result.Failure(new FieldError("", l["This inspection is already being scored."]));
        }

        var problem = ScoreSheetRules.CanScore(inspection.Body, inspection.Status, ScoreSheetPhase.NotStarted);
        if (problem != ScoreSheetProblem.None)
        {
            return Result.Failure(Problem(problem));
        }

        if (!await db.ScoreTemplates.AnyAsync(t => t.Id == templateId && t.IsCurrent, cancellationToken))
        {
            return Result.Failure(new FieldError("TemplateId", l["Choose a current checklist template."]));
        }

        db.ScoreSheets.Add(new ScoreSheet { InspectionId = inspectionId, UnitId = inspection.Unit.Id, ScoreTemplateId = templateId });
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }

    /// <summary>
    /// Records the entries and keeps the computed result, over the <paramref name="version"/> of the sheet the page was
    /// opened on (a conflict when someone else saved it since); null when the sheet is not the account's to score.
    /// </summary>
    public async Task<Result?> SaveAsync(int inspectionId, int version, ScoreSheetInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        InspectionAccess.RequireConductor(user);
        var inspection = await InspectionAsync(inspectionId, InspectionAccess.ConductableUnitIds(db, jurisdiction, user), cancellationToken);
        var sheet = inspection is null ? null : await db.ScoreSheets.Include(s => s.Entries).SingleOrDefaultAsync(s => s.InspectionId == inspectionId, cancellationToken);
        if (inspection is null || sheet is null)
        {
            return null;
        }

        if (!Versions.Allows(sheet.Version, version))
        {
            return await ConflictAsync(sheet.Id, input, null, cancellationToken);
        }

        var problem = ScoreSheetRules.CanScore(inspection.Body, inspection.Status, ScoreSheetRules.PhaseOf(true, sheet.SubmittedAtUtc, sheet.ReviewedAtUtc));
        if (problem != ScoreSheetProblem.None)
        {
            return Result.Failure(Problem(problem));
        }

        var validation = await sheetValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return Result.Failure(validation);
        }

        var (definition, itemIds) = (await ScoreTemplateStore.DefinitionAsync(db, sheet.ScoreTemplateId, cancellationToken))!.Value;
        // The item's code is a hidden field: the message goes above the form, and names no code it did not find.
        if (input.Entries.Any(e => !itemIds.ContainsKey(e.ItemCode)))
        {
            return Result.Failure(new FieldError("", l["The form names an item that is not in this checklist template: open the score sheet again and enter the scores."]));
        }

        var recorded = input.Entries.Where(e => e.RecordsSomething).ToList();
        var result = ScoreRules.Compute(definition, [.. recorded.Select(e => e.ToEntry())], inspection.UnitKind);
        var kept = sheet.Entries.ToDictionary(e => e.ScoreTemplateItemId);
        foreach (var entry in recorded)
        {
            var itemId = itemIds[entry.ItemCode];
            if (!kept.Remove(itemId, out var stored))
            {
                stored = new ScoreSheetEntry { ScoreTemplateItemId = itemId };
                sheet.Entries.Add(stored);
            }

            stored.DefectCount = entry.Defects;
            stored.OccurrenceCount = entry.Occurrences;
            stored.NotApplicable = entry.NotApplicable;
            stored.NotApplicableReason = entry.NotApplicable ? Text.Clean(entry.NotApplicableReason) : null;
            stored.Note = Text.Clean(entry.Note);
        }

        db.ScoreSheetEntries.RemoveRange(kept.Values);
        sheet.PointsApplicable = result.PointsApplicable;
        sheet.PointsKept = result.PointsKept;
        sheet.PercentageTenths = result.PercentageTenths;
        sheet.GradeCode = result.Grade?.Code;
        sheet.VetoFailed = result.VetoFailed;
        sheet.ScoredAtUtc = clock.GetUtcNow().UtcDateTime;
        return await db.TrySaveOverAsync(sheet, version, cancellationToken) ? Result.Success() : await ConflictAsync(sheet.Id, input, null, cancellationToken);
    }

    /// <summary>
    /// Turns every deduction not yet turned into a finding into one: the item's deficiency (D15.x) and text with the
    /// note, the postings the deficiency concerns that held on the inspection date (editable on the finding). The value
    /// is the number of findings added; null when the sheet is not the account's to score.
    /// </summary>
    public async Task<Result<int>?> DraftFindingsAsync(int inspectionId, int version, CancellationToken cancellationToken = default)
    {
        InspectionAccess.RequireConductor(user);
        var inspection = await InspectionAsync(inspectionId, InspectionAccess.ConductableUnitIds(db, jurisdiction, user), cancellationToken);
        var sheet = inspection is null ? null : await db.ScoreSheets.Include(s => s.Entries).ThenInclude(e => e.Item).SingleOrDefaultAsync(s => s.InspectionId == inspectionId, cancellationToken);
        if (inspection is null || sheet is null)
        {
            return null;
        }

        // The findings are drafted from the deductions the person read: from entries changed since, or twice at once, they are not.
        if (!Versions.Allows(sheet.Version, version))
        {
            return Result<int>.Failure((await ConflictAsync(sheet.Id, null, null, cancellationToken)).Conflict!);
        }

        var problem = ScoreSheetRules.CanDraftFindings(inspection.Status, ScoreSheetRules.PhaseOf(true, sheet.SubmittedAtUtc, sheet.ReviewedAtUtc));
        if (problem != ScoreSheetProblem.None)
        {
            return Result<int>.Failure(Problem(problem));
        }

        var (definition, _) = (await ScoreTemplateStore.DefinitionAsync(db, sheet.ScoreTemplateId, cancellationToken))!.Value;
        var byCode = sheet.Entries.ToDictionary(e => e.Item!.Code, StringComparer.Ordinal);
        var result = ScoreRules.Compute(definition, [.. byCode.Values.Select(e => new ScoreEntry(e.Item!.Code, e.DefectCount, e.OccurrenceCount, e.NotApplicable, e.Note))], inspection.UnitKind);
        var drafts = ScoreRules.FindingsToDraft(result).Where(d => byCode[d.ItemCode].FindingId is null).ToList();
        if (drafts.Count == 0)
        {
            return Result<int>.Failure(new FieldError("", l["Every deduction is already a finding."]));
        }

        // The postings that may answer for a finding: those of the inspected unit holding on the inspection date.
        var postings = await db.Postings.AsNoTracking()
            .Where(p => p.UnitId == inspection.Unit.Id && p.From <= inspection.Date && (p.To == null || p.To >= inspection.Date))
            .Select(p => new { p.Id, p.Role, p.LeadsSecrecyWork })
            .ToListAsync(cancellationToken);
        foreach (var draft in drafts)
        {
            var finding = new Finding
            {
                InspectionId = inspectionId,
                UnitId = inspection.Unit.Id,
                DeficiencyCode = draft.DeficiencyCode,
                Description = draft.Description.Length > InspectionLimits.TextMaxLength ? draft.Description[..InspectionLimits.TextMaxLength] : draft.Description,
                Severity = ScoreSheetRules.SeverityOf(draft),
            };
            foreach (var posting in postings.Where(p => InspectionRules.IsSuggested(draft.DeficiencyCode, p.Role, p.LeadsSecrecyWork)))
            {
                finding.ResponsiblePostings.Add(new FindingPosting { PostingId = posting.Id });
            }

            db.Findings.Add(finding);
            byCode[draft.ItemCode].Finding = finding;
        }

        return await db.TrySaveOverAsync(sheet, version, cancellationToken)
            ? Result<int>.Success(drafts.Count)
            : Result<int>.Failure((await ConflictAsync(sheet.Id, null, null, cancellationToken)).Conflict!);
    }

    /// <summary>Submits a self-assessment to the superior secrecy office, with evidence files; null when it is not the account's.</summary>
    public async Task<Result?> SubmitAsync(int inspectionId, int version, IReadOnlyList<EvidenceUpload> evidence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        InspectionAccess.RequireConductor(user);
        var inspection = await InspectionAsync(inspectionId, InspectionAccess.ConductableUnitIds(db, jurisdiction, user), cancellationToken);
        var sheet = inspection is null ? null : await db.ScoreSheets.SingleOrDefaultAsync(s => s.InspectionId == inspectionId, cancellationToken);
        if (inspection is null || sheet is null)
        {
            return null;
        }

        // A self-assessment is submitted as the person read it: one rescored since is read first.
        if (!Versions.Allows(sheet.Version, version))
        {
            return await ConflictAsync(sheet.Id, null, null, cancellationToken);
        }

        var problem = ScoreSheetRules.CanSubmit(inspection.Body, ScoreSheetRules.PhaseOf(true, sheet.SubmittedAtUtc, sheet.ReviewedAtUtc), sheet.ScoredAtUtc is not null);
        if (problem != ScoreSheetProblem.None)
        {
            return Result.Failure(Problem(problem));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var intake = await EvidenceIntake.ReadAsync(evidence, EvidenceField, l, Actor(), now, cancellationToken);
        if (intake.Errors.Count > 0)
        {
            return Result.Failure([.. intake.Errors]);
        }

        foreach (var file in intake.Files)
        {
            file.ScoreSheetId = sheet.Id;
            db.EvidenceFiles.Add(file);
        }

        sheet.SubmittedAtUtc = now;
        sheet.SubmittedBy = Actor();
        return await db.TrySaveOverAsync(sheet, version, cancellationToken) ? Result.Success() : await ConflictAsync(sheet.Id, null, null, cancellationToken);
    }

    /// <summary>The superior secrecy office reviews a submitted self-assessment; null when it lies outside the account's jurisdiction.</summary>
    public async Task<Result?> ReviewAsync(int inspectionId, int version, ScoreReviewInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        InspectionAccess.RequireConductor(user);
        var inspection = await InspectionAsync(inspectionId, InspectionAccess.ConductableUnitIds(db, jurisdiction, user), cancellationToken);
        var sheet = inspection is null ? null : await db.ScoreSheets.SingleOrDefaultAsync(s => s.InspectionId == inspectionId, cancellationToken);
        if (inspection is null || sheet is null)
        {
            return null;
        }

        if (!Versions.Allows(sheet.Version, version))
        {
            return await ConflictAsync(sheet.Id, null, input.Opinion, cancellationToken);
        }

        var phase = ScoreSheetRules.PhaseOf(true, sheet.SubmittedAtUtc, sheet.ReviewedAtUtc);
        var problem = ScoreSheetRules.CanReview(inspection.Body, phase, await IsSuperiorOfAsync(inspection.Unit.Id, cancellationToken));
        if (problem != ScoreSheetProblem.None)
        {
            return Result.Failure(Problem(problem));
        }

        var validation = await reviewValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return Result.Failure(validation);
        }

        sheet.ReviewOpinion = input.Opinion.Trim();
        sheet.ReviewedAtUtc = clock.GetUtcNow().UtcDateTime;
        sheet.ReviewedBy = Actor();
        return await db.TrySaveOverAsync(sheet, version, cancellationToken) ? Result.Success() : await ConflictAsync(sheet.Id, null, input.Opinion, cancellationToken);
    }

    /// <summary>
    /// The sheet as stored now: its phase and kept score, each item whose entry differs from the form's (a save), the
    /// review opinion beside the reviewer's (a review).
    /// </summary>
    private async Task<Result> ConflictAsync(int sheetId, ScoreSheetInput? yours, string? yourOpinion, CancellationToken cancellationToken)
    {
        var stored = await db.ScoreSheets.AsNoTracking().Include(s => s.Entries).ThenInclude(e => e.Item).SingleAsync(s => s.Id == sheetId, cancellationToken);
        var conflict = await db.ConflictAsync(new VersionStamp(stored.Version, stored.SavedAtUtc, stored.SavedBy), cancellationToken);
        conflict
            .Stored(l["Status"], ScoreSheetRules.PhaseOf(true, stored.SubmittedAtUtc, stored.ReviewedAtUtc))
            .Stored(l["Score"], stored.PercentageTenths is int tenths ? (tenths / 10m).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " %" : null);
        if (yours is not null)
        {
            var entries = stored.Entries.ToDictionary(e => e.Item!.Code, StringComparer.Ordinal);
            foreach (var entry in yours.Entries)
            {
                var theirs = entries.GetValueOrDefault(entry.ItemCode);
                conflict
                    .FieldIfChanged($"{entry.ItemCode} · {l["Defects"]}", theirs?.DefectCount ?? 0, entry.Defects)
                    .FieldIfChanged($"{entry.ItemCode} · {l["Occurrences"]}", theirs?.OccurrenceCount ?? 0, entry.Occurrences)
                    .FieldIfChanged($"{entry.ItemCode} · {l["Not applicable"]}", theirs?.NotApplicable ?? false, entry.NotApplicable)
                    .FieldIfChanged($"{entry.ItemCode} · {l["Why not applicable"]}", theirs?.NotApplicableReason, entry.NotApplicable ? entry.NotApplicableReason : null)
                    .FieldIfChanged($"{entry.ItemCode} · {l["Note"]}", theirs?.Note, entry.Note);
            }
        }

        return Result.Failure(yourOpinion is not null ? conflict.Field(l["Review opinion"], stored.ReviewOpinion, yourOpinion)
            : stored.ReviewOpinion is not null ? conflict.Stored(l["Review opinion"], stored.ReviewOpinion)
            : conflict);
    }

    /// <summary>An evidence file of a self-assessment in the jurisdiction; null otherwise.</summary>
    public async Task<EvidenceDownload?> DownloadAsync(int inspectionId, int fileId, CancellationToken cancellationToken = default)
    {
        var visible = jurisdiction.UnitIds();
        var file = await db.EvidenceFiles.AsNoTracking()
            .Where(f => f.Id == fileId && db.ScoreSheets.Any(s => s.Id == f.ScoreSheetId && s.InspectionId == inspectionId && visible.Contains(s.UnitId)))
            .Select(f => new { Download = new EvidenceDownload(f.FileName, f.ContentType, f.Content!.Bytes), UnitId = db.ScoreSheets.Where(s => s.Id == f.ScoreSheetId).Select(s => s.UnitId).Single() })
            .SingleOrDefaultAsync(cancellationToken);
        if (file is null)
        {
            return null;
        }

        await HandOutAudit.RecordDownloadAsync(db, user, clock.GetUtcNow().UtcDateTime, new EvidenceHandOut(fileId, file.UnitId, file.Download.FileName), cancellationToken);
        return file.Download;
    }

    /// <summary>The kept score of inspection <paramref name="inspectionId"/> (the caller has checked the jurisdiction); null when it was not scored.</summary>
    internal static async Task<ScoreSummary?> SummaryOfAsync(ISecrecyDutyDb db, int inspectionId, CancellationToken cancellationToken)
    {
        var sheet = await db.ScoreSheets.AsNoTracking()
            .Where(s => s.InspectionId == inspectionId && s.ScoredAtUtc != null)
            .Select(s => new
            {
                s.PercentageTenths,
                s.GradeCode,
                Grade = db.ScoreTemplateGrades.Where(g => g.ScoreTemplateId == s.ScoreTemplateId && g.Code == s.GradeCode).Select(g => new { g.Label, g.LabelEn }).FirstOrDefault(),
                s.VetoFailed,
            })
            .SingleOrDefaultAsync(cancellationToken);
        return sheet is null ? null : new ScoreSummary(inspectionId, sheet.PercentageTenths / 10m, sheet.GradeCode, sheet.Grade?.Label, sheet.Grade?.LabelEn, sheet.VetoFailed);
    }

    private Task<ScoredInspection?> InspectionAsync(int id, IQueryable<int> among, CancellationToken cancellationToken) =>
        db.Inspections.AsNoTracking()
            .Where(i => i.Id == id && among.Contains(i.UnitId))
            .Select(i => new ScoredInspection(
                i.Id,
                new InspectionUnit(i.UnitId, i.Unit!.Code, i.Unit!.Name),
                i.Unit!.Kind,
                i.Body,
                new InspectionUnit(i.BodyUnitId, i.BodyUnit!.Code, i.BodyUnit!.Name),
                i.Status,
                i.StartedOn ?? i.PlannedOn))
            .SingleOrDefaultAsync(cancellationToken);

    private Task<bool> MayConductAsync(int unitId, CancellationToken cancellationToken) =>
        InspectionAccess.ConductableUnitIds(db, jurisdiction, user).AnyAsync(u => u == unitId, cancellationToken);

    /// <summary>The account's unit lies above <paramref name="unitId"/>: the superior secrecy office that reviews its self-assessment.</summary>
    private Task<bool> IsSuperiorOfAsync(int unitId, CancellationToken cancellationToken)
    {
        var own = user.UnitId ?? 0;
        return db.UnitAncestries.AnyAsync(a => a.AncestorId == own && a.DescendantId == unitId && a.Depth > 0, cancellationToken);
    }

    private FieldError Problem(ScoreSheetProblem problem) => new("", problem switch
    {
        ScoreSheetProblem.InspectionCompleted => l["This inspection is completed: its score can no longer change."],
        ScoreSheetProblem.AlreadySubmitted => l["This self-assessment has been submitted and can no longer change."],
        ScoreSheetProblem.NotASelfAssessment => l["Only a self-inspection is submitted and reviewed as a self-assessment."],
        ScoreSheetProblem.NotScored => l["Save the score before submitting the self-assessment."],
        ScoreSheetProblem.NotSubmitted => l["Only a submitted self-assessment can be reviewed."],
        ScoreSheetProblem.AlreadyReviewed => l["This self-assessment has already been reviewed."],
        ScoreSheetProblem.ReviewerNotSuperior => l["A self-assessment is reviewed by the superior secrecy office, not by the unit itself."],
        ScoreSheetProblem.InspectionNotInProgress => l["Findings are recorded while the inspection is in progress: start it first; once completed they are fixed."],
        _ => "",
    });

    private string Actor() => user.UserName ?? user.UserId ?? "";
}
