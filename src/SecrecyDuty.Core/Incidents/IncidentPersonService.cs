using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Incidents.Sanctions;

namespace SecrecyDuty.Core.Incidents;

/// <summary>
/// The persons involved in a file (recorded while it is investigated) and the decisions on them (recorded by a discipline
/// official under discipline review, checked against the sanction guidance: outside its range only with a written
/// justification).
/// </summary>
public sealed class IncidentPersonService(
    ISecrecyDutyDb db,
    Jurisdiction jurisdiction,
    ICurrentUser user,
    IValidator<IncidentPersonInput> personValidator,
    IValidator<SanctionDecisionInput> decisionValidator,
    SanctionRegulation regulation,
    IStringLocalizer<Messages> l,
    TimeProvider clock)
{
    /// <summary>Adds a person to a file; null when the file is not there for the account or no longer open to changes.</summary>
    public async Task<Result?> AddAsync(int incidentId, IncidentPersonInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var incident = await EditableAsync(incidentId, cancellationToken);
        if (incident is null)
        {
            return null;
        }

        var validation = await personValidator.ValidateAsync(input, cancellationToken);
        var errors = validation.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)).ToList();

        // The posting that held at the time, in the file's unit: on the day it occurred, or else the day it was discovered.
        var on = incident.OccurredOn ?? DateOnly.FromDateTime(incident.DiscoveredAtUtc);
        var heldPostings = db.Postings.Where(p => p.UnitId == incident.UnitId && p.From <= on && (p.To == null || p.To >= on));
        if (input.PostingId is { } postingId && !await heldPostings.AnyAsync(p => p.Id == postingId, cancellationToken))
        {
            errors.Add(new FieldError(nameof(IncidentPersonInput.PostingId), l["Choose a posting of the unit that held when the incident occurred."]));
        }

        if (input.RelatedPostingId is { } relatedId && !await heldPostings.AnyAsync(p => p.Id == relatedId, cancellationToken))
        {
            errors.Add(new FieldError(nameof(IncidentPersonInput.RelatedPostingId), l["Choose a posting of the unit that held when the incident occurred."]));
        }

        if (input.PostingId is { } id && await db.IncidentPersons.AnyAsync(p => p.IncidentId == incidentId && p.PostingId == id, cancellationToken))
        {
            errors.Add(new FieldError(nameof(IncidentPersonInput.PostingId), l["This leader is already a person of the file."]));
        }

        if (errors.Count > 0)
        {
            return Result.Failure([.. errors]);
        }

        var leader = input.PostingId is not null;
        db.IncidentPersons.Add(new IncidentPerson
        {
            IncidentId = incidentId,
            UnitId = incident.UnitId,
            PostingId = input.PostingId,
            Name = leader ? null : Text.Clean(input.Name),
            Post = leader ? null : Text.Clean(input.Post),
            Relation = input.Relation,
            RelatedPostingId = leader ? null : input.RelatedPostingId,
            Involvement = input.Involvement!.Value,
            IsPartyMember = input.IsPartyMember,
            ProvedProperPerformance = leader && input.ProvedProperPerformance,
        });
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }

    /// <summary>Removes a person recorded by mistake, with nothing decided on them yet.</summary>
    public async Task<Result?> RemoveAsync(int incidentId, int personId, CancellationToken cancellationToken = default)
    {
        var incident = await EditableAsync(incidentId, cancellationToken);
        var person = incident is null ? null : await db.IncidentPersons.Include(p => p.Decision).SingleOrDefaultAsync(p => p.Id == personId && p.IncidentId == incidentId, cancellationToken);
        if (person is null)
        {
            return null;
        }

        if (person.Decision is not null)
        {
            return Result.Failure(new FieldError("", l["A decision is recorded on this person: the person stays on the file."]));
        }

        db.IncidentPersons.Remove(person);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }

    /// <summary>The decision form on a person: the person with the guidance and any decision so far; null when the account may not decide on the file.</summary>
    public async Task<SanctionDecisionForm?> DecisionFormAsync(int incidentId, int personId, CancellationToken cancellationToken = default)
    {
        var read = await ReadForDecisionAsync(incidentId, personId, cancellationToken);
        if (read is null)
        {
            return null;
        }

        var version = await db.SanctionDecisions.Where(d => d.IncidentPersonId == personId).Select(d => (int?)d.Version).SingleOrDefaultAsync(cancellationToken);
        return new SanctionDecisionForm(incidentId, read.Value.Title, read.Value.Person, version ?? Versions.None);
    }

    /// <summary>
    /// Records (or corrects, until the file is decided) the decision on a person. A decision outside the range the guidance
    /// computed is refused unless a written justification is given; a Party sanction needs a Party member.
    /// </summary>
    /// <remarks>Over the <paramref name="version"/> of the decision the form was opened on (<see cref="Versions.None"/>: none yet).</remarks>
    public async Task<Result?> DecideAsync(int incidentId, int personId, int version, SanctionDecisionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var read = await ReadForDecisionAsync(incidentId, personId, cancellationToken);
        if (read is null)
        {
            return null;
        }

        var stored = await db.SanctionDecisions.Where(d => d.IncidentPersonId == personId).Select(d => (int?)d.Version).SingleOrDefaultAsync(cancellationToken);
        if (!Versions.Allows(stored, version))
        {
            return await DecisionConflictAsync(personId, input, cancellationToken);
        }

        var (_, person, unitId, discoveredAtUtc) = read.Value;
        var validation = await decisionValidator.ValidateAsync(input, cancellationToken);
        var errors = validation.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)).ToList();
        if (input.Party is not null && !person.IsPartyMember)
        {
            errors.Add(new FieldError(nameof(SanctionDecisionInput.Party), l["Only a Party member receives a Party sanction."]));
        }

        if (input.DecidedOn is { } decidedOn && decidedOn < DateOnly.FromDateTime(discoveredAtUtc))
        {
            errors.Add(new FieldError(nameof(SanctionDecisionInput.DecidedOn), l["The decision comes after the discovery."]));
        }

        // A decision is always checked against the guidance: without an assessed severity there is none to check against.
        if (person.Guidance is null)
        {
            return Result.Failure(new FieldError("", l["Assess the severity of circumstances first: a decision is checked against the sanction guidance, which needs it."]));
        }

        var outside = !IncidentSanctions.WithinGuidance(person.Guidance, input.Administrative, input.Party);
        var justification = Text.Clean(input.Justification);
        if (outside && justification is null)
        {
            errors.Add(new FieldError(nameof(SanctionDecisionInput.Justification), l["This decision lies outside the range the guidance gives for this person: write the justification, or choose within the range."]));
        }

        if (errors.Count > 0)
        {
            return Result.Failure([.. errors]);
        }

        var decision = await db.SanctionDecisions.SingleOrDefaultAsync(d => d.IncidentPersonId == personId, cancellationToken);
        var isNew = decision is null;
        if (decision is null)
        {
            decision = new SanctionDecision { IncidentPersonId = personId, IncidentId = incidentId, UnitId = unitId };
            db.SanctionDecisions.Add(decision);
        }

        decision.Administrative = input.Administrative;
        decision.Party = input.Party;
        decision.DecidedOn = input.DecidedOn!.Value;
        decision.DocumentNumber = input.DocumentNumber.Trim();
        decision.OutsideGuidance = outside;
        decision.Justification = justification;
        decision.RecordedAtUtc = clock.GetUtcNow().UtcDateTime;
        decision.RecordedBy = user.UserName ?? user.UserId ?? "";
        var saved = isNew
            ? await db.TrySaveNewAsync(ct => db.SanctionDecisions.AnyAsync(d => d.IncidentPersonId == personId, ct), cancellationToken)
            : await db.TrySaveOverAsync(decision, version, cancellationToken);
        return saved ? Result.Success() : await DecisionConflictAsync(personId, input, cancellationToken);
    }

    /// <summary>The decision as stored now (none, before the first) beside the form's: nothing was saved.</summary>
    private async Task<Result> DecisionConflictAsync(int personId, SanctionDecisionInput yours, CancellationToken cancellationToken)
    {
        var stored = await db.SanctionDecisions.AsNoTracking().SingleOrDefaultAsync(d => d.IncidentPersonId == personId, cancellationToken);
        var conflict = await db.ConflictAsync(stored is null ? VersionStamp.None : new VersionStamp(stored.Version, stored.SavedAtUtc, stored.SavedBy), cancellationToken);
        return Result.Failure(conflict
            .Field(l["Administrative sanction"], stored?.Administrative, yours.Administrative)
            .Field(l["Party sanction"], stored?.Party, yours.Party)
            .Field(l["Decided on"], stored?.DecidedOn, yours.DecidedOn)
            .Field(l["Document number"], stored?.DocumentNumber, yours.DocumentNumber)
            .Field(l["Justification (required outside the guidance's range)"], stored?.Justification, yours.Justification));
    }

    /// <summary>The person and its guidance, when the account may decide on the file now.</summary>
    private async Task<(string Title, IncidentPersonView Person, int UnitId, DateTime DiscoveredAtUtc)?> ReadForDecisionAsync(int incidentId, int personId, CancellationToken cancellationToken)
    {
        var openable = IncidentAccess.Openable(db.Incidents, user, jurisdiction.UnitIds());
        var incident = await openable.AsNoTracking().Where(i => i.Id == incidentId)
            .Select(i => new { i.Title, i.Status, i.UnitId, i.Classification, i.Severity, i.Loss, i.AggravatingFacts, i.DiscoveredAtUtc })
            .SingleOrDefaultAsync(cancellationToken);
        if (incident is null || !IncidentAccess.MayDecide(user, incident.Status))
        {
            return null;
        }

        var persons = await IncidentService.PersonsAsync(db, incidentId, cancellationToken);
        var person = persons.SingleOrDefault(p => p.Id == personId);
        if (person is null)
        {
            return null;
        }

        var deficiencies = await db.IncidentFindings.Where(x => x.IncidentId == incidentId)
            .Join(db.Findings, x => x.FindingId, f => f.Id, (x, f) => f.DeficiencyCode)
            .Where(c => c != null).Select(c => c!).ToListAsync(cancellationToken);
        var guidance = IncidentSanctions.GuidanceByPerson(incident.Classification, incident.Severity, incident.Loss, incident.AggravatingFacts, deficiencies, [.. persons.Select(p => p.Facts)], regulation.Definition);
        return (incident.Title, person.View(guidance.GetValueOrDefault(personId), withDecision: true), incident.UnitId, incident.DiscoveredAtUtc);
    }

    private async Task<Incident?> EditableAsync(int id, CancellationToken cancellationToken)
    {
        var openable = IncidentAccess.Openable(db.Incidents, user, jurisdiction.UnitIds());
        var incident = await openable.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        return incident is not null && IncidentAccess.MayEdit(user, incident.Status) ? incident : null;
    }
}
