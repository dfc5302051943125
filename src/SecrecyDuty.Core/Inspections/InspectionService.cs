using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Inspections.Scoring;

namespace SecrecyDuty.Core.Inspections;

/// <summary>
/// Inspections of art. 8 and what art. 15 draws from their findings: planning, starting and completing an inspection,
/// its findings with the postings that answer for them, and the consequences the inspecting body may draw.
/// </summary>
public sealed class InspectionService(
    ISecrecyDutyDb db,
    Jurisdiction jurisdiction,
    ICurrentUser user,
    IValidator<InspectionInput> inspectionValidator,
    IValidator<InspectionCompletionInput> completionValidator,
    IValidator<FindingInput> findingValidator,
    IStringLocalizer<Messages> l,
    TimeProvider clock)
{
    public bool CanConduct => InspectionAccess.CanConduct(user);

    /// <summary>The inspection with its findings and orders; null when it does not exist or lies outside the jurisdiction.</summary>
    public async Task<InspectionDetails?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var visible = jurisdiction.UnitIds();
        var inspection = await db.Inspections.AsNoTracking()
            .Where(i => i.Id == id && visible.Contains(i.UnitId))
            .Select(i => new
            {
                i.Id,
                Unit = new InspectionUnit(i.UnitId, i.Unit!.Code, i.Unit!.Name),
                i.Body,
                BodyUnit = new InspectionUnit(i.BodyUnitId, i.BodyUnit!.Code, i.BodyUnit!.Name),
                i.Kind,
                i.Status,
                i.PlannedOn,
                i.StartedOn,
                i.CompletedOn,
                i.Scope,
                i.Method,
                i.Conclusion,
                i.Version,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (inspection is null)
        {
            return null;
        }

        var inspectors = await InspectorsOfAsync(id, cancellationToken);
        var findings = await FindingsOfAsync(id, cancellationToken);
        var conductable = InspectionAccess.ConductableUnitIds(db, jurisdiction, user);
        var canConduct = await conductable.AnyAsync(u => u == inspection.Unit.Id, cancellationToken);
        return new InspectionDetails(
            inspection.Id,
            inspection.Unit,
            inspection.Body,
            inspection.BodyUnit,
            inspection.Kind,
            inspection.Status,
            inspection.PlannedOn,
            inspection.StartedOn,
            inspection.CompletedOn,
            inspection.Scope,
            inspection.Method,
            inspection.Conclusion,
            inspectors,
            findings,
            LocalDate.Today(clock),
            canConduct,
            inspection.Version)
        {
            Score = await ScoreSheetService.SummaryOfAsync(db, id, cancellationToken),
        };
    }

    /// <summary>The planning form for a new inspection, optionally of a given unit.</summary>
    public async Task<InspectionForm> NewAsync(int? unitId, CancellationToken cancellationToken = default)
    {
        InspectionAccess.RequireConductor(user);
        var input = new InspectionInput
        {
            UnitId = unitId ?? 0,
            Kind = InspectionKind.Routine,
            PlannedOn = LocalDate.Today(clock),
            InspectorIds = user.UserId is { } me ? [me] : [],
        };
        return await FormAsync(input, null, cancellationToken);
    }

    /// <summary>The form around <paramref name="input"/> (for instance after a failed save), with the names of what it chose.</summary>
    public async Task<InspectionForm> FormAsync(InspectionInput input, int? inspectionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        InspectionAccess.RequireConductor(user);
        var visible = jurisdiction.UnitIds();
        var unit = await UnitNameAsync(input.UnitId, visible, cancellationToken);
        var bodyUnit = input.BodyUnitId is { } bodyId ? await UnitNameAsync(bodyId, db.Units.Select(u => u.Id), cancellationToken) : null;
        var ids = input.InspectorIds.Distinct().ToList();
        var inspectors = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id))
            .OrderBy(u => u.DisplayName)
            .Select(u => new InspectorChoice(u.Id, u.DisplayName, db.Units.Where(x => x.Id == u.UnitId).Select(x => x.Name).FirstOrDefault() ?? ""))
            .ToListAsync(cancellationToken);
        return new InspectionForm(inspectionId, input, unit, bodyUnit, inspectors);
    }

    /// <summary>The inspection's planning form; null when it does not exist or the account may not change it.</summary>
    public async Task<InspectionForm?> GetForEditAsync(int id, CancellationToken cancellationToken = default)
    {
        InspectionAccess.RequireConductor(user);
        var inspection = await FindForWriteAsync(id, cancellationToken);
        return inspection is null ? null : await FormAsync(InspectionInput.From(inspection), id, cancellationToken) with { Version = inspection.Version };
    }

    /// <summary>
    /// Accounts that may inspect: secrecy officers and administrators of the jurisdiction, found by name (at most
    /// <paramref name="take"/>), for a search-as-you-type picker.
    /// </summary>
    public async Task<IReadOnlyList<InspectorChoice>> SearchInspectorsAsync(string? term, int take = 20, CancellationToken cancellationToken = default)
    {
        InspectionAccess.RequireConductor(user);
        var visible = jurisdiction.UnitIds();
        var roleIds = db.Roles.Where(r => r.Name == Roles.SecrecyOfficer || r.Name == Roles.Administrator).Select(r => r.Id);
        var query = db.Users.AsNoTracking()
            .Where(u => visible.Contains(u.UnitId) && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)));
        if (!string.IsNullOrWhiteSpace(term))
        {
            var t = term.Trim();
            query = query.Where(u => u.DisplayName.Contains(t) || u.UserName!.Contains(t));
        }

        return await query
            .OrderBy(u => u.DisplayName)
            .Take(Math.Clamp(take, 1, 50))
            .Select(u => new InspectorChoice(u.Id, u.DisplayName, db.Units.Where(x => x.Id == u.UnitId).Select(x => x.Name).FirstOrDefault() ?? ""))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Plans an inspection. The value is its id.</summary>
    public async Task<Result<int>> CreateAsync(InspectionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        InspectionAccess.RequireConductor(user);
        var errors = await CheckPlanAsync(input, cancellationToken);
        if (errors.Count > 0)
        {
            return Result<int>.Failure([.. errors]);
        }

        var inspection = new Inspection
        {
            Status = InspectionStatus.Planned,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            CreatedBy = Actor(),
        };
        input.ApplyTo(inspection);
        foreach (var inspectorId in input.InspectorIds.Distinct())
        {
            inspection.Inspectors.Add(new InspectionInspector { UserId = inspectorId });
        }

        db.Inspections.Add(inspection);
        await db.SaveChangesAsync(cancellationToken);
        return Result<int>.Success(inspection.Id);
    }

    /// <summary>
    /// Changes the plan of an inspection not yet completed, over the <paramref name="version"/> the form was opened on (a
    /// conflict when someone else saved it since); null when it does not exist or the account may not change it.
    /// </summary>
    public async Task<Result?> UpdateAsync(int id, int version, InspectionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        InspectionAccess.RequireConductor(user);
        var inspection = await FindForWriteAsync(id, cancellationToken);
        if (inspection is null)
        {
            return null;
        }

        if (!Versions.Allows(inspection.Version, version))
        {
            return await PlanConflictAsync(id, input, cancellationToken);
        }

        if (inspection.Status == InspectionStatus.Completed)
        {
            return Result.Failure(Problem(InspectionProblem.AlreadyCompleted));
        }

        var errors = await CheckPlanAsync(input, cancellationToken);
        if (inspection.Status != InspectionStatus.Planned && input.UnitId != inspection.UnitId)
        {
            // Findings name postings of the inspected unit: once started, the unit stays.
            errors.Add(new FieldError(nameof(InspectionInput.UnitId), l["The inspected unit cannot change once the inspection has started."]));
        }

        if (errors.Count > 0)
        {
            return Result.Failure([.. errors]);
        }

        input.ApplyTo(inspection);
        var chosen = input.InspectorIds.ToHashSet(StringComparer.Ordinal);
        foreach (var gone in inspection.Inspectors.Where(x => !chosen.Contains(x.UserId)).ToList())
        {
            db.InspectionInspectors.Remove(gone);
        }

        foreach (var added in chosen.Where(c => !inspection.Inspectors.Any(x => x.UserId == c)))
        {
            inspection.Inspectors.Add(new InspectionInspector { UserId = added });
        }

        // The inspectors are the inspection's own rows: a change of them alone raises its version.
        return await db.TrySaveOverAsync(inspection, version, cancellationToken) ? Result.Success() : await PlanConflictAsync(id, input, cancellationToken);
    }

    /// <summary>Starts a planned inspection on the given day (today when none).</summary>
    public async Task<Result?> StartAsync(int id, int version, InspectionStartInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        InspectionAccess.RequireConductor(user);
        var inspection = await FindForWriteAsync(id, cancellationToken);
        if (inspection is null)
        {
            return null;
        }

        if (!Versions.Allows(inspection.Version, version))
        {
            return await StateConflictAsync(id, (l["Started on"], input.StartedOn), cancellationToken);
        }

        var problem = InspectionRules.CanStart(inspection.Status);
        if (problem != InspectionProblem.None)
        {
            return Result.Failure(Problem(problem));
        }

        var today = LocalDate.Today(clock);
        var startedOn = input.StartedOn ?? today;
        if (startedOn > today)
        {
            return Result.Failure(new FieldError(nameof(InspectionStartInput.StartedOn), l["An inspection cannot start in the future."]));
        }

        inspection.Status = InspectionStatus.InProgress;
        inspection.StartedOn = startedOn;
        return await db.TrySaveOverAsync(inspection, version, cancellationToken)
            ? Result.Success()
            : await StateConflictAsync(id, (l["Started on"], input.StartedOn), cancellationToken);
    }

    /// <summary>Completes an inspection with its conclusion: its findings and their consequences are then fixed.</summary>
    public async Task<Result?> CompleteAsync(int id, int version, InspectionCompletionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        InspectionAccess.RequireConductor(user);
        var inspection = await FindForWriteAsync(id, cancellationToken);
        if (inspection is null)
        {
            return null;
        }

        if (!Versions.Allows(inspection.Version, version))
        {
            return await StateConflictAsync(id, (l["Ended on"], input.CompletedOn), cancellationToken, input.Conclusion);
        }

        var problem = InspectionRules.CanComplete(inspection.Status, input.Conclusion);
        if (problem is InspectionProblem.AlreadyCompleted or InspectionProblem.NotInProgress)
        {
            return Result.Failure(Problem(problem));
        }

        var validation = await completionValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return Result.Failure(validation);
        }

        if (input.CompletedOn < inspection.StartedOn)
        {
            return Result.Failure(new FieldError(nameof(InspectionCompletionInput.CompletedOn), l["An inspection cannot end before it started ({0}).", inspection.StartedOn!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]));
        }

        inspection.Status = InspectionStatus.Completed;
        inspection.CompletedOn = input.CompletedOn;
        inspection.Conclusion = input.Conclusion.Trim();
        return await db.TrySaveOverAsync(inspection, version, cancellationToken)
            ? Result.Success()
            : await StateConflictAsync(id, (l["Ended on"], input.CompletedOn), cancellationToken, input.Conclusion);
    }

    /// <summary>The form for a new finding, or for changing one; null when the inspection is not visible or not conductable.</summary>
    public async Task<FindingForm?> FindingFormAsync(int inspectionId, int? findingId, FindingInput? input, CancellationToken cancellationToken = default)
    {
        InspectionAccess.RequireConductor(user);
        var conductable = InspectionAccess.ConductableUnitIds(db, jurisdiction, user);
        var inspection = await db.Inspections.AsNoTracking()
            .Where(i => i.Id == inspectionId && conductable.Contains(i.UnitId))
            .Select(i => new { i.UnitId, UnitCode = i.Unit!.Code, UnitName = i.Unit.Name, i.Body, i.PlannedOn, i.StartedOn })
            .SingleOrDefaultAsync(cancellationToken);
        if (inspection is null)
        {
            return null;
        }

        var version = Versions.None;
        if (input is null && findingId is { } fid)
        {
            var finding = await db.Findings.AsNoTracking()
                .Include(f => f.ResponsiblePostings)
                .SingleOrDefaultAsync(f => f.Id == fid && f.InspectionId == inspectionId, cancellationToken);
            if (finding is null)
            {
                return null;
            }

            input = FindingInput.From(finding);
            version = finding.Version;
        }

        input ??= new FindingInput { Severity = FindingSeverity.Ordinary };
        var date = InspectionRules.InspectionDate(inspection.PlannedOn, inspection.StartedOn);
        var deficiencies = await DeficienciesAsync(cancellationToken);
        var postings = await db.Postings.AsNoTracking()
            .Where(p => p.UnitId == inspection.UnitId && p.From <= date && (p.To == null || p.To >= date))
            .OrderBy(p => p.Role)
            .ThenBy(p => p.Leader!.Name)
            .Select(p => new { p.Id, p.Leader!.Name, p.Role, p.LeadsSecrecyWork, p.Title })
            .ToListAsync(cancellationToken);
        var candidates = postings
            .Select(p => new FindingCandidate(p.Id, p.Name, p.Role, p.LeadsSecrecyWork, p.Title, InspectionRules.IsSuggested(input.DeficiencyCode, p.Role, p.LeadsSecrecyWork)))
            .ToList();
        return new FindingForm(inspectionId, findingId, new InspectionUnit(inspection.UnitId, inspection.UnitCode, inspection.UnitName), inspection.Body, date, input, deficiencies, candidates, version);
    }

    /// <summary>Adds a finding to an inspection in progress. The value is its id; null when the inspection is not there for the account.</summary>
    public async Task<Result<int>?> AddFindingAsync(int inspectionId, FindingInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        InspectionAccess.RequireConductor(user);
        var inspection = await FindForWriteAsync(inspectionId, cancellationToken);
        if (inspection is null)
        {
            return null;
        }

        var errors = await CheckFindingAsync(inspection, input, cancellationToken);
        if (errors.Count > 0)
        {
            return Result<int>.Failure([.. errors]);
        }

        var finding = new Finding { InspectionId = inspection.Id, UnitId = inspection.UnitId };
        input.ApplyTo(finding);
        foreach (var postingId in input.PostingIds.Distinct())
        {
            finding.ResponsiblePostings.Add(new FindingPosting { PostingId = postingId });
        }

        db.Findings.Add(finding);
        await db.SaveChangesAsync(cancellationToken);
        return Result<int>.Success(finding.Id);
    }

    /// <summary>
    /// Changes a finding of an inspection in progress, over the <paramref name="version"/> the form was opened on (a conflict
    /// when someone else saved it since); null when it is not there for the account.
    /// </summary>
    public async Task<Result?> UpdateFindingAsync(int inspectionId, int findingId, int version, FindingInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        InspectionAccess.RequireConductor(user);
        var inspection = await FindForWriteAsync(inspectionId, cancellationToken);
        var finding = inspection is null
            ? null
            : await db.Findings.Include(f => f.ResponsiblePostings).Include(f => f.Order)
                .SingleOrDefaultAsync(f => f.Id == findingId && f.InspectionId == inspectionId, cancellationToken);
        if (inspection is null || finding is null)
        {
            return null;
        }

        if (!Versions.Allows(finding.Version, version))
        {
            return await FindingConflictAsync(findingId, input, cancellationToken);
        }

        var errors = await CheckFindingAsync(inspection, input, cancellationToken);
        if (errors.Count > 0)
        {
            return Result.Failure([.. errors]);
        }

        input.ApplyTo(finding);
        var chosen = input.PostingIds.ToHashSet();
        foreach (var gone in finding.ResponsiblePostings.Where(p => !chosen.Contains(p.PostingId)).ToList())
        {
            db.FindingPostings.Remove(gone);
        }

        foreach (var added in chosen.Where(c => !finding.ResponsiblePostings.Any(p => p.PostingId == c)))
        {
            finding.ResponsiblePostings.Add(new FindingPosting { PostingId = added });
        }

        // The responsible postings are the finding's own rows: a change of them alone raises its version.
        return await db.TrySaveOverAsync(finding, version, cancellationToken) ? Result.Success() : await FindingConflictAsync(findingId, input, cancellationToken);
    }

    /// <summary>
    /// Removes a finding (and its order) from an inspection in progress, as it stood at the <paramref name="version"/> the
    /// page showed (a conflict when someone else changed it since); null when it is not there for the account.
    /// </summary>
    public async Task<Result?> RemoveFindingAsync(int inspectionId, int findingId, int version, CancellationToken cancellationToken = default)
    {
        InspectionAccess.RequireConductor(user);
        var inspection = await FindForWriteAsync(inspectionId, cancellationToken);
        var finding = inspection is null
            ? null
            : await db.Findings.SingleOrDefaultAsync(f => f.Id == findingId && f.InspectionId == inspectionId, cancellationToken);
        if (inspection is null || finding is null)
        {
            return null;
        }

        if (!Versions.Allows(finding.Version, version))
        {
            return await FindingConflictAsync(findingId, yours: null, cancellationToken);
        }

        var problem = InspectionRules.CanChangeFindings(inspection.Status);
        if (problem != InspectionProblem.None)
        {
            return Result.Failure(Problem(problem));
        }

        // The score sheet's entries drafted into this finding may be drafted again (no cascade: SQL Server allows one path).
        foreach (var entry in await db.ScoreSheetEntries.Where(e => e.FindingId == finding.Id).ToListAsync(cancellationToken))
        {
            entry.FindingId = null;
        }

        db.Findings.Remove(finding);
        return await db.TrySaveOverAsync(finding, version, cancellationToken) ? Result.Success() : await FindingConflictAsync(findingId, yours: null, cancellationToken);
    }

    /// <summary>The inspection's plan as stored now beside the form's: nothing was saved.</summary>
    private async Task<Result> PlanConflictAsync(int id, InspectionInput yours, CancellationToken cancellationToken)
    {
        var stored = await db.Inspections.AsNoTracking().Include(i => i.Inspectors).SingleAsync(i => i.Id == id, cancellationToken);
        var conflict = await db.ConflictAsync(new VersionStamp(stored.Version, stored.SavedAtUtc, stored.SavedBy), cancellationToken);
        var unitIds = new[] { stored.UnitId, stored.BodyUnitId, yours.UnitId, yours.EffectiveBodyUnitId };
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        var userIds = stored.Inspectors.Select(x => x.UserId).Concat(yours.InspectorIds).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        List<string> Inspectors(IEnumerable<string> ids) => [.. ids.Distinct().Select(id => names.GetValueOrDefault(id, id)).Order(StringComparer.Ordinal)];
        return Result.Failure(conflict
            .Field(l["Inspected unit"], units.GetValueOrDefault(stored.UnitId), units.GetValueOrDefault(yours.UnitId))
            .Field(l["Kind of inspection"], stored.Kind, yours.Kind)
            .Field(l["Planned for"], stored.PlannedOn, yours.PlannedOn)
            .Field(l["Inspecting body (art. 8)"], stored.Body, yours.Body)
            .Field(l["Unit of the inspecting body"], units.GetValueOrDefault(stored.BodyUnitId), units.GetValueOrDefault(yours.EffectiveBodyUnitId))
            .Field(l["Scope"], stored.Scope, yours.Scope)
            .Field(l["Method (optional)"], stored.Method, yours.Method)
            .Field(l["Inspectors"], Inspectors(stored.Inspectors.Select(x => x.UserId)), Inspectors(yours.InspectorIds)));
    }

    /// <summary>The inspection as stored now beside a start or a completion: its status and dates, and the field the action sets.</summary>
    private async Task<Result> StateConflictAsync(int id, (string Label, DateOnly? Value) yourDate, CancellationToken cancellationToken, string? yourConclusion = null)
    {
        var stored = await db.Inspections.AsNoTracking().SingleAsync(i => i.Id == id, cancellationToken);
        var conflict = await db.ConflictAsync(new VersionStamp(stored.Version, stored.SavedAtUtc, stored.SavedBy), cancellationToken);
        conflict
            .Stored(l["Status"], stored.Status)
            .Stored(l["Planned for"], stored.PlannedOn)
            .Stored(l["Scope"], stored.Scope);
        if (yourConclusion is null)
        {
            return Result.Failure(conflict.Field(yourDate.Label, stored.StartedOn, yourDate.Value));
        }

        return Result.Failure(conflict
            .Stored(l["Started on"], stored.StartedOn)
            .Field(l["Conclusion"], stored.Conclusion, yourConclusion)
            .Field(yourDate.Label, stored.CompletedOn, yourDate.Value));
    }

    /// <summary>The finding as stored now (none, when it was removed) beside the form's values, or alone for a removal.</summary>
    private async Task<Result> FindingConflictAsync(int findingId, FindingInput? yours, CancellationToken cancellationToken)
    {
        var stored = await db.Findings.AsNoTracking().Include(f => f.ResponsiblePostings).SingleOrDefaultAsync(f => f.Id == findingId, cancellationToken);
        var conflict = await db.ConflictAsync(stored is null ? VersionStamp.None : new VersionStamp(stored.Version, stored.SavedAtUtc, stored.SavedBy), cancellationToken);
        var postingIds = (stored?.ResponsiblePostings.Select(p => p.PostingId) ?? []).Concat(yours?.PostingIds ?? []).Distinct().ToList();
        var postings = await db.Postings.AsNoTracking()
            .Where(p => postingIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Role, p.Leader!.Name })
            .ToListAsync(cancellationToken);
        List<string> Responsible(IEnumerable<int> ids) =>
            [.. postings.Where(p => ids.Contains(p.Id)).OrderBy(p => p.Role).ThenBy(p => p.Name, StringComparer.Ordinal).Select(p => p.Name)];
        var theirs = stored is null ? null : FindingInput.From(stored);
        string? Deficiency(FindingInput? finding) => finding is null ? null : finding.IsOther ? finding.OtherDeficiency : finding.DeficiencyCode;
        var responsibleLabel = l["Responsible postings"];
        if (yours is null)
        {
            return Result.Failure(conflict
                .Stored(l["Deficiency (art. 15)"], Deficiency(theirs))
                .Stored(l["What was found"], theirs?.Description)
                .Stored(l["Severity"], theirs?.Severity)
                .Stored(responsibleLabel, Responsible(theirs?.PostingIds ?? [])));
        }

        return Result.Failure(conflict
            .Field(l["Deficiency (art. 15)"], Deficiency(theirs), Deficiency(yours))
            .Field(l["What was found"], theirs?.Description, yours.Description)
            .Field(l["Severity"], theirs?.Severity, yours.Severity)
            .Field(l["Evidence seen (optional)"], theirs?.EvidenceSeen, yours.EvidenceSeen)
            .Field(responsibleLabel, Responsible(theirs?.PostingIds ?? []), Responsible(yours.PostingIds))
            .Field(l["Correction recommended by the secrecy organization (optional)"], theirs?.CorrectionRecommendation, yours.CorrectionRecommendation)
            .Field(l["Circulated on"], theirs?.CriticismCirculatedOn, yours.CriticismCirculatedOn)
            .Field(l["Document number"], theirs?.CriticismDocumentNumber, yours.CriticismDocumentNumber));
    }

    private async Task<List<FieldError>> CheckPlanAsync(InspectionInput input, CancellationToken cancellationToken)
    {
        var validation = await inspectionValidator.ValidateAsync(input, cancellationToken);
        var errors = validation.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)).ToList();
        if (!validation.IsValid)
        {
            return errors;
        }

        var conductable = InspectionAccess.ConductableUnitIds(db, jurisdiction, user);
        if (!await db.Units.AnyAsync(u => u.Id == input.UnitId && u.IsActive && conductable.Contains(u.Id), cancellationToken))
        {
            errors.Add(new FieldError(nameof(InspectionInput.UnitId), l["Choose an active unit within your jurisdiction."]));
        }

        var bodyUnitId = input.EffectiveBodyUnitId;
        if (!await db.Units.AnyAsync(u => u.Id == bodyUnitId && u.IsActive, cancellationToken))
        {
            errors.Add(new FieldError(nameof(InspectionInput.BodyUnitId), l["Choose the active unit of the inspecting body."]));
        }

        var bodyProblem = InspectionRules.CheckBody(input.Body!.Value, input.UnitId, bodyUnitId);
        if (bodyProblem != InspectionProblem.None)
        {
            errors.Add(new FieldError(nameof(InspectionInput.BodyUnitId), ProblemText(bodyProblem)));
        }

        // Inspectors are secrecy officers or administrators within the jurisdiction.
        var ids = input.InspectorIds.Distinct().ToList();
        var visible = jurisdiction.UnitIds();
        var roleIds = db.Roles.Where(r => r.Name == Roles.SecrecyOfficer || r.Name == Roles.Administrator).Select(r => r.Id);
        var valid = await db.Users
            .CountAsync(u => ids.Contains(u.Id) && visible.Contains(u.UnitId) && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)), cancellationToken);
        if (valid != ids.Count)
        {
            errors.Add(new FieldError(nameof(InspectionInput.InspectorIds), l["Inspectors are secrecy officers or administrators within your jurisdiction."]));
        }

        return errors;
    }

    private async Task<List<FieldError>> CheckFindingAsync(Inspection inspection, FindingInput input, CancellationToken cancellationToken)
    {
        var problem = InspectionRules.CanChangeFindings(inspection.Status);
        if (problem != InspectionProblem.None)
        {
            return [Problem(problem)];
        }

        var validation = await findingValidator.ValidateAsync(input, cancellationToken);
        var errors = validation.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)).ToList();
        if (!input.IsOther && !string.IsNullOrWhiteSpace(input.DeficiencyCode))
        {
            var codes = await db.DeficiencyCategories.Where(d => db.Regulations.Any(r => r.Id == d.RegulationId && r.IsCurrent)).Select(d => d.Code).ToListAsync(cancellationToken);
            if (!codes.Contains(input.DeficiencyCode))
            {
                errors.Add(new FieldError(nameof(FindingInput.DeficiencyCode), l["Choose the deficiency (D15.1–D15.8), or other."]));
            }
        }

        // Art. 15: who may draw which consequence.
        if (!string.IsNullOrWhiteSpace(input.CorrectionRecommendation) && !InspectionRules.Allows(inspection.Body, FindingConsequence.CorrectionRecommendation))
        {
            errors.Add(new FieldError(nameof(FindingInput.CorrectionRecommendation), l["Only the unit's own secrecy organization recommends a correction (art. 15); a superior organ or the secrecy department orders rectification."]));
        }

        if ((input.CriticismCirculatedOn is not null || !string.IsNullOrWhiteSpace(input.CriticismDocumentNumber))
            && !InspectionRules.Allows(inspection.Body, FindingConsequence.CirculatedCriticism))
        {
            errors.Add(new FieldError(nameof(FindingInput.CriticismCirculatedOn), l["A criticism is circulated by a superior organ or the secrecy department (art. 15), not at a self-inspection."]));
        }

        var date = InspectionRules.InspectionDate(inspection.PlannedOn, inspection.StartedOn);
        var ids = input.PostingIds.Distinct().ToList();
        var postings = await db.Postings.AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .Select(p => new { p.UnitId, p.From, p.To })
            .ToListAsync(cancellationToken);
        if (postings.Count != ids.Count || postings.Any(p => !InspectionRules.MayBeResponsible(p.UnitId, p.From, p.To, inspection.UnitId, date)))
        {
            errors.Add(new FieldError(nameof(FindingInput.PostingIds), l["Choose postings of the inspected unit that held on the inspection date ({0}).", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]));
        }

        return errors;
    }

    private async Task<IReadOnlyList<InspectorChoice>> InspectorsOfAsync(int inspectionId, CancellationToken cancellationToken) =>
        await db.InspectionInspectors.AsNoTracking()
            .Where(x => x.InspectionId == inspectionId)
            .Join(db.Users, x => x.UserId, u => u.Id, (x, u) => u)
            .OrderBy(u => u.DisplayName)
            .Select(u => new InspectorChoice(u.Id, u.DisplayName, db.Units.Where(x => x.Id == u.UnitId).Select(x => x.Name).FirstOrDefault() ?? ""))
            .ToListAsync(cancellationToken);

    private async Task<IReadOnlyList<FindingItem>> FindingsOfAsync(int inspectionId, CancellationToken cancellationToken)
    {
        var findings = await db.Findings.AsNoTracking()
            .Where(f => f.InspectionId == inspectionId)
            .OrderBy(f => f.DeficiencyCode == null)
            .ThenBy(f => f.DeficiencyCode)
            .ThenBy(f => f.Id)
            .Select(f => new
            {
                f.Id,
                f.DeficiencyCode,
                f.OtherDeficiency,
                f.Description,
                f.Severity,
                f.EvidenceSeen,
                f.CorrectionRecommendation,
                f.CriticismCirculatedOn,
                f.CriticismDocumentNumber,
                f.Version,
                Order = f.Order == null
                    ? null
                    : new OrderSummary(f.Order.Id, f.Order.IssuedOn, f.Order.Deadline, f.Order.Requirements, f.Order.Status, f.Order.ReportedOn, f.Order.VerifiedOn),
            })
            .ToListAsync(cancellationToken);
        var responsible = await db.FindingPostings.AsNoTracking()
            .Where(p => db.Findings.Any(f => f.Id == p.FindingId && f.InspectionId == inspectionId))
            .OrderBy(p => p.Posting!.Role)
            .ThenBy(p => p.Posting!.Leader!.Name)
            .Select(p => new { p.FindingId, Posting = new ResponsiblePosting(p.PostingId, p.Posting!.LeaderId, p.Posting.Leader!.Name, p.Posting.Role, p.Posting.LeadsSecrecyWork, p.Posting.Title) })
            .ToListAsync(cancellationToken);
        return [.. findings.Select(f => new FindingItem(
            f.Id,
            f.DeficiencyCode,
            f.OtherDeficiency,
            f.Description,
            f.Severity,
            f.EvidenceSeen,
            [.. responsible.Where(r => r.FindingId == f.Id).Select(r => r.Posting)],
            f.CorrectionRecommendation,
            f.CriticismCirculatedOn,
            f.CriticismDocumentNumber,
            f.Order,
            f.Version))];
    }

    private async Task<IReadOnlyList<DeficiencyChoice>> DeficienciesAsync(CancellationToken cancellationToken) =>
        await db.DeficiencyCategories.AsNoTracking()
            .Where(d => db.Regulations.Any(r => r.Id == d.RegulationId && r.IsCurrent))
            .OrderBy(d => d.SortOrder)
            .Select(d => new DeficiencyChoice(d.Code, d.Text, d.SummaryEn))
            .ToListAsync(cancellationToken);

    private async Task<InspectionUnit?> UnitNameAsync(int unitId, IQueryable<int> among, CancellationToken cancellationToken) =>
        await db.Units.AsNoTracking()
            .Where(u => u.Id == unitId && among.Contains(u.Id))
            .Select(u => new InspectionUnit(u.Id, u.Code, u.Name))
            .SingleOrDefaultAsync(cancellationToken);

    private async Task<Inspection?> FindForWriteAsync(int id, CancellationToken cancellationToken)
    {
        var conductable = InspectionAccess.ConductableUnitIds(db, jurisdiction, user);
        return await db.Inspections
            .Include(i => i.Inspectors)
            .SingleOrDefaultAsync(i => i.Id == id && conductable.Contains(i.UnitId), cancellationToken);
    }

    private FieldError Problem(InspectionProblem problem) => new("", ProblemText(problem));

    private string ProblemText(InspectionProblem problem) => problem switch
    {
        InspectionProblem.NotPlanned => l["Only a planned inspection can start."],
        InspectionProblem.NotInProgress => l["Findings are recorded while the inspection is in progress: start it first; once completed they are fixed."],
        InspectionProblem.ConclusionMissing => l["Enter the inspection's conclusion."],
        InspectionProblem.AlreadyCompleted => l["This inspection is completed and can no longer change."],
        InspectionProblem.SelfInspectionOfAnotherUnit => l["A self-inspection is done by the unit's own secrecy organization, of its own unit (art. 8)."],
        InspectionProblem.BodyIsTheInspectedUnit => l["A superior organ or the secrecy department inspects another unit; choose self-inspection for the unit's own secrecy organization (art. 8)."],
        _ => "",
    };

    private string Actor() => user.UserName ?? user.UserId ?? "";
}
