using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.SecrecyOrganizations;

/// <summary>One rule area of the register: the entry, or <see cref="IsMissing"/> when the unit has no rules in that area.</summary>
public sealed record RuleRegisterLine(
    string Code,
    string Name,
    string NameEn,
    DateOnly? AdoptedOn,
    DateOnly? LastRevisedOn,
    string? DocumentReference)
{
    public bool IsMissing => AdoptedOn is null;
}

/// <summary>A unit's rule register (S6.6): every rule area of the current regulation, established or missing.</summary>
public sealed record RuleRegisterView(UnitHeading Unit, bool CanEdit, IReadOnlyList<RuleRegisterLine> Lines)
{
    /// <summary>False until the regulation catalogue (with its rule areas) has been loaded.</summary>
    public bool CatalogueLoaded => Lines.Count > 0;

    public int Established => Lines.Count(x => !x.IsMissing);

    public IReadOnlyList<string> MissingCodes => [.. Lines.Where(x => x.IsMissing).Select(x => x.Code)];
}

public sealed record RuleRegisterEntryForm(UnitHeading Unit, string Code, string Name, string NameEn, bool IsNew, RuleRegisterEntryInput Input);

/// <summary>The rules a unit has made in each of the nine areas of S6.6 (R1–R9), and the areas it lacks.</summary>
public sealed class RuleRegisterService(
    ISecrecyDutyDb db,
    Jurisdiction jurisdiction,
    ICurrentUser user,
    IValidator<RuleRegisterEntryInput> validator)
{
    /// <summary>The unit's register, or null when the unit does not exist or lies outside the jurisdiction.</summary>
    public async Task<RuleRegisterView?> GetAsync(int unitId, CancellationToken cancellationToken = default)
    {
        var unit = await HeadingAsync(unitId, cancellationToken);
        if (unit is null)
        {
            return null;
        }

        var areas = await RuleAreaQueries.CurrentAreas(db).AsNoTracking()
            .OrderBy(a => a.SortOrder).ThenBy(a => a.Code)
            .ToListAsync(cancellationToken);
        var entries = await EntriesOfUnitAsync(unitId, cancellationToken);
        var lines = areas
            .Select(a => EntryFor(a, entries) is { } e
                ? new RuleRegisterLine(a.Code, a.Name, a.NameEn, e.AdoptedOn, e.LastRevisedOn, e.DocumentReference)
                : new RuleRegisterLine(a.Code, a.Name, a.NameEn, null, null, null))
            .ToList();
        return new RuleRegisterView(unit, Permissions.CanMaintainMasterData(user), lines);
    }

    /// <summary>The edit form of one area's entry, or null when the unit is not visible or the area is not in the current regulation.</summary>
    public async Task<RuleRegisterEntryForm?> GetFormAsync(int unitId, string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        ThrowUnlessMaintainer();
        var unit = await HeadingAsync(unitId, cancellationToken);
        var area = unit is null ? null : await AreaAsync(code, cancellationToken);
        if (unit is null || area is null)
        {
            return null;
        }

        var entry = EntryFor(area, await EntriesOfUnitAsync(unitId, cancellationToken));
        var input = entry is null
            ? new RuleRegisterEntryInput()
            : new RuleRegisterEntryInput { AdoptedOn = entry.AdoptedOn, LastRevisedOn = entry.LastRevisedOn, DocumentReference = entry.DocumentReference };
        return new RuleRegisterEntryForm(unit, area.Code, area.Name, area.NameEn, entry is null, input);
    }

    /// <summary>Records or updates the unit's entry for one rule area. Null when the unit or the area is not found.</summary>
    public async Task<Result?> SaveAsync(int unitId, string code, RuleRegisterEntryInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(input);
        ThrowUnlessMaintainer();
        if (!await jurisdiction.IncludesUnitAsync(unitId, cancellationToken))
        {
            return null;
        }

        var area = await AreaAsync(code, cancellationToken);
        if (area is null)
        {
            return null;
        }

        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return Result.Failure(validation);
        }

        var found = EntryFor(area, await EntriesOfUnitAsync(unitId, cancellationToken));
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
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }

    private sealed record StoredEntry(int Id, string RegulationCode, string Code, bool CurrentVersion, DateOnly AdoptedOn, DateOnly? LastRevisedOn, string DocumentReference);

    private Task<List<StoredEntry>> EntriesOfUnitAsync(int unitId, CancellationToken cancellationToken) =>
        (from e in db.RuleRegisterEntries.AsNoTracking()
         where e.UnitId == unitId
         join a in db.RuleAreas on e.RuleAreaId equals a.Id
         join r in db.Regulations on a.RegulationId equals r.Id
         select new StoredEntry(e.Id, r.Code, a.Code, r.IsCurrent, e.AdoptedOn, e.LastRevisedOn, e.DocumentReference))
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

    private Task<UnitHeading?> HeadingAsync(int unitId, CancellationToken cancellationToken)
    {
        var visible = jurisdiction.UnitIds();
        return db.Units.AsNoTracking()
            .Where(u => u.Id == unitId && visible.Contains(u.Id))
            .Select(u => new UnitHeading(u.Id, u.Code, u.Name))
            .SingleOrDefaultAsync(cancellationToken);
    }

    private void ThrowUnlessMaintainer()
    {
        if (!Permissions.CanMaintainMasterData(user))
        {
            throw new AccessDeniedException();
        }
    }
}
