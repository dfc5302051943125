using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.SecrecyOrganizations;

/// <summary>
/// The rules a unit has made in each of the nine areas of S6.6 (R1–R9), the areas the secrecy office marked not
/// applicable to it (with the reason), and the areas it lacks.
/// </summary>
public sealed class RuleRegisterService(
    ISecrecyDutyDb db,
    Jurisdiction jurisdiction,
    ICurrentUser user,
    IValidator<RuleRegisterEntryInput> validator,
    IValidator<RuleAreaExemptionInput> exemptionValidator,
    IStringLocalizer<Messages> l,
    TimeProvider clock)
{
    /// <summary>The unit's register, or null when the unit does not exist or lies outside the jurisdiction.</summary>
    public async Task<RuleRegisterView?> GetAsync(int unitId, CancellationToken cancellationToken = default)
    {
        var unit = await UnitHeadings.FindAsync(db, jurisdiction, unitId, cancellationToken);
        if (unit is null)
        {
            return null;
        }

        var areas = await RuleAreaQueries.CurrentAreas(db).AsNoTracking()
            .OrderBy(a => a.SortOrder).ThenBy(a => a.Code)
            .ToListAsync(cancellationToken);
        var entries = await EntriesOfUnitAsync(unitId, cancellationToken);
        var exemptions = await ExemptionsOfUnitAsync(unitId, cancellationToken);
        var lines = areas
            .Select(a =>
            {
                var exemption = ExemptionFor(a, exemptions)?.View;
                return EntryFor(a, entries) is { } e
                    ? new RuleRegisterLine(a.Code, a.Name, a.NameEn, e.AdoptedOn, e.LastRevisedOn, e.DocumentReference, exemption)
                    : new RuleRegisterLine(a.Code, a.Name, a.NameEn, null, null, null, exemption);
            })
            .ToList();
        return new RuleRegisterView(unit, SecrecyOrganizationAccess.CanMaintain(user), lines);
    }

    /// <summary>The edit form of one area's entry, or null when the unit is not visible or the area is not in the current regulation.</summary>
    public async Task<RuleRegisterEntryForm?> GetFormAsync(int unitId, string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        SecrecyOrganizationAccess.RequireMaintainer(user);
        var unit = await UnitHeadings.FindAsync(db, jurisdiction, unitId, cancellationToken);
        var area = unit is null ? null : await AreaAsync(code, cancellationToken);
        if (unit is null || area is null)
        {
            return null;
        }

        var entry = EntryFor(area, await EntriesOfUnitAsync(unitId, cancellationToken));
        var input = entry is null
            ? new RuleRegisterEntryInput()
            : new RuleRegisterEntryInput { AdoptedOn = entry.AdoptedOn, LastRevisedOn = entry.LastRevisedOn, DocumentReference = entry.DocumentReference };
        return new RuleRegisterEntryForm(unit, area.Code, area.Name, area.NameEn, entry is null, input, entry?.Stamp.Version ?? Versions.None);
    }

    /// <summary>
    /// Records or updates the unit's entry for one rule area, over the <paramref name="version"/> the form was opened on
    /// (<see cref="Versions.None"/> when it had none): a conflict when someone else saved it since. Null when the unit or
    /// the area is not found.
    /// </summary>
    public async Task<Result?> SaveAsync(int unitId, string code, int version, RuleRegisterEntryInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(input);
        SecrecyOrganizationAccess.RequireMaintainer(user);
        var area = await WritableAreaAsync(unitId, code, cancellationToken);
        if (area is null)
        {
            return null;
        }

        var found = EntryFor(area, await EntriesOfUnitAsync(unitId, cancellationToken));
        if (!Versions.Allows(found?.Stamp.Version, version))
        {
            return await EntryConflictAsync(unitId, area, input, cancellationToken);
        }

        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return Result.Failure(validation);
        }

        var entry = found is null ? null : await db.RuleRegisterEntries.SingleAsync(e => e.Id == found.Id, cancellationToken);
        if (entry is null)
        {
            entry = new RuleRegisterEntry { UnitId = unitId };
            db.RuleRegisterEntries.Add(entry);
        }

        // An entry revised now is made under the current regulation version.
        entry.RuleAreaId = area.Id;
        entry.AdoptedOn = input.AdoptedOn!.Value;
        entry.LastRevisedOn = input.LastRevisedOn;
        entry.DocumentReference = input.DocumentReference!.Trim();
        var saved = found is null
            ? await db.TrySaveNewAsync(ct => db.RuleRegisterEntries.AnyAsync(e => e.UnitId == unitId && e.RuleAreaId == area.Id, ct), cancellationToken)
            : await db.TrySaveOverAsync(entry, version, cancellationToken);
        return saved ? Result.Success() : await EntryConflictAsync(unitId, area, input, cancellationToken);
    }

    /// <summary>
    /// The form that marks a rule area not applicable to the unit (S6.6, "结合本单位工作特点"), with the mark it has. Null
    /// when the unit is not visible or the area is not in the current regulation; refused to all but the secrecy office.
    /// </summary>
    public async Task<RuleAreaExemptionForm?> GetExemptionFormAsync(int unitId, string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        SecrecyOrganizationAccess.RequireMaintainer(user);
        var unit = await UnitHeadings.FindAsync(db, jurisdiction, unitId, cancellationToken);
        var area = unit is null ? null : await AreaAsync(code, cancellationToken);
        if (unit is null || area is null)
        {
            return null;
        }

        var found = ExemptionFor(area, await ExemptionsOfUnitAsync(unitId, cancellationToken));
        var current = found?.View;
        return new RuleAreaExemptionForm(unit, area.Code, area.Name, area.NameEn, current, new RuleAreaExemptionInput { Reason = current?.Reason }, found?.Stamp.Version ?? Versions.None);
    }

    /// <summary>
    /// The secrecy office marks a rule area not applicable to the unit, with the reason (or changes the reason of the
    /// mark it has), recording who and when. Null when the unit or the area is not found (outside the jurisdiction alike).
    /// </summary>
    public async Task<Result?> MarkNotApplicableAsync(int unitId, string code, int version, RuleAreaExemptionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(input);
        SecrecyOrganizationAccess.RequireMaintainer(user);
        var area = await WritableAreaAsync(unitId, code, cancellationToken);
        if (area is null)
        {
            return null;
        }

        var found = ExemptionFor(area, await ExemptionsOfUnitAsync(unitId, cancellationToken));
        if (!Versions.Allows(found?.Stamp.Version, version))
        {
            return await ExemptionConflictAsync(unitId, area, input.Reason, yours: true, cancellationToken);
        }

        var validation = await exemptionValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return Result.Failure(validation);
        }

        var exemption = found is null ? null : await db.RuleAreaExemptions.SingleAsync(e => e.Id == found.Id, cancellationToken);
        if (exemption is null)
        {
            exemption = new RuleAreaExemption { UnitId = unitId };
            db.RuleAreaExemptions.Add(exemption);
        }

        // A mark recorded now is made under the current regulation version.
        exemption.RuleAreaId = area.Id;
        exemption.Reason = input.Reason!.Trim();
        exemption.RecordedBy = user.UserName ?? user.UserId ?? "";
        exemption.RecordedAtUtc = clock.GetUtcNow().UtcDateTime;
        var saved = found is null
            ? await db.TrySaveNewAsync(ct => db.RuleAreaExemptions.AnyAsync(e => e.UnitId == unitId && e.RuleAreaId == area.Id, ct), cancellationToken)
            : await db.TrySaveOverAsync(exemption, version, cancellationToken);
        return saved ? Result.Success() : await ExemptionConflictAsync(unitId, area, input.Reason, yours: true, cancellationToken);
    }

    /// <summary>
    /// The secrecy office withdraws the mark: the area is missing again until rules are recorded. Null when the unit or
    /// the area is not found; a failure when the area is not marked.
    /// </summary>
    public async Task<Result?> WithdrawNotApplicableAsync(int unitId, string code, int version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        SecrecyOrganizationAccess.RequireMaintainer(user);
        var area = await WritableAreaAsync(unitId, code, cancellationToken);
        if (area is null)
        {
            return null;
        }

        var found = ExemptionFor(area, await ExemptionsOfUnitAsync(unitId, cancellationToken));
        if (found is null)
        {
            return Result.Failure(new FieldError("", l["This rule area is not marked as not applicable to the unit."]));
        }

        if (!Versions.Allows(found.Stamp.Version, version))
        {
            return await ExemptionConflictAsync(unitId, area, reason: null, yours: false, cancellationToken);
        }

        // A removal says "where the version is still the one seen" too: a reason changed in between is not withdrawn unseen.
        var exemption = await db.RuleAreaExemptions.SingleAsync(e => e.Id == found.Id, cancellationToken);
        db.RuleAreaExemptions.Remove(exemption);
        return await db.TrySaveOverAsync(exemption, version, cancellationToken)
            ? Result.Success()
            : await ExemptionConflictAsync(unitId, area, reason: null, yours: false, cancellationToken);
    }

    /// <summary>The area's entry as stored now beside the form's values: nothing was saved.</summary>
    private async Task<Result> EntryConflictAsync(int unitId, CurrentRuleArea area, RuleRegisterEntryInput yours, CancellationToken cancellationToken)
    {
        var stored = EntryFor(area, await EntriesOfUnitAsync(unitId, cancellationToken));
        var conflict = await db.ConflictAsync(stored?.Stamp ?? VersionStamp.None, cancellationToken);
        return Result.Failure(conflict
            .Field(l["Adopted on"], stored?.AdoptedOn, yours.AdoptedOn)
            .Field(l["Last revised on"], stored?.LastRevisedOn, yours.LastRevisedOn)
            .Field(l["Document reference"], stored?.DocumentReference, yours.DocumentReference));
    }

    /// <summary>The area's mark as stored now (none when it was withdrawn), beside the reason the form gave when it gave one.</summary>
    private async Task<Result> ExemptionConflictAsync(int unitId, CurrentRuleArea area, string? reason, bool yours, CancellationToken cancellationToken)
    {
        var stored = ExemptionFor(area, await ExemptionsOfUnitAsync(unitId, cancellationToken));
        var conflict = await db.ConflictAsync(stored?.Stamp ?? VersionStamp.None, cancellationToken);
        var marked = stored is null ? l["No"] : l["Yes"];
        conflict.Stored(l["Not applicable"], marked);
        var label = l["Why the area does not apply to this unit"];
        return Result.Failure(yours ? conflict.Field(label, stored?.View.Reason, reason) : conflict.Stored(label, stored?.View.Reason));
    }

    private sealed record StoredEntry(int Id, string RegulationCode, string Code, bool CurrentVersion, DateOnly AdoptedOn, DateOnly? LastRevisedOn, string DocumentReference, VersionStamp Stamp);

    private sealed record StoredExemption(int Id, string RegulationCode, string Code, bool CurrentVersion, RuleAreaExemptionView View, VersionStamp Stamp);

    private Task<List<StoredExemption>> ExemptionsOfUnitAsync(int unitId, CancellationToken cancellationToken) =>
        (from e in db.RuleAreaExemptions.AsNoTracking()
         where e.UnitId == unitId
         join a in db.RuleAreas on e.RuleAreaId equals a.Id
         join r in db.Regulations on a.RegulationId equals r.Id
         select new StoredExemption(e.Id, r.Code, a.Code, r.IsCurrent, new RuleAreaExemptionView(e.Reason, e.RecordedBy, e.RecordedAtUtc), new VersionStamp(e.Version, e.SavedAtUtc, e.SavedBy)))
        .ToListAsync(cancellationToken);

    /// <summary>The mark for an area: as for entries, the one made under the current version, else the latest earlier one.</summary>
    private static StoredExemption? ExemptionFor(CurrentRuleArea area, List<StoredExemption> exemptions) =>
        exemptions
            .Where(e => e.RegulationCode == area.RegulationCode && e.Code == area.Code)
            .OrderByDescending(e => e.CurrentVersion)
            .ThenByDescending(e => e.Id)
            .FirstOrDefault();

    /// <summary>The area, when the unit is within the jurisdiction and the area in the current regulation; else null (not told apart).</summary>
    private async Task<CurrentRuleArea?> WritableAreaAsync(int unitId, string code, CancellationToken cancellationToken) =>
        await jurisdiction.IncludesUnitAsync(unitId, cancellationToken) ? await AreaAsync(code, cancellationToken) : null;

    private Task<List<StoredEntry>> EntriesOfUnitAsync(int unitId, CancellationToken cancellationToken) =>
        (from e in db.RuleRegisterEntries.AsNoTracking()
         where e.UnitId == unitId
         join a in db.RuleAreas on e.RuleAreaId equals a.Id
         join r in db.Regulations on a.RegulationId equals r.Id
         select new StoredEntry(e.Id, r.Code, a.Code, r.IsCurrent, e.AdoptedOn, e.LastRevisedOn, e.DocumentReference, new VersionStamp(e.Version, e.SavedAtUtc, e.SavedBy)))
        .ToListAsync(cancellationToken);

    /// <summary>The entry for an area: the one made under the current version, else the latest made under an earlier one.</summary>
    private static StoredEntry? EntryFor(CurrentRuleArea area, List<StoredEntry> entries) =>
        entries
            .Where(e => e.RegulationCode == area.RegulationCode && e.Code == area.Code)
            .OrderByDescending(e => e.CurrentVersion)
            .ThenByDescending(e => e.Id)
            .FirstOrDefault();

    private Task<CurrentRuleArea?> AreaAsync(string code, CancellationToken cancellationToken)
    {
        // Codes are upper case (R1–R9); SQLite compares case-sensitively, SQL Server does not: normalize for both.
        var normalized = code.Trim().ToUpperInvariant();
        return RuleAreaQueries.CurrentAreas(db).AsNoTracking()
            .Where(a => a.Code == normalized)
            .OrderByDescending(a => a.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
