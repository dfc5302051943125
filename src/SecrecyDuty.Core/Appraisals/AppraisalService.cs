using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Core.Leaders;

namespace SecrecyDuty.Core.Appraisals;

/// <summary>
/// The annual appraisal (art. 9), one per leader and year, kept in the unit of the leader's record. The leader
/// writes the secrecy section of his or her own duty report; the secrecy office (secrecy officers and
/// administrators within the jurisdiction) writes the secrecy organization's opinion; the cadre official (the
/// organization and personnel department within the jurisdiction) hears it, sets the grade and any commendation
/// (art. 10) and finalizes; a finalized appraisal is read-only. Nobody writes the opinion on, or decides, his or her
/// own appraisal. The other roles read the appraisals of their jurisdiction; a unit leader reads only his or her own
/// (grades are personnel records), and any other appraisal is reported exactly as a missing one.
/// </summary>
public sealed class AppraisalService(
    ISecrecyDutyDb db,
    Jurisdiction jurisdiction,
    ICurrentUser user,
    IValidator<DutyReportInput> reportValidator,
    IValidator<OrganizationOpinionInput> opinionValidator,
    IValidator<AppraisalDecisionInput> decisionValidator,
    IStringLocalizer<Messages> l,
    TimeProvider clock)
{
    private DateOnly Today => LocalDate.Today(clock);

    /// <summary>The in-scope leaders of the jurisdiction for the year with their appraisal's status, one page.</summary>
    public async Task<AppraisalList> ListAsync(AppraisalFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        (page, pageSize) = Paging.Normalize(page, pageSize);
        var year = ListYear(filter.Year);
        var leaders = Filtered(filter, year, await OwnLeaderIdAsync(cancellationToken));
        var total = await leaders.CountAsync(cancellationToken);
        var items = await RowsAsync(leaders, year, filter.Sort, filter.Direction, (page - 1) * pageSize, pageSize, cancellationToken);
        return new AppraisalList(year, AppraisalRules.YearChoices(Today), new PagedList<AppraisalListItem>(items, page, pageSize, total));
    }

    /// <summary>Every row the filters select, unpaged, for export.</summary>
    public async Task<IReadOnlyList<AppraisalListItem>> ExportAsync(AppraisalFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var year = ListYear(filter.Year);
        var leaders = Filtered(filter, year, await OwnLeaderIdAsync(cancellationToken));
        return await RowsAsync(leaders, year, filter.Sort, filter.Direction, skip: 0, take: null, cancellationToken);
    }


    /// <summary>The leader's appraisal for the year (default: this year); null when the leader is not visible or the year cannot be appraised.</summary>
    public async Task<AppraisalDetails?> GetAsync(int leaderId, int? year, CancellationToken cancellationToken = default)
    {
        var y = year ?? Today.Year;
        var target = await FindAsync(leaderId, y, cancellationToken);
        if (target is null)
        {
            return null;
        }

        var appraisal = await db.Appraisals.AsNoTracking()
            .Where(a => a.LeaderId == leaderId && a.Year == y)
            .Select(a => new { a.DutyReportSection, a.OrganizationOpinion, a.Grade, a.Commendation, a.FinalizedAtUtc, a.FinalizedBy, a.Version })
            .SingleOrDefaultAsync(cancellationToken);
        var postings = await PostingsDuring(leaderId, y).ToListAsync(cancellationToken);
        var status = AppraisalRules.StatusOf(appraisal is not null, appraisal?.OrganizationOpinion, appraisal?.FinalizedAtUtc);
        var open = status != AppraisalStatus.Finalized;
        return new AppraisalDetails(
            target.LeaderId,
            target.Name,
            target.StaffNumber,
            target.Rank,
            target.UnitName,
            y,
            AppraisalRules.YearChoices(Today),
            status,
            appraisal?.DutyReportSection,
            appraisal?.OrganizationOpinion,
            appraisal?.Grade,
            appraisal?.Commendation,
            LocalDate.Of(appraisal?.FinalizedAtUtc, clock),
            appraisal?.FinalizedBy,
            postings,
            target.IsOwn,
            CanWriteDutyReport: open && target.IsOwn,
            CanWriteOpinion: open && MayWriteOpinion(target),
            CanDecide: open && MayDecide(target),
            appraisal?.Version ?? Versions.None);
    }

    /// <summary>
    /// The leader writes the secrecy section of his or her own duty report (art. 9); any other account is refused.
    /// Null when the leader is not visible or the year cannot be appraised.
    /// </summary>
    public async Task<Result?> SaveDutyReportAsync(int leaderId, int year, int version, DutyReportInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var target = await FindAsync(leaderId, year, cancellationToken);
        if (target is null)
        {
            return null;
        }

        if (!target.IsOwn)
        {
            throw new AccessDeniedException();
        }

        var (appraisal, refusal) = await LoadForWriteAsync(target, year, version, cancellationToken);
        if (refusal is not null)
        {
            return refusal.Failure ?? await ConflictAsync(target, year, AppraisalSection.DutyReport, input.DutyReportSection, cancellationToken);
        }

        var validation = await reportValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return Result.Failure(validation);
        }

        var isNew = appraisal is null;
        appraisal ??= Create(target, year);
        appraisal.DutyReportSection = Clean(input.DutyReportSection);
        return await SaveAsync(appraisal, isNew, version, cancellationToken)
            ? Result.Success()
            : await ConflictAsync(target, year, AppraisalSection.DutyReport, input.DutyReportSection, cancellationToken);
    }

    /// <summary>
    /// The secrecy office writes the secrecy organization's opinion (art. 9), and nothing else of the appraisal.
    /// Refused (403) to other roles and on one's own appraisal; null when the leader is not visible.
    /// </summary>
    public async Task<Result?> SaveOpinionAsync(int leaderId, int year, int version, OrganizationOpinionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var target = await FindAsync(leaderId, year, cancellationToken);
        if (target is null)
        {
            return null;
        }

        if (!MayWriteOpinion(target))
        {
            throw new AccessDeniedException();
        }

        var (appraisal, refusal) = await LoadForWriteAsync(target, year, version, cancellationToken);
        if (refusal is not null)
        {
            return refusal.Failure ?? await ConflictAsync(target, year, AppraisalSection.Opinion, input.OrganizationOpinion, cancellationToken);
        }

        var validation = await opinionValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return Result.Failure(validation);
        }

        var isNew = appraisal is null;
        appraisal ??= Create(target, year);
        appraisal.OrganizationOpinion = Clean(input.OrganizationOpinion);
        return await SaveAsync(appraisal, isNew, version, cancellationToken)
            ? Result.Success()
            : await ConflictAsync(target, year, AppraisalSection.Opinion, input.OrganizationOpinion, cancellationToken);
    }

    /// <summary>The cadre official saves the grade and any commendation (arts. 9–10), without finalizing.</summary>
    public Task<Result?> SaveDecisionAsync(int leaderId, int year, int version, AppraisalDecisionInput input, CancellationToken cancellationToken = default) =>
        DecideAsync(leaderId, year, version, input, finalize: false, cancellationToken);

    /// <summary>
    /// The cadre official saves the grade and any commendation and finalizes the appraisal, which is read-only
    /// afterwards. Refused while the secrecy organization's opinion is not given (art. 9) and without a grade.
    /// </summary>
    public Task<Result?> FinalizeAsync(int leaderId, int year, int version, AppraisalDecisionInput input, CancellationToken cancellationToken = default) =>
        DecideAsync(leaderId, year, version, input, finalize: true, cancellationToken);

    /// <summary>
    /// Everything the A4 print view shows: the leader, the postings, the duty checklists and the activities of the
    /// year, the counts of the units' briefings and member meetings, and the appraisal. Null when not visible.
    /// </summary>
    public async Task<AppraisalPrint?> GetPrintAsync(int leaderId, int? year, CancellationToken cancellationToken = default)
    {
        var y = year ?? Today.Year;
        var target = await FindAsync(leaderId, y, cancellationToken);
        if (target is null)
        {
            return null;
        }

        var (start, end) = YearBounds(y);
        var leader = await db.Leaders.AsNoTracking()
            .Where(x => x.Id == leaderId)
            .Select(x => new PrintLeader(x.Name, x.StaffNumber, x.Rank, x.IsPartyMember, x.Unit!.Name, x.Unit.Kind))
            .SingleAsync(cancellationToken);
        var postings = await PostingsDuring(leaderId, y).ToListAsync(cancellationToken);

        var checklists = await db.DutyChecklists.AsNoTracking()
            .Where(c => c.Year == y && c.Posting!.LeaderId == leaderId)
            .OrderBy(c => c.Posting!.From)
            .ThenBy(c => c.Id)
            .Select(c => new
            {
                c.Id,
                UnitName = c.Posting!.Unit!.Name,
                c.Posting.Role,
                c.Posting.Title,
                c.Status,
                c.SubmittedAtUtc,
                c.ReviewedAtUtc,
                c.OrganizationOpinion,
            })
            .ToListAsync(cancellationToken);
        var checklistIds = checklists.Select(c => c.Id).ToList();
        var items = await db.DutyChecklistItems.AsNoTracking()
            .Where(i => checklistIds.Contains(i.ChecklistId))
            .OrderBy(i => i.DutyItem!.SortOrder)
            .ThenBy(i => i.Id)
            .Select(i => new
            {
                i.ChecklistId,
                Item = new PrintChecklistItem(i.DutyItem!.Code, i.DutyItem.Text, i.DutyItem.SummaryEn, i.Status, i.NotApplicableReason, i.SelfAssessment),
            })
            .ToListAsync(cancellationToken);
        var itemsByChecklist = items.ToLookup(i => i.ChecklistId, i => i.Item);

        // The activities the leader attended through any of his or her postings, on a day that posting held: the
        // appraisal covers the posting, not the months before the leader took office or after it ended.
        // The ids the leader attended come first (an index on the posting, then the activities' keys): without them the
        // database reads every activity of the year to look for the leader's attendance (issue 10).
        var attended = db.ActivityAttendances.Where(at => at.Posting!.LeaderId == leaderId).Select(at => at.ActivityId);
        var activities = await db.Activities.AsNoTracking()
            .Where(a => a.Date >= start && a.Date <= end
                && attended.Contains(a.Id)
                && a.Attendance.Any(at => at.Posting!.LeaderId == leaderId && at.Posting.From <= a.Date && (at.Posting.To == null || at.Posting.To >= a.Date)))
            .OrderBy(a => a.Date)
            .ThenBy(a => a.Id)
            .Select(a => new PrintActivity(a.Date, a.Kind, a.Title, a.Unit!.Name))
            .ToListAsync(cancellationToken);

        // P5.3 and S6.5 are the units' duties too: how many the leader's units held while he or she held a posting
        // there (a predecessor's briefing is not the leader's), counted in SQL.
        var held = db.Postings.Where(p => p.LeaderId == leaderId);
        var counts = await db.Activities.AsNoTracking()
            .Where(a => a.Date >= start && a.Date <= end
                && (a.Kind == ActivityKind.Briefing || a.Kind == ActivityKind.MemberMeeting)
                && held.Select(p => p.UnitId).Contains(a.UnitId)
                && held.Any(p => p.UnitId == a.UnitId && p.From <= a.Date && (p.To == null || p.To >= a.Date)))
            .GroupBy(a => new { a.UnitId, a.Kind })
            .Select(g => new { g.Key.UnitId, g.Key.Kind, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int CountOf(int unitId, ActivityKind kind) => counts.Where(c => c.UnitId == unitId && c.Kind == kind).Sum(c => c.Count);
        var unitCounts = postings
            .GroupBy(p => p.UnitId)
            .Select(g => new PrintUnitActivityCount(
                g.First().UnitName,
                [.. AppraisalRules.CoveredPeriods(g.Select(p => (p.From, p.To)), y).Select(c => new PrintPeriod(c.Start, c.End))],
                CountOf(g.Key, ActivityKind.Briefing),
                CountOf(g.Key, ActivityKind.MemberMeeting)))
            .ToList();

        // Art. 15 in the appraisal (issue 8): the rectification orders on findings that name any posting of the leader,
        // from inspections of the year, and those of earlier inspections still open when the year began (not verified
        // before it). The inspection's date is the one its findings speak of (InspectionRules.InspectionDate).
        var today = Today;
        var orders = await db.RectificationOrders.AsNoTracking()
            .Where(o => o.Finding!.ResponsiblePostings.Any(fp => fp.Posting!.LeaderId == leaderId))
            .Select(o => new { Order = o, InspectedOn = o.Finding!.Inspection!.StartedOn ?? o.Finding.Inspection.PlannedOn })
            .Where(x => (x.InspectedOn >= start && x.InspectedOn <= end)
                || (x.InspectedOn < start && (x.Order.VerifiedOn == null || x.Order.VerifiedOn >= start)))
            .OrderBy(x => x.Order.Deadline)
            .ThenBy(x => x.Order.Id)
            .Select(x => new
            {
                UnitName = x.Order.Finding!.Inspection!.Unit!.Name,
                x.Order.Finding.DeficiencyCode,
                x.Order.Finding.OtherDeficiency,
                x.Order.Finding.Description,
                x.Order.Deadline,
                x.Order.Status,
                x.Order.VerifiedOn,
            })
            .ToListAsync(cancellationToken);

        var regulation = await db.Regulations.AsNoTracking()
            .Where(r => r.IsCurrent)
            .OrderBy(r => r.Id)
            .Select(r => new { r.Title, r.TitleEn })
            .FirstOrDefaultAsync(cancellationToken);
        var appraisal = await db.Appraisals.AsNoTracking()
            .Where(a => a.LeaderId == leaderId && a.Year == y)
            .Select(a => new { a.DutyReportSection, a.OrganizationOpinion, a.Grade, a.Commendation, a.FinalizedAtUtc })
            .SingleOrDefaultAsync(cancellationToken);

        return new AppraisalPrint(
            y,
            today,
            regulation?.Title,
            regulation?.TitleEn,
            leader,
            postings,
            [.. checklists.Select(c => new PrintChecklist(c.UnitName, c.Role, c.Title, c.Status, LocalDate.Of(c.SubmittedAtUtc, clock), LocalDate.Of(c.ReviewedAtUtc, clock), c.OrganizationOpinion, [.. itemsByChecklist[c.Id]]))],
            activities,
            unitCounts,
            [.. orders.Select(o => new PrintRectificationOrder(
                o.UnitName,
                o.DeficiencyCode,
                o.OtherDeficiency,
                o.Description,
                o.Deadline,
                o.Status,
                o.VerifiedOn,
                RectificationRules.IsOverdue(o.Status, o.Deadline, today),
                -RectificationRules.DaysLeft(o.Deadline, today)))],
            AppraisalRules.StatusOf(appraisal is not null, appraisal?.OrganizationOpinion, appraisal?.FinalizedAtUtc),
            appraisal?.DutyReportSection,
            appraisal?.OrganizationOpinion,
            appraisal?.Grade,
            appraisal?.Commendation,
            LocalDate.Of(appraisal?.FinalizedAtUtc, clock));
    }

    private async Task<Result?> DecideAsync(int leaderId, int year, int version, AppraisalDecisionInput input, bool finalize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var target = await FindAsync(leaderId, year, cancellationToken);
        if (target is null)
        {
            return null;
        }

        if (!MayDecide(target))
        {
            throw new AccessDeniedException();
        }

        var (appraisal, refusal) = await LoadForWriteAsync(target, year, version, cancellationToken);
        if (refusal is not null)
        {
            return refusal.Failure ?? await ConflictAsync(target, year, AppraisalSection.Decision, input, cancellationToken);
        }

        var validation = await decisionValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return Result.Failure(validation);
        }

        if (finalize)
        {
            // The opinion is the secrecy office's: the one stored counts, not anything the cadre official could post.
            var gaps = AppraisalRules.MissingToFinalize(appraisal?.OrganizationOpinion, input.Grade);
            var errors = new List<FieldError>();
            if (gaps.HasFlag(AppraisalGap.OrganizationOpinion))
            {
                errors.Add(new FieldError("", l["Art. 9: \"the departments concerned shall hear the opinion of the secrecy organization of the leader's unit when appraising a leading cadre\". The secrecy organization has not given its opinion yet: the appraisal can be finalized once the secrecy office has entered it."]));
            }

            if (gaps.HasFlag(AppraisalGap.Grade))
            {
                errors.Add(new FieldError(nameof(AppraisalDecisionInput.Grade), l["Choose the appraisal grade before finalizing."]));
            }

            if (errors.Count > 0)
            {
                return Result.Failure([.. errors]);
            }
        }

        var isNew = appraisal is null;
        appraisal ??= Create(target, year);
        appraisal.Grade = input.Grade;
        appraisal.Commendation = Clean(input.Commendation);
        if (finalize)
        {
            appraisal.FinalizedAtUtc = clock.GetUtcNow().UtcDateTime;
            appraisal.FinalizedBy = user.UserName;
        }

        return await SaveAsync(appraisal, isNew, version, cancellationToken)
            ? Result.Success()
            : await ConflictAsync(target, year, AppraisalSection.Decision, input, cancellationToken);
    }

    private enum AppraisalSection
    {
        DutyReport,
        Opinion,
        Decision,
    }

    /// <summary>
    /// Saves the appraisal created now (refused as a conflict when someone created it meanwhile) or the one stored over the
    /// version the page was opened on. The three sections are one record: the opinion is heard before the grade (art. 9),
    /// so a grade given on an opinion that changed since is not saved unseen.
    /// </summary>
    private Task<bool> SaveAsync(Appraisal appraisal, bool isNew, int version, CancellationToken cancellationToken) =>
        isNew
            ? db.TrySaveNewAsync(ct => db.Appraisals.AnyAsync(a => a.LeaderId == appraisal.LeaderId && a.Year == appraisal.Year, ct), cancellationToken)
            : db.TrySaveOverAsync(appraisal, version, cancellationToken);

    /// <summary>The appraisal as stored now: the section the person wrote beside theirs, the other sections as stored.</summary>
    private async Task<Result> ConflictAsync(Target target, int year, AppraisalSection section, object? yours, CancellationToken cancellationToken)
    {
        var stored = await db.Appraisals.AsNoTracking().SingleOrDefaultAsync(a => a.LeaderId == target.LeaderId && a.Year == year, cancellationToken);
        var conflict = await db.ConflictAsync(stored is null ? VersionStamp.None : new VersionStamp(stored.Version, stored.SavedAtUtc, stored.SavedBy), cancellationToken);
        var reportLabel = l["How you carried out the secrecy work responsibility system this year"];
        var opinionLabel = l["Opinion of the unit's secrecy organization (art. 9)"];
        var gradeLabel = l["Appraisal grade"];
        var commendationLabel = l["Commendation or reward, if any (art. 10)"];

        // Each reader sees only what the page shows them: a leader never reads the opinion on himself or herself (docs/decisions/0009).
        if (section == AppraisalSection.DutyReport)
        {
            conflict.Field(reportLabel, stored?.DutyReportSection, yours);
        }
        else
        {
            conflict.Stored(reportLabel, stored?.DutyReportSection);
        }

        if (!target.IsOwn)
        {
            _ = section == AppraisalSection.Opinion
                ? conflict.Field(opinionLabel, stored?.OrganizationOpinion, yours)
                : conflict.Stored(opinionLabel, stored?.OrganizationOpinion);
        }

        if (section == AppraisalSection.Decision && yours is AppraisalDecisionInput decision)
        {
            conflict.Field(gradeLabel, stored?.Grade, decision.Grade).Field(commendationLabel, stored?.Commendation, decision.Commendation);
        }
        else if (!target.IsOwn)
        {
            conflict.Stored(gradeLabel, stored?.Grade).Stored(commendationLabel, stored?.Commendation);
        }

        return Result.Failure(conflict.Stored(l["Status"], AppraisalRules.StatusOf(stored is not null, stored?.OrganizationOpinion, stored?.FinalizedAtUtc)));
    }

    /// <summary>The secrecy office of the leader's jurisdiction, not merely anyone who can see the leader, and never on its own appraisal.</summary>
    private bool MayWriteOpinion(Target target) =>
        AppraisalAccess.CanWriteOrganizationOpinion(user) && target.InJurisdiction && !target.IsOwn;

    /// <summary>The cadre official of the leader's jurisdiction; nobody appraises himself or herself.</summary>
    private bool MayDecide(Target target) =>
        AppraisalAccess.CanDecide(user) && target.InJurisdiction && !target.IsOwn;

    /// <summary>
    /// The tracked appraisal (null: not yet written), or why it may not be written: a rule (<see cref="Refusal.Failure"/>),
    /// or someone else saved it after the page was opened on <paramref name="version"/> (a refusal without a failure: the
    /// caller reports the conflict).
    /// </summary>
    private async Task<(Appraisal? Appraisal, Refusal? Refusal)> LoadForWriteAsync(Target target, int year, int version, CancellationToken cancellationToken)
    {
        var appraisal = await db.Appraisals.SingleOrDefaultAsync(a => a.LeaderId == target.LeaderId && a.Year == year, cancellationToken);
        if (!Versions.Allows(appraisal?.Version, version))
        {
            return (appraisal, new Refusal(null));
        }

        if (appraisal?.FinalizedAtUtc is not null)
        {
            return (appraisal, new Refusal(Result.Failure(new FieldError("", l["This appraisal is finalized: it can no longer be changed."]))));
        }

        if (appraisal is null && !target.PostedDuringYear)
        {
            return (null, new Refusal(Result.Failure(new FieldError("", l["{0} held no posting in {1}: there is nothing to appraise for that year.", target.Name, year]))));
        }

        return (appraisal, null);
    }

    /// <summary>Why an appraisal may not be written: a rule's failure, or (null) a conflict.</summary>
    private sealed record Refusal(Result? Failure);

    /// <summary>The appraisal is created on its first save, in the unit that keeps the leader's record.</summary>
    private Appraisal Create(Target target, int year)
    {
        var appraisal = new Appraisal { LeaderId = target.LeaderId, UnitId = target.UnitId, Year = year };
        db.Appraisals.Add(appraisal);
        return appraisal;
    }

    /// <summary>The leader as the current account may see him or her for <paramref name="year"/>; null when not visible.</summary>
    private async Task<Target?> FindAsync(int leaderId, int year, CancellationToken cancellationToken)
    {
        if (!AppraisalRules.IsAppraisableYear(year, Today))
        {
            return null;
        }

        var own = await OwnLeaderIdAsync(cancellationToken);
        var visible = jurisdiction.UnitIds();
        var (start, end) = YearBounds(year);
        return await VisibleLeaders(own)
            .Where(x => x.Id == leaderId)
            .Select(x => new Target(
                x.Id,
                x.Name,
                x.StaffNumber,
                x.Rank,
                x.UnitId,
                x.Unit!.Name,
                visible.Any(v => v == x.UnitId),
                x.Id == own,
                x.Postings.Any(p => p.From <= end && (p.To == null || p.To >= start))))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The leader linked to the current account (<c>AppUser.LeaderId</c>), or 0.</summary>
    private async Task<int> OwnLeaderIdAsync(CancellationToken cancellationToken)
    {
        if (!user.IsAuthenticated || user.UserId is not { } userId)
        {
            return 0;
        }

        return await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.LeaderId).SingleOrDefaultAsync(cancellationToken) ?? 0;
    }

    /// <summary>The leaders whose appraisals the account reads (<see cref="AppraisalAccess.ReadableLeaders"/>); any other is missing (404).</summary>
    private IQueryable<Leader> VisibleLeaders(int ownLeaderId) => AppraisalAccess.ReadableLeaders(db, jurisdiction, user, ownLeaderId);

    private IQueryable<AppraisalPosting> PostingsDuring(int leaderId, int year)
    {
        var (start, end) = YearBounds(year);
        return db.Postings.AsNoTracking()
            .Where(p => p.LeaderId == leaderId && p.From <= end && (p.To == null || p.To >= start))
            .OrderBy(p => p.From)
            .ThenBy(p => p.Id)
            .Select(p => new AppraisalPosting(p.UnitId, p.Unit!.Name, p.Role, p.Title, p.Portfolio, p.From, p.To));
    }

    /// <summary>
    /// The leaders the list shows: active leaders in scope of the measure (art. 2) with a posting that held during the
    /// year, and any leader who already has an appraisal for the year (it stays listed once written).
    /// </summary>
    private IQueryable<Leader> Filtered(AppraisalFilter filter, int year, int ownLeaderId)
    {
        var (start, end) = YearBounds(year);
        var appraisals = db.Appraisals.Where(a => a.Year == year);

        // Art. 2 is judged per posting (LeaderScope.PostingInScope, in SQL): a leader is appraised here for a year in
        // which a posting in scope held.
        var inScopeHolders = db.Postings.Where(LeaderScope.PostingInScope)
            .Where(p => p.From <= end && (p.To == null || p.To >= start))
            .Select(p => p.LeaderId);
        var leaders = VisibleLeaders(ownLeaderId).Where(x =>
            appraisals.Any(a => a.LeaderId == x.Id)
            || (x.IsActive && inScopeHolders.Contains(x.Id)));

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim();
            leaders = leaders.Where(x => x.Name.Contains(term) || x.StaffNumber.Contains(term));
        }

        if (filter.UnitId is { } unitId)
        {
            leaders = leaders.Where(x => x.UnitId == unitId);
        }

        return filter.Status switch
        {
            AppraisalStatus.None => leaders.Where(x => !appraisals.Any(a => a.LeaderId == x.Id)),
            AppraisalStatus.Draft => leaders.Where(x => appraisals.Any(a => a.LeaderId == x.Id && a.FinalizedAtUtc == null && a.OrganizationOpinion == null)),
            AppraisalStatus.OpinionGiven => leaders.Where(x => appraisals.Any(a => a.LeaderId == x.Id && a.FinalizedAtUtc == null && a.OrganizationOpinion != null)),
            AppraisalStatus.Finalized => leaders.Where(x => appraisals.Any(a => a.LeaderId == x.Id && a.FinalizedAtUtc != null)),
            _ => leaders,
        };
    }

    /// <summary>The leaders with their appraisal of the year (a left join), sorted, paged when <paramref name="take"/> is given.</summary>
    private async Task<List<AppraisalListItem>> RowsAsync(IQueryable<Leader> leaders, int year, AppraisalSort sort, SortDirection direction, int skip, int? take, CancellationToken cancellationToken)
    {
        var joined =
            from x in leaders
            join a in db.Appraisals.Where(a => a.Year == year) on x.Id equals a.LeaderId into found
            from a in found.DefaultIfEmpty()
            select new { Leader = x, Appraisal = a };
        var ordered = sort switch
        {
            AppraisalSort.Unit => joined.OrderBy(r => r.Leader.Unit!.Name, direction).ThenBy(r => r.Leader.Name),
            _ => joined.OrderBy(r => r.Leader.Name, direction),
        };

        // A total order, so that pages neither repeat nor skip a leader.
        var rows = ordered.ThenBy(r => r.Leader.Id).Skip(skip);
        if (take is { } count)
        {
            rows = rows.Take(count);
        }

        var selected = await rows
            .Select(r => new
            {
                r.Leader.Id,
                r.Leader.Name,
                r.Leader.StaffNumber,
                r.Leader.Rank,
                UnitName = r.Leader.Unit!.Name,
                Exists = r.Appraisal != null,
                OrganizationOpinion = r.Appraisal != null ? r.Appraisal.OrganizationOpinion : null,
                Grade = r.Appraisal != null ? r.Appraisal.Grade : null,
                FinalizedAtUtc = r.Appraisal != null ? r.Appraisal.FinalizedAtUtc : null,
            })
            .ToListAsync(cancellationToken);
        return [.. selected.Select(r => new AppraisalListItem(
            r.Id,
            r.Name,
            r.StaffNumber,
            r.Rank,
            r.UnitName,
            AppraisalRules.StatusOf(r.Exists, r.OrganizationOpinion, r.FinalizedAtUtc),
            r.Grade,
            LocalDate.Of(r.FinalizedAtUtc, clock)))];
    }

    private int ListYear(int? year) => year is { } y && AppraisalRules.IsAppraisableYear(y, Today) ? y : Today.Year;

    private static (DateOnly Start, DateOnly End) YearBounds(int year) => (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private sealed record Target(
        int LeaderId,
        string Name,
        string StaffNumber,
        LeaderRank Rank,
        int UnitId,
        string UnitName,
        bool InJurisdiction,
        bool IsOwn,
        bool PostedDuringYear);
}
