using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Incidents.Sanctions;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Core.Proposals;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Core.Incidents;

/// <summary>
/// Incident files: the secrecy office registers them and takes them through investigation to discipline review; the
/// discipline officials decide and close. Reading is checked in SQL: the jurisdiction and the role, or a grant on the file
/// (need to know, or a leader asked for a statement); every opening is recorded. The persons involved and the decisions
/// on them are <see cref="IncidentPersonService"/>'s.
/// </summary>
public sealed class IncidentService(
    ISecrecyDutyDb db,
    Jurisdiction jurisdiction,
    ICurrentUser user,
    IValidator<IncidentInput> validator,
    IValidator<IncidentAssessmentInput> assessmentValidator,
    IValidator<IncidentGrantInput> grantValidator,
    IncidentSettings settings,
    SanctionRegulation regulation,
    UnitLookupService units,
    IStringLocalizer<Messages> l,
    TimeProvider clock)
{
    /// <summary>The most rows an export holds: more is a sign the filter is missing.</summary>
    public const int ExportLimit = 10_000;

    public bool CanRegister => IncidentAccess.CanRegister(user);

    public int ReportingHours => settings.ReportingHours;

    /// <summary>The files the account may open, the latest discovered first; a unit leader sees only files naming the leader.</summary>
    public async Task<PagedList<IncidentListItem>> ListAsync(IncidentFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        (page, pageSize) = Paging.Normalize(page, pageSize);
        var query = Filtered(filter);
        var total = await query.CountAsync(cancellationToken);
        var rows = await Rows(query.OrderByDescending(i => i.DiscoveredAtUtc).ThenByDescending(i => i.Id).Skip((page - 1) * pageSize).Take(pageSize), cancellationToken);
        return new PagedList<IncidentListItem>(rows, page, pageSize, total);
    }

    /// <summary>The list as filtered, for export (at most <see cref="ExportLimit"/> rows).</summary>
    public Task<IReadOnlyList<IncidentListItem>> ExportAsync(IncidentFilter filter, CancellationToken cancellationToken = default) =>
        Rows(Filtered(filter).OrderByDescending(i => i.DiscoveredAtUtc).ThenByDescending(i => i.Id).Take(ExportLimit), cancellationToken);

    /// <summary>Opens a file and records who opened it, and when; null when the account may not open it (as if it did not exist).</summary>
    public async Task<IncidentDetails?> OpenAsync(int id, CancellationToken cancellationToken = default)
    {
        var incident = await Openable().AsNoTracking()
            .Where(i => i.Id == id)
            .Select(i => new
            {
                i.Id,
                i.Title,
                Unit = new InspectionUnit(i.UnitId, i.Unit!.Code, i.Unit!.Name),
                i.OccurredOn,
                i.DiscoveredAtUtc,
                i.ReportedToSecrecyDepartmentAtUtc,
                i.ReportedToSuperiorAtUtc,
                i.Classification,
                i.LeakType,
                i.Carrier,
                i.Description,
                i.AggravatingFacts,
                i.Severity,
                i.Loss,
                i.IllegalGainsConfiscated,
                i.RemedialMeasures,
                i.Status,
                i.RestrictedToNamedAccounts,
                i.CreatedBy,
                i.Version,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (incident is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.IncidentOpenings.Add(new IncidentOpening { IncidentId = id, UserId = user.UserId ?? "", UserName = user.UserName ?? user.UserId ?? "", AtUtc = now });
        await db.SaveChangesAsync(cancellationToken);

        var readsByRole = IncidentAccess.CanReadIncidents(user);
        var findings = await LinkedFindingsAsync(id, cancellationToken);
        var persons = await PersonsAsync(db, id, cancellationToken);
        var guidance = readsByRole
            ? IncidentSanctions.GuidanceByPerson(
                incident.Classification,
                incident.Severity,
                incident.Loss,
                incident.AggravatingFacts,
                [.. findings.Where(f => f.DeficiencyCode is not null).Select(f => f.DeficiencyCode!)],
                [.. persons.Select(p => p.Facts)],
                regulation.Definition)
            : new Dictionary<int, PersonGuidance>();

        // A leader named for a statement reads the facts, not the deliberation: no guidance, decisions, proposals or log.
        var views = persons.Select(p => p.View(guidance.GetValueOrDefault(p.Id), readsByRole)).ToList();
        var history = await db.IncidentTransitions.AsNoTracking().Where(t => t.IncidentId == id).OrderBy(t => t.AtUtc).ThenBy(t => t.Id)
            .Select(t => new IncidentStep(t.Action, t.ToStatus, t.AtUtc, t.By, t.Note)).ToListAsync(cancellationToken);
        IReadOnlyList<IncidentOpened> openings = readsByRole
            ? await db.IncidentOpenings.AsNoTracking().Where(o => o.IncidentId == id).OrderByDescending(o => o.AtUtc).ThenByDescending(o => o.Id).Take(20)
                .Select(o => new IncidentOpened(o.UserName, o.AtUtc)).ToListAsync(cancellationToken)
            : [];
        IReadOnlyList<IncidentGrantee> grantees = readsByRole
            ? await db.Users.AsNoTracking().Where(u => db.IncidentGrants.Any(g => g.IncidentId == id && g.UserId == u.Id))
                .OrderBy(u => u.UserName)
                .Select(u => new IncidentGrantee(u.Id, u.UserName ?? "", u.DisplayName)).ToListAsync(cancellationToken)
            : [];
        var today = LocalDate.Today(clock);
        IReadOnlyList<IncidentProposal> proposals = readsByRole
            ? (await db.Proposals.AsNoTracking().Where(p => p.IncidentId == id).OrderBy(p => p.SentOn).ThenBy(p => p.Id)
                .Select(p => new { p.Id, p.Kind, LeaderName = p.Leader!.Name, p.SentOn, p.FeedbackDueOn, p.FeedbackOn }).ToListAsync(cancellationToken))
                .Select(p => new IncidentProposal(p.Id, p.Kind, p.LeaderName, p.SentOn, p.FeedbackDueOn, ProposalRules.StateOn(p.FeedbackOn, p.FeedbackDueOn, today)))
                .ToList()
            : [];
        var next = Enum.GetValues<IncidentAction>()
            .Where(a => IncidentRules.Next(incident.Status, a) is not null && MayTake(a))
            .ToList();
        var may = new IncidentPermissions(
            readsByRole,
            IncidentAccess.MayEdit(user, incident.Status),
            IncidentAccess.MayDecide(user, incident.Status),
            ProposalAccess.CanPropose(user) && readsByRole && incident.Status is IncidentStatus.Decided or IncidentStatus.Closed);
        return new IncidentDetails(
            incident.Id,
            incident.Title,
            incident.Unit,
            incident.OccurredOn,
            incident.DiscoveredAtUtc,
            incident.ReportedToSecrecyDepartmentAtUtc,
            incident.ReportedToSuperiorAtUtc,
            IncidentRules.ReportDeadline(incident.DiscoveredAtUtc, settings.ReportingHours),
            IncidentRules.ClockOn(incident.DiscoveredAtUtc, incident.ReportedToSecrecyDepartmentAtUtc, settings.ReportingHours, now),
            incident.Classification,
            incident.LeakType,
            incident.Carrier,
            incident.Description,
            incident.Severity,
            incident.Loss,
            incident.AggravatingFacts,
            incident.IllegalGainsConfiscated,
            incident.RemedialMeasures,
            incident.Status,
            incident.RestrictedToNamedAccounts,
            incident.CreatedBy,
            views,
            readsByRole ? findings : [],
            proposals,
            grantees,
            history,
            openings,
            next,
            may,
            incident.Version);
    }

    /// <summary>A new file's form: discovered now, in the unit given (from a unit's page), or none chosen yet.</summary>
    public Task<IncidentForm> NewAsync(int? unitId, CancellationToken cancellationToken = default)
    {
        IncidentAccess.RequireRegistrar(user);
        var now = clock.GetLocalNow().DateTime;
        return FormAsync(
            new IncidentInput { UnitId = unitId ?? 0, DiscoveredAt = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Unspecified) },
            cancellationToken);
    }

    /// <summary>The registration form again with what was entered (after errors), the chosen unit looked up within the jurisdiction.</summary>
    public async Task<IncidentForm> FormAsync(IncidentInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        IncidentAccess.RequireRegistrar(user);
        var unit = input.UnitId > 0 ? await units.FindAsync(input.UnitId, UnitLookupScope.Jurisdiction, cancellationToken) : null;
        return new IncidentForm(input, unit, settings.ReportingHours);
    }

    /// <summary>Registers a file in the account's jurisdiction; the value is its id. The registrar is named on it.</summary>
    public async Task<Result<int>> RegisterAsync(IncidentInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        IncidentAccess.RequireRegistrar(user);
        var validation = await validator.ValidateAsync(input, cancellationToken);
        var errors = validation.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)).ToList();
        if (input.UnitId > 0 && !await jurisdiction.IncludesUnitAsync(input.UnitId, cancellationToken))
        {
            errors.Add(new FieldError(nameof(IncidentInput.UnitId), l["Choose a unit within your jurisdiction."]));
        }

        if (errors.Count > 0)
        {
            return Result<int>.Failure([.. errors]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var incident = new Incident
        {
            UnitId = input.UnitId,
            Title = input.Title.Trim(),
            OccurredOn = input.OccurredOn,
            DiscoveredAtUtc = ToUtc(input.DiscoveredAt!.Value),
            ReportedToSecrecyDepartmentAtUtc = input.ReportedToSecrecyDepartmentAt is { } r ? ToUtc(r) : null,
            Classification = input.Classification!.Value,
            LeakType = input.LeakType!.Value,
            Carrier = input.Carrier!.Value,
            Description = input.Description.Trim(),
            Status = IncidentStatus.Registered,
            RestrictedToNamedAccounts = input.RestrictedToNamedAccounts,
            CreatedAtUtc = now,
            CreatedBy = Actor(),
        };
        incident.Transitions.Add(new IncidentTransition { Action = IncidentAction.Register, ToStatus = IncidentStatus.Registered, AtUtc = now, By = Actor() });
        if (user.UserId is { } id)
        {
            incident.Grants.Add(new IncidentGrant { UserId = id });
        }

        db.Incidents.Add(incident);
        await db.SaveChangesAsync(cancellationToken);
        return Result<int>.Success(incident.Id);
    }

    /// <summary>The assessment form's current values; null when the file is not there for the account or no longer open to changes.</summary>
    public async Task<(string Title, IncidentAssessmentInput Input, int Version)?> AssessmentAsync(int id, CancellationToken cancellationToken = default)
    {
        var incident = await EditableAsync(id, cancellationToken);
        if (incident is null)
        {
            return null;
        }

        return (incident.Title, AssessmentOf(incident), incident.Version);
    }

    private IncidentAssessmentInput AssessmentOf(Incident incident) =>
        new()
        {
            ReportedToSecrecyDepartmentAt = ToLocal(incident.ReportedToSecrecyDepartmentAtUtc),
            ReportedToSuperiorAt = ToLocal(incident.ReportedToSuperiorAtUtc),
            Severity = incident.Severity,
            Loss = incident.Loss,
            AggravatingFacts = [.. incident.AggravatingFacts],
            IllegalGainsConfiscated = incident.IllegalGainsConfiscated,
            RemedialMeasures = incident.RemedialMeasures,
        };

    /// <summary>
    /// Records what the investigation established, over the <paramref name="version"/> of the file the form was opened on (a
    /// conflict when someone else saved it since); null when the file is not there for the account or no longer open to changes.
    /// </summary>
    public async Task<Result?> AssessAsync(int id, int version, IncidentAssessmentInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var incident = await EditableAsync(id, cancellationToken);
        if (incident is null)
        {
            return null;
        }

        if (!Versions.Allows(incident.Version, version))
        {
            return await AssessmentConflictAsync(id, input, cancellationToken);
        }

        var validation = await assessmentValidator.ValidateAsync(input, cancellationToken);
        var errors = validation.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)).ToList();
        var toDepartment = input.ReportedToSecrecyDepartmentAt is { } d ? ToUtc(d) : (DateTime?)null;
        var toSuperior = input.ReportedToSuperiorAt is { } s ? ToUtc(s) : (DateTime?)null;
        if (toDepartment < incident.DiscoveredAtUtc)
        {
            errors.Add(new FieldError(nameof(IncidentAssessmentInput.ReportedToSecrecyDepartmentAt), l["The report comes after the discovery."]));
        }

        if (toSuperior < incident.DiscoveredAtUtc)
        {
            errors.Add(new FieldError(nameof(IncidentAssessmentInput.ReportedToSuperiorAt), l["The report comes after the discovery."]));
        }

        if (errors.Count > 0)
        {
            return Result.Failure([.. errors]);
        }

        incident.ReportedToSecrecyDepartmentAtUtc = toDepartment;
        incident.ReportedToSuperiorAtUtc = toSuperior;
        incident.Severity = input.Severity;
        incident.Loss = input.Loss;
        incident.AggravatingFacts = [.. input.AggravatingFacts.Distinct().Order()];
        incident.IllegalGainsConfiscated = input.IllegalGainsConfiscated;
        incident.RemedialMeasures = Text.Clean(input.RemedialMeasures);
        return await db.TrySaveOverAsync(incident, version, cancellationToken) ? Result.Success() : await AssessmentConflictAsync(id, input, cancellationToken);
    }

    /// <summary>
    /// Takes the file one step further, as it stood at the <paramref name="version"/> the page showed (a conflict when it
    /// changed since); refused with the reason when the step is not the next one or not the account's.
    /// </summary>
    public async Task<Result?> AdvanceAsync(int id, int version, IncidentAction action, string? note, CancellationToken cancellationToken = default)
    {
        IncidentAccess.RequireIncidentReader(user);
        var openable = Openable();
        var incident = await db.Incidents.SingleOrDefaultAsync(i => i.Id == id && openable.Any(o => o.Id == i.Id), cancellationToken);
        if (incident is null)
        {
            return null;
        }

        // A step the form never offers (registering again, a value of no step, none at all) is not one somebody may not take.
        if (action == IncidentAction.Register || !Enum.IsDefined(action))
        {
            return Result.Failure(new FieldError("", l["This step does not follow from where the file stands: files go from registered through investigation and discipline review to decided and closed, one step at a time."]));
        }

        if (!MayTake(action))
        {
            throw new AccessDeniedException();
        }

        if (note?.Length > IncidentTransition.NoteMaxLength)
        {
            return Result.Failure(new FieldError("", l["The note on a step has at most {0} characters.", IncidentTransition.NoteMaxLength]));
        }

        if (!Versions.Allows(incident.Version, version))
        {
            return await StepConflictAsync(id, note, cancellationToken);
        }

        if (IncidentRules.Next(incident.Status, action) is not { } next)
        {
            return Result.Failure(new FieldError("", l["This step does not follow from where the file stands: files go from registered through investigation and discipline review to decided and closed, one step at a time."]));
        }

        if (action == IncidentAction.SendToDisciplineReview && !await db.IncidentPersons.AnyAsync(p => p.IncidentId == id, cancellationToken))
        {
            return Result.Failure(new FieldError("", l["Record the persons involved before sending the file to discipline review."]));
        }

        if (action == IncidentAction.SendToDisciplineReview && incident.Severity is null)
        {
            return Result.Failure(new FieldError("", l["Assess the severity of circumstances before sending the file to discipline review: the sanction guidance needs it."]));
        }

        if (action == IncidentAction.Decide && await db.IncidentPersons.AnyAsync(p => p.IncidentId == id && p.Decision == null, cancellationToken))
        {
            return Result.Failure(new FieldError("", l["Record a decision on every person involved before marking the file decided."]));
        }

        incident.Status = next;
        db.IncidentTransitions.Add(new IncidentTransition { IncidentId = id, Action = action, ToStatus = next, AtUtc = clock.GetUtcNow().UtcDateTime, By = Actor(), Note = Text.Clean(note) });
        return await db.TrySaveOverAsync(incident, version, cancellationToken) ? Result.Success() : await StepConflictAsync(id, note, cancellationToken);
    }

    /// <summary>The assessment as stored now beside the form's: nothing was saved.</summary>
    private async Task<Result> AssessmentConflictAsync(int id, IncidentAssessmentInput yours, CancellationToken cancellationToken)
    {
        var stored = await db.Incidents.AsNoTracking().SingleAsync(i => i.Id == id, cancellationToken);
        var conflict = await db.ConflictAsync(new VersionStamp(stored.Version, stored.SavedAtUtc, stored.SavedBy), cancellationToken);
        var theirs = AssessmentOf(stored);
        return Result.Failure(conflict
            .Field(l["Reported to the secrecy department at"], Minute(theirs.ReportedToSecrecyDepartmentAt), Minute(yours.ReportedToSecrecyDepartmentAt))
            .Field(l["Reported to the superior at"], Minute(theirs.ReportedToSuperiorAt), Minute(yours.ReportedToSuperiorAt))
            .Field(l["Severity of circumstances"], theirs.Severity, yours.Severity)
            .Field(l["Losses"], theirs.Loss, yours.Loss)
            .Field(l["Aggravating facts (IM30, IM31)"], theirs.AggravatingFacts, yours.AggravatingFacts.Distinct().Order().ToList())
            .Field(l["Illegal gains confiscated (IM34), yuan"], theirs.IllegalGainsConfiscated, yours.IllegalGainsConfiscated)
            .Field(l["Remedial measures and rectification plan (S6.10)"], theirs.RemedialMeasures, yours.RemedialMeasures));
    }

    /// <summary>The file as stored now beside a step taken on an older page: where it stands, and what was assessed.</summary>
    private async Task<Result> StepConflictAsync(int id, string? note, CancellationToken cancellationToken)
    {
        var stored = await db.Incidents.AsNoTracking().SingleAsync(i => i.Id == id, cancellationToken);
        var conflict = await db.ConflictAsync(new VersionStamp(stored.Version, stored.SavedAtUtc, stored.SavedBy), cancellationToken);
        conflict
            .Stored(l["Status"], stored.Status)
            .Stored(l["Severity of circumstances"], stored.Severity)
            .Stored(l["Losses"], stored.Loss);
        return Result.Failure(string.IsNullOrWhiteSpace(note) ? conflict : conflict.Field(l["Note on this step (optional)"], null, note));
    }

    /// <summary>A local time as the assessment form shows it, to the minute.</summary>
    private static string? Minute(DateTime? local) => local?.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Names an account on the file (need to know, or a leader asked for a statement): an account of the jurisdiction, by
    /// its user name. Null when the file is not there for the account or no longer open to changes.
    /// </summary>
    public async Task<Result?> GrantAsync(int id, IncidentGrantInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var incident = await EditableAsync(id, cancellationToken);
        if (incident is null)
        {
            return null;
        }

        var validation = await grantValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return Result.Failure(validation);
        }

        var visible = jurisdiction.UnitIds();
        var account = await db.Users.AsNoTracking().Where(u => u.UserName == input.UserName && visible.Contains(u.UnitId)).Select(u => u.Id).SingleOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return Result.Failure(new FieldError(nameof(IncidentGrantInput.UserName), l["No account of that user name in your jurisdiction."]));
        }

        if (await db.IncidentGrants.AnyAsync(g => g.IncidentId == id && g.UserId == account, cancellationToken))
        {
            return Result.Failure(new FieldError(nameof(IncidentGrantInput.UserName), l["This account is already named on the file."]));
        }

        db.IncidentGrants.Add(new IncidentGrant { IncidentId = id, UserId = account });
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }

    /// <summary>Removes an account from the file's named list; the account working on the file cannot remove itself from a need-to-know file.</summary>
    public async Task<Result?> RevokeAsync(int id, string userId, CancellationToken cancellationToken = default)
    {
        var incident = await EditableAsync(id, cancellationToken);
        if (incident is null)
        {
            return null;
        }

        var grant = await db.IncidentGrants.SingleOrDefaultAsync(g => g.IncidentId == id && g.UserId == userId, cancellationToken);
        if (grant is null)
        {
            return null;
        }

        if (incident.RestrictedToNamedAccounts && userId == user.UserId)
        {
            return Result.Failure(new FieldError("", l["You cannot remove yourself from a file limited to named accounts: you would lose it."]));
        }

        db.IncidentGrants.Remove(grant);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }

    /// <summary>Links an inspection finding of the file's unit; null when the file is not there for the account or no longer open to changes.</summary>
    public async Task<Result?> LinkFindingAsync(int id, int findingId, CancellationToken cancellationToken = default)
    {
        var incident = await EditableAsync(id, cancellationToken);
        if (incident is null)
        {
            return null;
        }

        if (!await db.Findings.AnyAsync(f => f.Id == findingId && f.UnitId == incident.UnitId, cancellationToken))
        {
            return Result.Failure(new FieldError("FindingId", l["Choose a finding of an inspection of this unit."]));
        }

        if (await db.IncidentFindings.AnyAsync(f => f.IncidentId == id && f.FindingId == findingId, cancellationToken))
        {
            return Result.Failure(new FieldError("FindingId", l["This finding is already linked."]));
        }

        db.IncidentFindings.Add(new IncidentFinding { IncidentId = id, FindingId = findingId });
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }

    public async Task<Result?> UnlinkFindingAsync(int id, int findingId, CancellationToken cancellationToken = default)
    {
        var incident = await EditableAsync(id, cancellationToken);
        var link = incident is null ? null : await db.IncidentFindings.SingleOrDefaultAsync(f => f.IncidentId == id && f.FindingId == findingId, cancellationToken);
        if (link is null)
        {
            return null;
        }

        db.IncidentFindings.Remove(link);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }

    /// <summary>The choices the file's forms offer: the postings of the unit that held at the time, the unit's findings not linked yet.</summary>
    public async Task<IncidentChoices?> ChoicesAsync(int id, CancellationToken cancellationToken = default)
    {
        var incident = await Openable().AsNoTracking().Where(i => i.Id == id)
            .Select(i => new { i.Id, i.Title, i.Status, i.UnitId, i.OccurredOn, i.DiscoveredAtUtc }).SingleOrDefaultAsync(cancellationToken);
        if (incident is null || !IncidentAccess.MayEdit(user, incident.Status))
        {
            return null;
        }

        // The posting that held at the time: on the day it occurred, or else the day it was discovered.
        var on = incident.OccurredOn ?? DateOnly.FromDateTime(incident.DiscoveredAtUtc);
        var postings = await db.Postings.AsNoTracking()
            .Where(p => p.UnitId == incident.UnitId && p.From <= on && (p.To == null || p.To >= on))
            // Arts. 5–7 order, not the alphabetical order of the stored role names.
            .OrderBy(p => p.Role == Leaders.PostingRole.PrincipalLeader ? 0 : p.Role == Leaders.PostingRole.SecrecyLeader ? 1 : 2).ThenBy(p => p.Leader!.Name)
            .Select(p => new IncidentPostingChoice(p.Id, p.Leader!.Name, p.Title, p.Role))
            .ToListAsync(cancellationToken);
        var findings = await db.Findings.AsNoTracking()
            .Where(f => f.UnitId == incident.UnitId && !db.IncidentFindings.Any(x => x.IncidentId == id && x.FindingId == f.Id))
            .OrderByDescending(f => f.Inspection!.PlannedOn).ThenBy(f => f.DeficiencyCode)
            .Take(200)
            .Select(f => new IncidentFindingChoice(f.Id, f.DeficiencyCode, f.Description, f.Inspection!.PlannedOn))
            .ToListAsync(cancellationToken);
        return new IncidentChoices(incident.Id, incident.Title, incident.Status, postings, findings);
    }

    /// <summary>The persons of a file with what the guidance and the page need, in the order they were recorded.</summary>
    internal static async Task<IReadOnlyList<PersonRow>> PersonsAsync(ISecrecyDutyDb db, int incidentId, CancellationToken cancellationToken)
    {
        var rows = await db.IncidentPersons.AsNoTracking().Where(p => p.IncidentId == incidentId).OrderBy(p => p.Id)
            .Select(p => new PersonRow(
                p.Id,
                p.Posting != null ? p.Posting.Leader!.Name : p.Name ?? "",
                p.Posting != null ? p.Posting.Title : p.Post,
                p.Posting != null ? p.Posting.Role : null,
                p.Posting != null && p.Posting.LeadsSecrecyWork,
                p.Relation,
                db.Postings.Where(r => r.Id == p.RelatedPostingId).Select(r => r.Leader!.Name).FirstOrDefault(),
                p.Involvement,
                p.IsPartyMember,
                p.ProvedProperPerformance,
                p.Decision == null
                    ? null
                    : new SanctionDecisionView(p.Decision.Administrative, p.Decision.Party, p.Decision.DecidedOn, p.Decision.DocumentNumber, p.Decision.OutsideGuidance, p.Decision.Justification, p.Decision.RecordedBy)))
            .ToListAsync(cancellationToken);
        return rows;
    }

    private async Task<IReadOnlyList<IncidentLinkedFinding>> LinkedFindingsAsync(int id, CancellationToken cancellationToken) =>
        await db.Findings.AsNoTracking()
            .Where(f => db.IncidentFindings.Any(x => x.IncidentId == id && x.FindingId == f.Id))
            .OrderBy(f => f.DeficiencyCode).ThenBy(f => f.Id)
            .Select(f => new IncidentLinkedFinding(f.Id, f.InspectionId, f.DeficiencyCode, f.Description, f.Inspection!.PlannedOn))
            .ToListAsync(cancellationToken);

    private IQueryable<Incident> Filtered(IncidentFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = Openable().AsNoTracking();
        if (filter.Status is { } status)
        {
            query = query.Where(i => i.Status == status);
        }

        if (Text.Clean(filter.Search) is { } search)
        {
            query = query.Where(i => i.Title.Contains(search) || i.Unit!.Name.Contains(search) || i.Unit!.Code.Contains(search));
        }

        return query;
    }

    private async Task<IReadOnlyList<IncidentListItem>> Rows(IQueryable<Incident> query, CancellationToken cancellationToken)
    {
        var rows = await query
            .Select(i => new
            {
                i.Id,
                i.Title,
                Unit = new InspectionUnit(i.UnitId, i.Unit!.Code, i.Unit!.Name),
                i.Classification,
                i.Status,
                i.DiscoveredAtUtc,
                i.ReportedToSecrecyDepartmentAtUtc,
            })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return [.. rows.Select(r => new IncidentListItem(r.Id, r.Title, r.Unit, r.Classification, r.Status, r.DiscoveredAtUtc, r.ReportedToSecrecyDepartmentAtUtc, IncidentRules.ClockOn(r.DiscoveredAtUtc, r.ReportedToSecrecyDepartmentAtUtc, settings.ReportingHours, now)))];
    }

    /// <summary>The file, tracked, if the account opens it and may still change it.</summary>
    private async Task<Incident?> EditableAsync(int id, CancellationToken cancellationToken)
    {
        var openable = Openable();
        var incident = await db.Incidents.SingleOrDefaultAsync(i => i.Id == id && openable.Any(o => o.Id == i.Id), cancellationToken);
        return incident is not null && IncidentAccess.MayEdit(user, incident.Status) ? incident : null;
    }

    /// <summary>The secrecy office investigates and sends to review; the discipline officials decide and close.</summary>
    private bool MayTake(IncidentAction action) => action switch
    {
        IncidentAction.StartInvestigation or IncidentAction.SendToDisciplineReview => IncidentAccess.CanRegister(user),
        IncidentAction.Decide or IncidentAction.Close => IncidentAccess.CanDecide(user),
        _ => false,
    };

    private IQueryable<Incident> Openable() => IncidentAccess.Openable(db.Incidents, user, jurisdiction.UnitIds());

    private DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), clock.LocalTimeZone);

    private DateTime? ToLocal(DateTime? utc) => utc is { } u ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(u, DateTimeKind.Utc), clock.LocalTimeZone) : null;

    private string Actor() => user.UserName ?? user.UserId ?? "";
}

/// <summary>A person of a file as read for the page and the guidance.</summary>
internal sealed record PersonRow(
    int Id,
    string Name,
    string? Post,
    Leaders.PostingRole? PostingRole,
    bool LeadsSecrecyWork,
    RelatedPerson? Relation,
    string? RelatedLeaderName,
    Involvement Involvement,
    bool IsPartyMember,
    bool ProvedProperPerformance,
    SanctionDecisionView? Decision)
{
    public IncidentPersonFacts Facts => new(Id, PostingRole, LeadsSecrecyWork, Involvement, Relation, IsPartyMember, ProvedProperPerformance);

    public IncidentPersonView View(PersonGuidance? guidance, bool withDecision) => new(
        Id,
        Name,
        Post,
        PostingRole,
        IncidentSanctions.RoleOf(PostingRole, LeadsSecrecyWork),
        Relation,
        RelatedLeaderName,
        Involvement,
        IsPartyMember,
        ProvedProperPerformance,
        guidance,
        withDecision ? Decision : null);
}
