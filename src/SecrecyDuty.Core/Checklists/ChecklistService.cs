using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Leaders;

namespace SecrecyDuty.Core.Checklists;

/// <summary>
/// Duty checklists (arts. 4–7, 9): one per posting and year, generated from the current regulation's catalogue;
/// the posting's leader works through it and submits it; the secrecy office (secrecy officers and
/// administrators of the jurisdiction) reviews it with the secrecy organization's opinion, or returns it.
/// The leader always reads his or her own; the roles that review or oversee checklists read those of their
/// jurisdiction; among unit leaders only the unit's principal leader reads a colleague's, as the team's progress (art. 5),
/// without the secrecy organization's opinion (<see cref="ChecklistAccess"/>).
/// </summary>
public sealed class ChecklistService(
    ISecrecyDutyDb db,
    Jurisdiction jurisdiction,
    ICurrentUser user,
    IValidator<ChecklistInput> validator,
    IValidator<ChecklistReviewInput> reviewValidator,
    IValidator<GenerateChecklistsInput> generateValidator,
    IStringLocalizer<Messages> l,
    TimeProvider clock)
{
    public int CurrentYear => LocalDate.Today(clock).Year;

    /// <summary>
    /// The posting's checklist for <paramref name="year"/>, generated first when there is none and the account may
    /// write it (the posting's leader, or the secrecy office of its unit). Null when the posting is not readable.
    /// Generating writes, so only a POST calls this; a GET reads through <see cref="GetAsync"/>.
    /// </summary>
    public Task<ChecklistView?> OpenAsync(int postingId, int year, CancellationToken cancellationToken = default) =>
        LoadAsync(postingId, year, generate: true, cancellationToken);

    /// <summary>As <see cref="OpenAsync"/> but never generates: what a GET shows, and a form shown again after an error.</summary>
    public Task<ChecklistView?> GetAsync(int postingId, int year, CancellationToken cancellationToken = default) =>
        LoadAsync(postingId, year, generate: false, cancellationToken);

    /// <summary>
    /// The leader saves the items, over the <paramref name="version"/> of the checklist the page was opened on (a conflict
    /// when someone else saved it since). Null when the checklist is not readable (or not generated); refused (403) to
    /// anyone but the posting's leader; a failure when it is submitted or reviewed.
    /// </summary>
    public async Task<Result?> SaveAsync(int postingId, int year, int version, ChecklistInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var checklist = await FindForLeaderAsync(postingId, year, cancellationToken);
        if (checklist is null)
        {
            return null;
        }

        if (!Versions.Allows(checklist.Version, version))
        {
            return await ItemsConflictAsync(checklist.Id, input, cancellationToken);
        }

        var errors = await CheckEditAsync(checklist, input, cancellationToken);
        if (errors is not null)
        {
            return errors;
        }

        Apply(checklist, input);

        // The items are the checklist's own rows: a change of them alone raises its version.
        return await db.TrySaveOverAsync(checklist, version, cancellationToken) ? Result.Success() : await ItemsConflictAsync(checklist.Id, input, cancellationToken);
    }

    /// <summary>
    /// The leader saves the items and submits the checklist: refused while an item is not started (the message
    /// lists their codes), and then nothing is saved.
    /// </summary>
    public async Task<Result?> SubmitAsync(int postingId, int year, int version, ChecklistInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var checklist = await FindForLeaderAsync(postingId, year, cancellationToken);
        if (checklist is null)
        {
            return null;
        }

        if (!Versions.Allows(checklist.Version, version))
        {
            return await ItemsConflictAsync(checklist.Id, input, cancellationToken);
        }

        var errors = await CheckEditAsync(checklist, input, cancellationToken);
        if (errors is not null)
        {
            return errors;
        }

        Apply(checklist, input);
        var notStarted = ChecklistRules.NotStarted(checklist.Items
            .OrderBy(i => i.DutyItem!.SortOrder)
            .Select(i => (i.DutyItem!.Code, i.Status)));
        if (notStarted.Count > 0)
        {
            return Result.Failure(new FieldError("", l["Set the status of every item before submitting. Not started yet: {0}.", string.Join(", ", notStarted)]));
        }

        checklist.Status = ChecklistStatus.Submitted;
        checklist.SubmittedAtUtc = clock.GetUtcNow().UtcDateTime;
        return await db.TrySaveOverAsync(checklist, version, cancellationToken) ? Result.Success() : await ItemsConflictAsync(checklist.Id, input, cancellationToken);
    }

    /// <summary>
    /// The secrecy office reviews a submitted checklist (final) or returns it to the leader (editable again), with the
    /// secrecy organization's opinion. Refused (403) to other roles and to the posting's own leader; null outside
    /// the jurisdiction.
    /// </summary>
    public async Task<Result?> ReviewAsync(int postingId, int year, int version, ChecklistReviewInput input, ChecklistDecision decision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ChecklistAccess.RequireReviewer(user);
        var visible = jurisdiction.UnitIds();
        var checklist = await db.DutyChecklists
            .Include(c => c.Posting)
            .Where(c => c.PostingId == postingId && c.Year == year && visible.Contains(c.UnitId))
            .SingleOrDefaultAsync(cancellationToken);
        if (checklist is null)
        {
            return null;
        }

        // Nobody gives the secrecy organization's opinion on his or her own checklist.
        if (await MyLeaderIdAsync(cancellationToken) == checklist.Posting!.LeaderId)
        {
            throw new AccessDeniedException();
        }

        if (!Versions.Allows(checklist.Version, version))
        {
            return await ReviewConflictAsync(checklist.Id, input, cancellationToken);
        }

        var validation = await reviewValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return Result.Failure(validation);
        }

        if (!ChecklistRules.CanBeReviewed(checklist.Status))
        {
            return Result.Failure(new FieldError("", StateMessage(checklist.Status)));
        }

        checklist.Status = decision == ChecklistDecision.Returned ? ChecklistStatus.Returned : ChecklistStatus.Reviewed;
        checklist.OrganizationOpinion = input.Opinion!.Trim();
        checklist.ReviewedAtUtc = clock.GetUtcNow().UtcDateTime;
        checklist.ReviewedBy = user.UserName;
        return await db.TrySaveOverAsync(checklist, version, cancellationToken) ? Result.Success() : await ReviewConflictAsync(checklist.Id, input, cancellationToken);
    }

    /// <summary>The checklist as stored now beside the leader's form: its status, and each item whose entry differs from the form's.</summary>
    private async Task<Result> ItemsConflictAsync(int checklistId, ChecklistInput yours, CancellationToken cancellationToken)
    {
        var (stored, conflict) = await StoredAsync(checklistId, cancellationToken);
        conflict.Stored(l["Status"], stored.Status);
        var rows = yours.Items.ToDictionary(r => r.ItemId);
        foreach (var item in stored.Items.OrderBy(i => i.DutyItem!.SortOrder))
        {
            if (!rows.TryGetValue(item.Id, out var row))
            {
                continue;
            }

            var code = item.DutyItem!.Code;
            conflict
                .FieldIfChanged($"{code} · {l["Status"]}", item.Status, row.Status)
                .FieldIfChanged($"{code} · {l["Self-assessment"]}", item.SelfAssessment, row.SelfAssessment)
                .FieldIfChanged($"{code} · {l["Reason, if the item does not apply"]}", item.NotApplicableReason, row.Status == ChecklistItemStatus.NotApplicable ? row.NotApplicableReason : null);
        }

        return Result.Failure(conflict);
    }

    /// <summary>The checklist as stored now beside the reviewer's opinion.</summary>
    private async Task<Result> ReviewConflictAsync(int checklistId, ChecklistReviewInput yours, CancellationToken cancellationToken)
    {
        var (stored, conflict) = await StoredAsync(checklistId, cancellationToken);
        return Result.Failure(conflict
            .Stored(l["Status"], stored.Status)
            .Field(l["The secrecy organization's opinion on the checklist"], stored.OrganizationOpinion, yours.Opinion));
    }

    private async Task<(DutyChecklist Checklist, EditConflict Conflict)> StoredAsync(int checklistId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var stored = await db.DutyChecklists.AsNoTracking()
            .Include(c => c.Items).ThenInclude(i => i.DutyItem)
            .SingleAsync(c => c.Id == checklistId, cancellationToken);
        return (stored, await db.ConflictAsync(new VersionStamp(stored.Version, stored.SavedAtUtc, stored.SavedBy), cancellationToken));
    }

    /// <summary>
    /// The secrecy office generates the missing checklists of a unit's postings for a year: one query finds the
    /// postings in scope (art. 2) holding during the year without one, one save writes them all. The value is how
    /// many were generated.
    /// </summary>
    public async Task<Result<int>> GenerateMissingAsync(GenerateChecklistsInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ChecklistAccess.RequireGenerator(user);

        var validation = await generateValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return Result<int>.Failure(validation);
        }

        if (!await jurisdiction.IncludesUnitAsync(input.UnitId, cancellationToken))
        {
            return Result<int>.Failure(new FieldError(nameof(GenerateChecklistsInput.UnitId), l["Choose a unit within your jurisdiction."]));
        }

        var catalogue = await ChecklistFactory.CurrentCatalogueAsync(db, cancellationToken);
        if (catalogue.Count == 0)
        {
            return Result<int>.Failure(new FieldError("", l["No regulation catalogue is loaded, so no checklist can be generated. Ask an administrator to load the regulation."]));
        }

        var year = input.Year;
        var (start, end) = (ChecklistRules.YearStart(year), ChecklistRules.YearEnd(year));
        var postings = await db.Postings.AsNoTracking()
            .Where(LeaderScope.PostingInScope)
            .Where(p => p.UnitId == input.UnitId && p.From <= end && (p.To == null || p.To >= start)
                && !db.DutyChecklists.Any(c => c.PostingId == p.Id && c.Year == year))
            .Select(p => new { p.Id, p.UnitId, p.Role, p.LeadsSecrecyWork })
            .ToListAsync(cancellationToken);
        if (postings.Count == 0)
        {
            return Result<int>.Success(0);
        }

        var added = postings.Select(p => db.DutyChecklists.Add(ChecklistFactory.New(p.Id, p.UnitId, p.Role, p.LeadsSecrecyWork, year, catalogue)).Entity).ToList();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone generated one of them meanwhile (unique posting and year): nothing of this batch is kept.
            added.ForEach(c => db.DutyChecklists.Remove(c));
            return Result<int>.Failure(new FieldError("", l["Some of these checklists were generated at the same time by someone else. Try again."]));
        }

        return Result<int>.Success(postings.Count);
    }

    private async Task<ChecklistView?> LoadAsync(int postingId, int year, bool generate, CancellationToken cancellationToken)
    {
        var me = await MyLeaderIdAsync(cancellationToken);
        var visible = jurisdiction.UnitIds();
        var found = await Readable(me).AsNoTracking()
            .Where(p => p.Id == postingId)
            .Select(p => new
            {
                p.Id,
                p.LeaderId,
                LeaderName = p.Leader!.Name,
                p.Leader.Rank,
                p.UnitId,
                UnitName = p.Unit!.Name,
                UnitKind = p.Unit.Kind,
                p.Unit.IsLargeOrMediumEnterprise,
                p.Role,
                p.LeadsSecrecyWork,
                p.Title,
                p.From,
                p.To,
                InJurisdiction = visible.Contains(p.UnitId),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var posting = new ChecklistPosting(
            found.Id,
            found.LeaderId,
            found.LeaderName,
            found.UnitId,
            found.UnitName,
            found.Role,
            found.LeadsSecrecyWork,
            LeaderScope.ReasonForPosting(found.Rank, found.UnitKind, found.IsLargeOrMediumEnterprise),
            found.Title,
            found.From,
            found.To);
        var isOwn = me == posting.LeaderId;
        var isReviewer = ChecklistAccess.CanReview(user) && found.InJurisdiction;
        var generation = ChecklistRules.CheckGeneration(year, posting.From, posting.To, LocalDate.Today(clock), posting.InScope);
        var details = Shown(await DetailsAsync(posting, year, cancellationToken), isOwn);
        if (details is null && generation == ChecklistGeneration.Allowed)
        {
            var catalogue = await ChecklistFactory.CurrentCatalogueAsync(db, cancellationToken);
            if (catalogue.Count == 0)
            {
                generation = ChecklistGeneration.CatalogueNotLoaded;
            }
            else if (generate && (isOwn || isReviewer))
            {
                await GenerateAsync(posting, year, catalogue, cancellationToken);
                details = Shown(await DetailsAsync(posting, year, cancellationToken), isOwn);
            }
        }

        return new ChecklistView(posting, year, details, generation, isOwn, isReviewer);
    }

    private async Task GenerateAsync(ChecklistPosting posting, int year, IReadOnlyList<CatalogueItemRef> catalogue, CancellationToken cancellationToken)
    {
        var checklist = db.DutyChecklists.Add(ChecklistFactory.New(posting.Id, posting.UnitId, posting.Role, posting.LeadsSecrecyWork, year, catalogue)).Entity;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Opened twice at once: the other request generated it (unique posting and year); show that one.
            db.DutyChecklists.Remove(checklist);
            if (!await db.DutyChecklists.AnyAsync(c => c.PostingId == posting.Id && c.Year == year, cancellationToken))
            {
                throw;
            }
        }
    }

    /// <summary>The checklist with its items and, in one query for the whole checklist, the evidence of each item.</summary>
    private async Task<ChecklistDetails?> DetailsAsync(ChecklistPosting posting, int year, CancellationToken cancellationToken)
    {
        var checklist = await db.DutyChecklists.AsNoTracking()
            .Where(c => c.PostingId == posting.Id && c.Year == year)
            .Select(c => new
            {
                c.Id,
                c.Status,
                RegulationTitle = db.Regulations.Where(r => r.Id == c.RegulationId).Select(r => r.Title).FirstOrDefault(),
                RegulationVersion = db.Regulations.Where(r => r.Id == c.RegulationId).Select(r => r.Version).FirstOrDefault(),
                c.SubmittedAtUtc,
                c.ReviewedAtUtc,
                c.ReviewedBy,
                c.OrganizationOpinion,
                c.Version,
                Items = c.Items
                    .OrderBy(i => i.DutyItem!.SortOrder)
                    .Select(i => new
                    {
                        i.Id,
                        i.DutyItem!.Code,
                        i.DutyItem.AppliesTo,
                        i.DutyItem.Text,
                        i.DutyItem.SummaryEn,
                        i.DutyItem.MinimumPerYear,
                        i.DutyItem.ExpectedPerYear,
                        i.Status,
                        i.NotApplicableReason,
                        i.SelfAssessment,
                    })
                    .ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (checklist is null)
        {
            return null;
        }

        var kinds = checklist.Items.SelectMany(i => ActivityKinds.ForDutyCode(i.Code)).Distinct().ToList();
        List<ChecklistEvidence> evidence = kinds.Count == 0 ? [] : await EvidenceAsync(posting, year, kinds, cancellationToken);
        var byCode = evidence.ToLookup(e => ActivityKinds.DutyCode(e.Kind), StringComparer.Ordinal);
        var items = checklist.Items.Select(i => new ChecklistItemView(
            i.Id,
            i.Code,
            i.AppliesTo,
            i.Text,
            i.SummaryEn,
            i.MinimumPerYear,
            i.ExpectedPerYear,
            i.Status,
            i.NotApplicableReason,
            i.SelfAssessment,
            [.. byCode[i.Code]])).ToList();
        return new ChecklistDetails(
            checklist.Id,
            checklist.Status,
            checklist.RegulationTitle ?? "",
            checklist.RegulationVersion ?? "",
            checklist.SubmittedAtUtc,
            checklist.ReviewedAtUtc,
            checklist.ReviewedBy,
            checklist.OrganizationOpinion,
            items,
            checklist.Version);
    }

    /// <summary>
    /// The activities recorded for the posting's unit on the days of the year the posting held, of the kinds that
    /// satisfy the checklist's items: an activity links itself to the items it satisfies.
    /// </summary>
    private Task<List<ChecklistEvidence>> EvidenceAsync(ChecklistPosting posting, int year, List<ActivityKind> kinds, CancellationToken cancellationToken)
    {
        var (start, end) = ChecklistRules.EvidencePeriod(posting.From, posting.To, year);
        return db.Activities.AsNoTracking()
            .Where(a => a.UnitId == posting.UnitId && a.Date >= start && a.Date <= end && kinds.Contains(a.Kind))
            .OrderBy(a => a.Date)
            .ThenBy(a => a.Id)
            .Select(a => new ChecklistEvidence(a.Id, a.Kind, a.Date, a.Title))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The checklist to change, for its leader: null when it does not exist or is not readable; refused when the
    /// account may read it but is not the posting's leader.
    /// </summary>
    private async Task<DutyChecklist?> FindForLeaderAsync(int postingId, int year, CancellationToken cancellationToken)
    {
        var me = await MyLeaderIdAsync(cancellationToken);
        var readable = Readable(me).Select(p => p.Id);
        var checklist = await db.DutyChecklists
            .Include(c => c.Posting)
            .Include(c => c.Items).ThenInclude(i => i.DutyItem)
            .Where(c => c.PostingId == postingId && c.Year == year && readable.Contains(c.PostingId))
            .SingleOrDefaultAsync(cancellationToken);
        if (checklist is not null && checklist.Posting!.LeaderId != me)
        {
            throw new AccessDeniedException();
        }

        return checklist;
    }

    private async Task<Result?> CheckEditAsync(DutyChecklist checklist, ChecklistInput input, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return Result.Failure(validation);
        }

        return ChecklistRules.IsEditable(checklist.Status) ? null : Result.Failure(new FieldError("", StateMessage(checklist.Status)));
    }

    private static void Apply(DutyChecklist checklist, ChecklistInput input)
    {
        var items = checklist.Items.ToDictionary(i => i.Id);
        foreach (var row in input.Items)
        {
            if (!items.TryGetValue(row.ItemId, out var item))
            {
                continue;
            }

            item.Status = row.Status;
            item.NotApplicableReason = row.Status == ChecklistItemStatus.NotApplicable ? row.NotApplicableReason?.Trim() : null;
            item.SelfAssessment = string.IsNullOrWhiteSpace(row.SelfAssessment) ? null : row.SelfAssessment.Trim();
        }
    }

    private string StateMessage(ChecklistStatus status) => status switch
    {
        ChecklistStatus.Submitted => l["This checklist is submitted: it can be changed only if the secrecy organization returns it."],
        ChecklistStatus.Reviewed => l["This checklist is reviewed and final: it can no longer be changed."],
        _ => l["Only a submitted checklist can be reviewed or returned."],
    };

    private Task<int?> MyLeaderIdAsync(CancellationToken cancellationToken) => ChecklistLeader.IdAsync(db, user, cancellationToken);

    /// <summary>The postings whose checklists the account reads (<see cref="ChecklistAccess"/>); any other is missing (404).</summary>
    private IQueryable<Posting> Readable(int? me) =>
        ChecklistAccess.ReadablePostings(db, jurisdiction, user, me, LocalDate.Today(clock));

    /// <summary>
    /// The secrecy organization's opinion is its opinion on the leader: a principal leader reading a colleague's
    /// checklist as the team's progress (art. 5) does not see it (docs/decisions/0009-appraisal-visibility.md).
    /// </summary>
    private ChecklistDetails? Shown(ChecklistDetails? details, bool isOwn) =>
        details is null || isOwn || ChecklistAccess.CanReadJurisdiction(user) ? details : details with { OrganizationOpinion = null };
}
