using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Core.Proposals;

/// <summary>
/// Art. 17 proposals: the secrecy office proposes commendations and sanctions of leaders to the organ holding
/// cadre-management authority; its cadre officials record the feedback. Lists are filtered and paged in SQL.
/// </summary>
public sealed class ProposalService(
    ISecrecyDutyDb db,
    Jurisdiction jurisdiction,
    ICurrentUser user,
    IValidator<ProposalInput> proposalValidator,
    IValidator<ProposalFeedbackInput> feedbackValidator,
    ProposalSettings settings,
    LeaderLookupService leaders,
    UnitLookupService units,
    IStringLocalizer<Messages> l,
    TimeProvider clock)
{
    public DateOnly Today => LocalDate.Today(clock);

    public bool CanPropose => ProposalAccess.CanPropose(user);

    public int FeedbackDays => settings.FeedbackDays;

    public async Task<PagedList<ProposalListItem>> ListAsync(ProposalFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ProposalAccess.RequireProposalReader(user);
        (page, pageSize) = Paging.Normalize(page, pageSize);
        var query = Filtered(filter);
        var total = await query.CountAsync(cancellationToken);
        var items = await Project(query.OrderByDescending(p => p.SentOn).ThenByDescending(p => p.Id).Skip((page - 1) * pageSize).Take(pageSize))
            .ToListAsync(cancellationToken);
        return new PagedList<ProposalListItem>(items, page, pageSize, total);
    }

    public async Task<IReadOnlyList<ProposalListItem>> ExportAsync(ProposalFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ProposalAccess.RequireProposalReader(user);
        return await Project(Filtered(filter).OrderByDescending(p => p.SentOn).ThenByDescending(p => p.Id)).ToListAsync(cancellationToken);
    }

    /// <summary>The proposal; null when it does not exist or lies outside the jurisdiction.</summary>
    public async Task<ProposalDetails?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        ProposalAccess.RequireProposalReader(user);
        var visible = jurisdiction.UnitIds();
        var today = Today;
        var canFeedback = ProposalAccess.CanRecordFeedback(user);
        var found = await db.Proposals.AsNoTracking()
            .Where(p => p.Id == id && visible.Contains(p.UnitId))
            .Select(p => new
            {
                p.Id,
                p.Kind,
                p.LeaderId,
                LeaderName = p.Leader!.Name,
                Unit = new InspectionUnit(p.UnitId, p.Unit!.Code, p.Unit!.Name),
                p.Body,
                BodyUnit = new InspectionUnit(p.BodyUnitId, p.BodyUnit!.Code, p.BodyUnit!.Name),
                p.Recipient,
                p.Basis,
                p.BasisDescription,
                p.IncidentId,
                p.Content,
                p.DocumentNumber,
                p.SentOn,
                p.FeedbackDueOn,
                p.Feedback,
                p.FeedbackOn,
                p.FeedbackRecordedBy,
                p.CreatedBy,
                p.Version,
            })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : new ProposalDetails(
            found.Id,
            found.Kind,
            found.LeaderId,
            found.LeaderName,
            found.Unit,
            found.Body,
            found.BodyUnit,
            found.Recipient,
            found.Basis,
            found.BasisDescription,
            found.Content,
            found.DocumentNumber,
            found.SentOn,
            found.FeedbackDueOn,
            found.Feedback,
            found.FeedbackOn,
            found.FeedbackRecordedBy,
            found.CreatedBy,
            ProposalRules.StateOn(found.FeedbackOn, found.FeedbackDueOn, today),
            canFeedback && found.FeedbackOn is null,
            Incidents.IncidentAccess.CanReadIncidents(user) ? found.IncidentId : null,
            found.Version);
    }

    /// <summary>
    /// A new proposal's form: sent today, by the secrecy department of the account's own unit, about
    /// <paramref name="leaderId"/> if given. From an incident file (art. 17 after arts. 11–16): a sanction proposal resting
    /// on it, about its only leader if it has one.
    /// </summary>
    public async Task<ProposalForm> NewAsync(int? leaderId, int? incidentId = null, CancellationToken cancellationToken = default)
    {
        ProposalAccess.RequireProposer(user);
        var input = new ProposalInput { LeaderId = leaderId ?? 0, Body = ProposingBody.SecrecyDepartment, BodyUnitId = user.UnitId ?? 0, SentOn = Today };
        if (incidentId is { } id && await IncidentLeadersAsync(id, cancellationToken) is { } fileLeaders)
        {
            input.IncidentId = id;
            input.Kind = ProposalKind.Sanction;
            input.Basis = ProposalBasis.Incident;
            input.BasisDescription = l["Incident file No. {0}", id];
            if (input.LeaderId == 0 && fileLeaders.Count == 1)
            {
                input.LeaderId = fileLeaders[0];
            }
        }

        return await FormAsync(input, cancellationToken);
    }

    /// <summary>The form again with what was entered (after errors), the chosen leader and unit looked up within the jurisdiction.</summary>
    public async Task<ProposalForm> FormAsync(ProposalInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var leader = input.LeaderId > 0 ? await leaders.FindAsync(input.LeaderId, cancellationToken) : null;
        var unit = input.BodyUnitId > 0 ? await units.FindAsync(input.BodyUnitId, UnitLookupScope.Jurisdiction, cancellationToken) : null;
        return new ProposalForm(input, leader, unit, settings.FeedbackDays);
    }

    /// <summary>Records a proposal sent; the value is its id.</summary>
    public async Task<Result<int>> CreateAsync(ProposalInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ProposalAccess.RequireProposer(user);
        var validation = await proposalValidator.ValidateAsync(input, cancellationToken);
        var errors = validation.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)).ToList();
        var visible = jurisdiction.UnitIds();
        var leader = input.LeaderId > 0
            ? await db.Leaders.AsNoTracking().Where(x => x.Id == input.LeaderId && x.IsActive && visible.Contains(x.UnitId)).Select(x => new { x.Id, x.UnitId }).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (input.LeaderId > 0 && leader is null)
        {
            errors.Add(new FieldError(nameof(ProposalInput.LeaderId), l["Choose an active leader within your jurisdiction."]));
        }

        if (input.IncidentId is { } incidentId)
        {
            var fileLeaders = await IncidentLeadersAsync(incidentId, cancellationToken);
            if (fileLeaders is null)
            {
                errors.Add(new FieldError(nameof(ProposalInput.IncidentId), l["The incident file is not open to you, or not decided yet."]));
            }
            else if (leader is not null && !fileLeaders.Contains(leader.Id))
            {
                errors.Add(new FieldError(nameof(ProposalInput.LeaderId), l["Choose a leader who is a person of the incident file."]));
            }

            if (input.Kind is ProposalKind.Commendation || input.Basis is not null and not ProposalBasis.Incident)
            {
                errors.Add(new FieldError(nameof(ProposalInput.Basis), l["A proposal resting on an incident file is a sanction proposal with the incident as its basis."]));
            }
        }

        if (input.BodyUnitId > 0 && !await db.Units.AnyAsync(u => u.Id == input.BodyUnitId && u.IsActive && visible.Contains(u.Id), cancellationToken))
        {
            errors.Add(new FieldError(nameof(ProposalInput.BodyUnitId), l["Choose the active unit of the proposing body, within your jurisdiction."]));
        }
        else if (leader is not null && input.Body is { } body && input.BodyUnitId > 0 && !ProposalRules.BodyFits(body, input.BodyUnitId, leader.UnitId))
        {
            errors.Add(new FieldError(nameof(ProposalInput.BodyUnitId), l["A unit's secrecy organization proposes about the leaders of its own unit (art. 17)."]));
        }

        if (errors.Count > 0)
        {
            return Result<int>.Failure([.. errors]);
        }

        var sentOn = input.SentOn!.Value;
        var proposal = new Proposal
        {
            Kind = input.Kind!.Value,
            LeaderId = leader!.Id,
            UnitId = leader.UnitId,
            Body = input.Body!.Value,
            BodyUnitId = input.BodyUnitId,
            Recipient = input.Recipient.Trim(),
            Basis = input.Basis!.Value,
            BasisDescription = input.BasisDescription.Trim(),
            IncidentId = input.IncidentId,
            Content = input.Content.Trim(),
            DocumentNumber = Text.Clean(input.DocumentNumber),
            SentOn = sentOn,
            FeedbackDueOn = input.FeedbackDueOn ?? ProposalRules.DefaultFeedbackDue(sentOn, settings.FeedbackDays),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            CreatedBy = Actor(),
        };
        db.Proposals.Add(proposal);
        await db.SaveChangesAsync(cancellationToken);
        return Result<int>.Success(proposal.Id);
    }

    /// <summary>The leaders (ids) of a decided incident file the account opens; null when it does not open it or the file is not decided.</summary>
    private async Task<IReadOnlyList<int>?> IncidentLeadersAsync(int incidentId, CancellationToken cancellationToken)
    {
        var openable = Incidents.IncidentAccess.Openable(db.Incidents, user, jurisdiction.UnitIds());
        var found = await openable.AnyAsync(i => i.Id == incidentId && (i.Status == Incidents.IncidentStatus.Decided || i.Status == Incidents.IncidentStatus.Closed), cancellationToken);
        if (!found)
        {
            return null;
        }

        return await db.IncidentPersons.Where(p => p.IncidentId == incidentId && p.PostingId != null).Select(p => p.Posting!.LeaderId).Distinct().ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Records the cadre-management organ's feedback, once, on the proposal as it stood at the <paramref name="version"/> the
    /// page showed (a conflict when someone else saved it since); null when the proposal is not there for the account.
    /// </summary>
    public async Task<Result?> RecordFeedbackAsync(int id, int version, ProposalFeedbackInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ProposalAccess.RequireFeedbackRecorder(user);
        var visible = jurisdiction.UnitIds();
        var proposal = await db.Proposals.SingleOrDefaultAsync(p => p.Id == id && visible.Contains(p.UnitId), cancellationToken);
        if (proposal is null)
        {
            return null;
        }

        if (!Versions.Allows(proposal.Version, version))
        {
            return await FeedbackConflictAsync(id, input, cancellationToken);
        }

        if (proposal.FeedbackOn is not null)
        {
            return Result.Failure(new FieldError("", l["The feedback of this proposal is already recorded."]));
        }

        var validation = await feedbackValidator.ValidateAsync(input, cancellationToken);
        var errors = validation.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)).ToList();
        if (input.FeedbackOn is { } on && on < proposal.SentOn)
        {
            errors.Add(new FieldError(nameof(ProposalFeedbackInput.FeedbackOn), l["The feedback cannot come before the proposal was sent ({0}).", proposal.SentOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]));
        }

        if (errors.Count > 0)
        {
            return Result.Failure([.. errors]);
        }

        proposal.Feedback = input.Feedback.Trim();
        proposal.FeedbackOn = input.FeedbackOn;
        proposal.FeedbackRecordedBy = Actor();
        return await db.TrySaveOverAsync(proposal, version, cancellationToken) ? Result.Success() : await FeedbackConflictAsync(id, input, cancellationToken);
    }

    /// <summary>The proposal's feedback as stored now beside the form's: nothing was saved.</summary>
    private async Task<Result> FeedbackConflictAsync(int id, ProposalFeedbackInput yours, CancellationToken cancellationToken)
    {
        var stored = await db.Proposals.AsNoTracking().SingleAsync(p => p.Id == id, cancellationToken);
        var conflict = await db.ConflictAsync(new VersionStamp(stored.Version, stored.SavedAtUtc, stored.SavedBy), cancellationToken);
        return Result.Failure(conflict
            .Stored(l["Feedback due"], stored.FeedbackDueOn)
            .Field(l["Feedback received"], stored.Feedback, yours.Feedback)
            .Field(l["Feedback on"], stored.FeedbackOn, yours.FeedbackOn));
    }

    /// <summary>The dashboards' card; null for an account that reads no proposal.</summary>
    public async Task<ProposalWork?> WorkAsync(int take, CancellationToken cancellationToken = default)
    {
        if (!ProposalAccess.CanReadProposals(user))
        {
            return null;
        }

        var visible = jurisdiction.UnitIds();
        var today = Today;
        var open = db.Proposals.AsNoTracking().Where(p => visible.Contains(p.UnitId) && p.FeedbackOn == null);
        var openCount = await open.CountAsync(cancellationToken);
        var overdue = open.Where(p => p.FeedbackDueOn < today);
        var overdueCount = await overdue.CountAsync(cancellationToken);
        var most = await overdue.OrderBy(p => p.FeedbackDueOn).ThenBy(p => p.Id).Take(take)
            .Select(p => new { p.Id, p.Kind, LeaderName = p.Leader!.Name, UnitName = p.Unit!.Name, p.FeedbackDueOn })
            .ToListAsync(cancellationToken);
        return new ProposalWork(openCount, overdueCount, [.. most.Select(p => new OverdueProposal(p.Id, p.Kind, p.LeaderName, p.UnitName, p.FeedbackDueOn, today.DayNumber - p.FeedbackDueOn.DayNumber))]);
    }

    private IQueryable<Proposal> Filtered(ProposalFilter filter)
    {
        var visible = jurisdiction.UnitIds();
        var today = Today;
        var query = db.Proposals.AsNoTracking().Where(p => visible.Contains(p.UnitId));
        if (filter.Kind is { } kind)
        {
            query = query.Where(p => p.Kind == kind);
        }

        if (filter.Year is { } year)
        {
            var first = new DateOnly(year, 1, 1);
            var last = new DateOnly(year, 12, 31);
            query = query.Where(p => p.SentOn >= first && p.SentOn <= last);
        }

        return filter.State switch
        {
            ProposalState.Answered => query.Where(p => p.FeedbackOn != null),
            ProposalState.FeedbackOverdue => query.Where(p => p.FeedbackOn == null && p.FeedbackDueOn < today),
            ProposalState.AwaitingFeedback => query.Where(p => p.FeedbackOn == null && p.FeedbackDueOn >= today),
            _ => query,
        };
    }

    private IQueryable<ProposalListItem> Project(IQueryable<Proposal> query)
    {
        var today = Today;
        return query.Select(p => new ProposalListItem(
            p.Id,
            p.Kind,
            p.Leader!.Name,
            new InspectionUnit(p.UnitId, p.Unit!.Code, p.Unit!.Name),
            p.Body,
            p.Recipient,
            p.Basis,
            p.SentOn,
            p.FeedbackDueOn,
            p.FeedbackOn,
            p.FeedbackOn != null ? ProposalState.Answered : p.FeedbackDueOn < today ? ProposalState.FeedbackOverdue : ProposalState.AwaitingFeedback));
    }

    private string Actor() => user.UserName ?? user.UserId ?? "";
}
