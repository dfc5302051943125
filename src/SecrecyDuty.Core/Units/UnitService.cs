using System.Linq.Expressions;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Units;

/// <summary>
/// The unit tree, always within the current account's jurisdiction. Everybody with a role reads it;
/// administrators and secrecy officers maintain it (issue 3, "Access").
/// </summary>
public sealed class UnitService(
    ISecrecyDutyDb db,
    Jurisdiction jurisdiction,
    ICurrentUser user,
    IValidator<UnitInput> validator,
    IValidator<CreateUnitInput> createValidator,
    IValidator<MoveUnitInput> moveValidator,
    IValidator<DeactivateUnitInput> deactivateValidator,
    UnitLookupService lookup,
    IStringLocalizer<Messages> l,
    TimeProvider clock)
{
    // Kinds and levels sort in the order the regulation lists them, not by their stored names.
    private static readonly Expression<Func<Unit, int>> KindOrder = DeclaredOrder<UnitKind>(u => u.Kind);
    private static readonly Expression<Func<Unit, int>> LevelOrder = DeclaredOrder<AdministrativeLevel>(u => u.Level);

    /// <summary>Whether the account may create, edit, move and deactivate units (within its jurisdiction).</summary>
    public bool CanMaintain => UnitAccess.CanMaintain(user);

    public Task<PagedList<UnitRow>> ListAsync(string? search, int page, int pageSize, CancellationToken cancellationToken = default) =>
        ListFilteredAsync(new UnitListQuery(search), page, pageSize, cancellationToken);

    /// <summary>One page of the units in jurisdiction matching <paramref name="query"/>, in its order.</summary>
    public async Task<PagedList<UnitRow>> ListFilteredAsync(UnitListQuery query, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        (page, pageSize) = Paging.Normalize(page, pageSize);
        var units = Filtered(query);
        var total = await units.CountAsync(cancellationToken);
        var items = await Rows(Sorted(units, query).Skip((page - 1) * pageSize).Take(pageSize), jurisdiction.UnitIds()).ToListAsync(cancellationToken);
        return new PagedList<UnitRow>(items, page, pageSize, total);
    }

    /// <summary>Every unit the list shows with these filters, in its order, unpaged: for CSV and XLSX export.</summary>
    public Task<List<UnitRow>> ExportAsync(UnitListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Rows(Sorted(Filtered(query), query), jurisdiction.UnitIds()).ToListAsync(cancellationToken);
    }

    /// <summary>The unit, or null when it does not exist or lies outside the jurisdiction (the two are not told apart).</summary>
    public async Task<UnitDetails?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        // EXISTS per unit rather than IN: IN lists every unit of the jurisdiction first, a province's 10,000 to read one
        // (issue 10, measured); so below and in the tree.
        var visible = jurisdiction.UnitIds();
        var unit = await db.Units.AsNoTracking()
            .Where(u => u.Id == id && visible.Any(v => v == u.Id))
            .Select(u => new
            {
                u.Id,
                u.Code,
                u.Name,
                u.Kind,
                u.Level,
                u.IsLargeOrMediumEnterprise,
                u.EstablishedOn,
                u.ClosedOn,
                VisibleParentId = u.ParentId != null && visible.Any(v => v == u.ParentId) ? u.ParentId : null,
                ParentName = u.ParentId != null && visible.Any(v => v == u.ParentId) ? u.Parent!.Name : null,
                u.IsActive,
                u.CreatedAtUtc,
                u.Version,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (unit is null)
        {
            return null;
        }

        var children = await db.Units.AsNoTracking()
            .Where(u => u.ParentId == id && visible.Any(v => v == u.Id))
            .OrderBy(u => u.Code)
            .Select(u => new UnitListItem(u.Id, u.Code, u.Name, unit.Name, u.IsActive))
            .ToListAsync(cancellationToken);
        return new UnitDetails(
            unit.Id,
            unit.Code,
            unit.Name,
            unit.VisibleParentId,
            unit.ParentName,
            unit.IsActive,
            children,
            unit.Kind,
            unit.Level,
            unit.IsLargeOrMediumEnterprise,
            unit.EstablishedOn,
            unit.ClosedOn,
            unit.CreatedAtUtc,
            CanMaintain,
            unit.Id == user.UnitId,
            LocalDate.Today(clock),
            unit.Version);
    }

    /// <summary>
    /// The top of the jurisdiction's tree: its top units and the units right below them, each saying whether it has units
    /// below it in jurisdiction. Deeper branches are read on demand (<see cref="ChildrenAsync"/>), so the page does not
    /// grow with the province (issue 10). One query, nested in memory.
    /// </summary>
    public async Task<IReadOnlyList<UnitTreeBranch>> TreeAsync(CancellationToken cancellationToken = default)
    {
        // The top is the account's unit: read with its children by key and parent, not by looking through every unit.
        if (jurisdiction.TopUnitId is not int top)
        {
            return [];
        }

        var visible = jurisdiction.UnitIds();
        var rows = await Branches(db.Units.Where(u => (u.Id == top || u.ParentId == top) && visible.Any(v => v == u.Id)), visible)
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Unit.Id).ToHashSet();
        var childrenOf = rows.Where(r => r.Unit.ParentId is int p && ids.Contains(p)).ToLookup(r => r.Unit.ParentId!.Value);
        return [.. rows.Where(r => r.Unit.ParentId is not int p || !ids.Contains(p)).Select(r => r with { Children = [.. childrenOf[r.Unit.Id]] })];
    }

    /// <summary>The units right below <paramref name="parentId"/> in jurisdiction, or null when the unit is not in it.</summary>
    public async Task<IReadOnlyList<UnitTreeBranch>?> ChildrenAsync(int parentId, CancellationToken cancellationToken = default)
    {
        var visible = jurisdiction.UnitIds();
        var rows = await Branches(db.Units.Where(u => (u.ParentId == parentId || u.Id == parentId) && visible.Any(v => v == u.Id)), visible)
            .ToListAsync(cancellationToken);
        return rows.Any(r => r.Unit.Id == parentId) ? [.. rows.Where(r => r.Unit.Id != parentId)] : null;
    }

    /// <summary>Siblings by code, as <see cref="UnitTree.Build"/> orders them.</summary>
    private IQueryable<UnitTreeBranch> Branches(IQueryable<Unit> units, IQueryable<int> visible) =>
        units.AsNoTracking()
            .OrderBy(u => u.Code)
            .Select(u => new UnitTreeBranch(
                new UnitTreeRow(u.Id, u.ParentId, u.Code, u.Name, u.Kind, u.Level, u.IsActive),
                db.Units.Any(c => c.ParentId == u.Id && visible.Any(v => v == c.Id)),
                Array.Empty<UnitTreeBranch>()));

    /// <summary>
    /// The unit the list's parent filter has chosen, to show in its picker (deactivated ones too, as the filter offers
    /// them); null for none (the picker's 0) or outside the jurisdiction.
    /// </summary>
    public async Task<UnitLookupItem?> ParentFilterAsync(int? id, CancellationToken cancellationToken = default) =>
        id is > 0 ? await lookup.FindAsync(id.Value, UnitLookupScope.JurisdictionWithDeactivated, cancellationToken) : null;

    /// <summary>
    /// The parent a new unit's form has chosen, to show in its picker; null for none (the picker's 0) or outside the
    /// jurisdiction. Whether it may take a unit is <see cref="CreateAsync"/>'s to say. Only for those who maintain units.
    /// </summary>
    public async Task<UnitLookupItem?> ParentChoiceAsync(int? id, CancellationToken cancellationToken = default)
    {
        UnitAccess.RequireMaintainer(user);
        return id is > 0 ? await lookup.FindAsync(id.Value, UnitLookupScope.Jurisdiction, cancellationToken) : null;
    }

    /// <summary>The unit's current values for its edit form; null outside the jurisdiction.</summary>
    public Task<UnitEditing?> GetForEditAsync(int id, CancellationToken cancellationToken = default)
    {
        UnitAccess.RequireMaintainer(user);
        var visible = jurisdiction.UnitIds();
        return db.Units.AsNoTracking()
            .Where(u => u.Id == id && visible.Contains(u.Id))
            .Select(u => new UnitEditing(u.Id, u.Code, u.Name, u.Kind, u.Level, u.IsLargeOrMediumEnterprise, u.EstablishedOn, u.Version))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// The unit to move, with the new parent its form has chosen (<paramref name="newParentId"/>, shown in the picker; null
    /// for none or outside the jurisdiction); null when the unit is outside the jurisdiction. Where it may go is
    /// <see cref="MoveAsync"/>'s to say: no list of every unit it could move under.
    /// </summary>
    public async Task<UnitMoving?> GetForMoveAsync(int id, int? newParentId = null, CancellationToken cancellationToken = default)
    {
        UnitAccess.RequireMaintainer(user);
        var visible = jurisdiction.UnitIds();
        var unit = await db.Units.AsNoTracking()
            .Where(u => u.Id == id && visible.Contains(u.Id))
            .Select(u => new { u.Id, u.Code, u.Name, ParentName = u.ParentId != null && visible.Contains(u.ParentId.Value) ? u.Parent!.Name : null, u.Version })
            .SingleOrDefaultAsync(cancellationToken);
        if (unit is null)
        {
            return null;
        }

        var isRoot = unit.Id == user.UnitId;
        var newParent = !isRoot && newParentId is > 0 ? await lookup.FindAsync(newParentId.Value, UnitLookupScope.Jurisdiction, cancellationToken) : null;
        return new UnitMoving(unit.Id, unit.Code, unit.Name, unit.ParentName, isRoot, newParent, unit.Version);
    }

    /// <summary>Creates a unit under an active unit of the jurisdiction; returns its id.</summary>
    public async Task<Result<int>> CreateAsync(CreateUnitInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        UnitAccess.RequireMaintainer(user);
        var validation = await createValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return Result<int>.Failure(validation);
        }

        var parentId = input.ParentId!.Value;
        var errors = new List<FieldError>();
        if (!await IsActiveInJurisdictionAsync(parentId, cancellationToken))
        {
            errors.Add(new FieldError(nameof(input.ParentId), l["Choose an active unit within your jurisdiction."]));
        }

        if (await CodeTakenAsync(input.Code, exceptId: null, cancellationToken))
        {
            errors.Add(CodeTaken());
        }

        if (errors.Count > 0)
        {
            return Result<int>.Failure([.. errors]);
        }

        var unit = new Unit
        {
            Code = input.Code,
            Name = input.Name,
            Kind = input.Kind!.Value,
            Level = input.Level!.Value,
            IsLargeOrMediumEnterprise = input.IsLargeOrMediumEnterprise,
            EstablishedOn = input.EstablishedOn,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        await UnitTree.AddAsync(db, unit, parentId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Result<int>.Success(unit.Id);
    }

    /// <summary>
    /// Changes code, name, kind, level, size and set-up date, over the <paramref name="version"/> the form was opened on
    /// (a conflict when someone else saved the unit since); null when the unit is outside the jurisdiction.
    /// </summary>
    public async Task<Result?> EditAsync(int id, int version, UnitInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        UnitAccess.RequireMaintainer(user);
        var unit = await FindForChangeAsync(id, cancellationToken);
        if (unit is null)
        {
            return null;
        }

        if (!Versions.Allows(unit.Version, version))
        {
            return await EditConflictAsync(id, input, cancellationToken);
        }

        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return Result.Failure(validation);
        }

        var errors = new List<FieldError>();
        if (await CodeTakenAsync(input.Code, exceptId: id, cancellationToken))
        {
            errors.Add(CodeTaken());
        }

        if (input.EstablishedOn is { } setUp && unit.ClosedOn is { } closed && setUp > closed)
        {
            errors.Add(new FieldError(nameof(UnitInput.EstablishedOn), l["The unit closed on {0}: enter a set-up date on or before it.", Format(closed)]));
        }

        if (errors.Count > 0)
        {
            return Result.Failure([.. errors]);
        }

        unit.Code = input.Code;
        unit.Name = input.Name;
        unit.Kind = input.Kind!.Value;
        unit.Level = input.Level!.Value;
        unit.IsLargeOrMediumEnterprise = input.IsLargeOrMediumEnterprise;
        unit.EstablishedOn = input.EstablishedOn;
        return await db.TrySaveOverAsync(unit, version, cancellationToken) ? Result.Success() : await EditConflictAsync(id, input, cancellationToken);
    }

    /// <summary>
    /// Moves the unit, with everything below it, under another active unit of the jurisdiction. Refused
    /// under itself or its own branch (a cycle) and for the root of the account's jurisdiction. Null when
    /// the unit is outside the jurisdiction.
    /// </summary>
    public async Task<Result?> MoveAsync(int id, int version, MoveUnitInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        UnitAccess.RequireMaintainer(user);
        var unit = await FindForChangeAsync(id, cancellationToken);
        if (unit is null)
        {
            return null;
        }

        if (!Versions.Allows(unit.Version, version))
        {
            return await MoveConflictAsync(id, input, cancellationToken);
        }

        if (unit.Id == user.UnitId)
        {
            return Result.Failure(new FieldError("", l["The unit at the top of your jurisdiction cannot be moved: that is done from the unit above it."]));
        }

        var validation = await moveValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return Result.Failure(validation);
        }

        var newParentId = input.NewParentId!.Value;
        var field = nameof(input.NewParentId);
        if (newParentId == id)
        {
            return Result.Failure(new FieldError(field, l["A unit cannot be moved under itself: choose another unit."]));
        }

        if (newParentId == unit.ParentId)
        {
            return Result.Failure(new FieldError(field, l["The unit is already directly under this unit: choose another one."]));
        }

        if (!await IsActiveInJurisdictionAsync(newParentId, cancellationToken))
        {
            return Result.Failure(new FieldError(field, l["Choose an active unit within your jurisdiction."]));
        }

        if (await db.UnitAncestries.AnyAsync(a => a.AncestorId == id && a.DescendantId == newParentId, cancellationToken))
        {
            return Result.Failure(new FieldError(field, l["A unit cannot be moved under a unit below it: choose a unit outside its branch."]));
        }

        // The parent link and the closure rows of the whole branch change in one save (audited as a Move).
        await UnitTree.MoveAsync(db, unit, newParentId, cancellationToken);
        return await db.TrySaveOverAsync(unit, version, cancellationToken) ? Result.Success() : await MoveConflictAsync(id, input, cancellationToken);
    }

    /// <summary>
    /// Deactivates the unit (never a hard delete: records refer to it) and records the date it closed, not before it
    /// was set up. Refused while active units lie directly below it, and for the root of the account's jurisdiction.
    /// Null outside the jurisdiction.
    /// </summary>
    public async Task<Result?> DeactivateAsync(int id, int version, DeactivateUnitInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        UnitAccess.RequireMaintainer(user);
        var unit = await FindForChangeAsync(id, cancellationToken);
        if (unit is null)
        {
            return null;
        }

        if (!Versions.Allows(unit.Version, version))
        {
            return await StatusConflictAsync(id, input.ClosedOn, cancellationToken);
        }

        if (unit.Id == user.UnitId)
        {
            return Result.Failure(new FieldError("", l["The unit at the top of your jurisdiction cannot be deactivated: that is done from the unit above it."]));
        }

        if (await db.Units.AnyAsync(u => u.ParentId == id && u.IsActive, cancellationToken))
        {
            return Result.Failure(new FieldError("", l["This unit has active units below it: deactivate or move them first."]));
        }

        var validation = await deactivateValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return Result.Failure(validation);
        }

        var closedOn = input.ClosedOn!.Value;
        if (unit.EstablishedOn is { } setUp && closedOn < setUp)
        {
            return Result.Failure(new FieldError(nameof(DeactivateUnitInput.ClosedOn), l["The unit was set up on {0}: enter a closing date on or after it.", Format(setUp)]));
        }

        unit.IsActive = false;
        unit.ClosedOn = closedOn;
        return await db.TrySaveOverAsync(unit, version, cancellationToken) ? Result.Success() : await StatusConflictAsync(id, input.ClosedOn, cancellationToken);
    }

    /// <summary>Reactivates the unit and clears its closing date; refused while its parent is inactive. Null outside the jurisdiction.</summary>
    public async Task<Result?> ReactivateAsync(int id, int version, CancellationToken cancellationToken = default)
    {
        UnitAccess.RequireMaintainer(user);
        var unit = await FindForChangeAsync(id, cancellationToken);
        if (unit is null)
        {
            return null;
        }

        if (!Versions.Allows(unit.Version, version))
        {
            return await StatusConflictAsync(id, closedOn: null, cancellationToken);
        }

        if (unit.ParentId is int parentId && !await db.Units.AnyAsync(u => u.Id == parentId && u.IsActive, cancellationToken))
        {
            return Result.Failure(new FieldError("", l["The unit above it is deactivated: reactivate that unit first."]));
        }

        unit.IsActive = true;
        unit.ClosedOn = null;
        return await db.TrySaveOverAsync(unit, version, cancellationToken) ? Result.Success() : await StatusConflictAsync(id, closedOn: null, cancellationToken);
    }

    /// <summary>The unit as stored now beside the edit form's values: nothing was saved.</summary>
    private async Task<Result> EditConflictAsync(int id, UnitInput yours, CancellationToken cancellationToken)
    {
        var (stored, conflict) = await StoredAsync(id, cancellationToken);
        return Result.Failure(conflict
            .Field(l["Code"], stored.Code, yours.Code)
            .Field(l["Name"], stored.Name, yours.Name)
            .Field(l["Kind"], stored.Kind, yours.Kind)
            .Field(l["Large or medium state-owned enterprise (国有大、中型企业)"], stored.IsLargeOrMediumEnterprise, yours.IsLargeOrMediumEnterprise)
            .Field(l["Administrative level"], stored.Level, yours.Level)
            .Field(l["Set up on (optional)"], stored.EstablishedOn, yours.EstablishedOn));
    }

    private async Task<Result> MoveConflictAsync(int id, MoveUnitInput yours, CancellationToken cancellationToken)
    {
        var (stored, conflict) = await StoredAsync(id, cancellationToken);
        var visible = jurisdiction.UnitIds();
        var chosen = yours.NewParentId is int parentId
            ? await db.Units.AsNoTracking().Where(u => u.Id == parentId && visible.Contains(u.Id)).Select(u => u.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        return Result.Failure(conflict
            .Stored(l["Name"], stored.Name)
            .Field(l["Parent unit"], stored.ParentName, chosen)
            .Stored(l["Status"], stored.IsActive ? l["Active"] : l["Deactivated"]));
    }

    private async Task<Result> StatusConflictAsync(int id, DateOnly? closedOn, CancellationToken cancellationToken)
    {
        var (stored, conflict) = await StoredAsync(id, cancellationToken);
        conflict.Stored(l["Name"], stored.Name).Stored(l["Parent unit"], stored.ParentName).Stored(l["Status"], stored.IsActive ? l["Active"] : l["Deactivated"]);
        return Result.Failure(closedOn is null ? conflict.Stored(l["Closed on"], stored.ClosedOn) : conflict.Field(l["Closed on"], stored.ClosedOn, closedOn));
    }

    /// <summary>The unit as stored now (a parent outside the jurisdiction is not named), for a conflict.</summary>
    private async Task<(StoredUnit Unit, EditConflict Conflict)> StoredAsync(int id, CancellationToken cancellationToken)
    {
        var visible = jurisdiction.UnitIds();
        var stored = await db.Units.AsNoTracking()
            .Where(u => u.Id == id)
            .Select(u => new StoredUnit(
                u.Code,
                u.Name,
                u.Kind,
                u.Level,
                u.IsLargeOrMediumEnterprise,
                u.EstablishedOn,
                u.ParentId != null && visible.Contains(u.ParentId.Value) ? u.Parent!.Name : null,
                u.IsActive,
                u.ClosedOn,
                new VersionStamp(u.Version, u.SavedAtUtc, u.SavedBy)))
            .SingleAsync(cancellationToken);
        return (stored, await db.ConflictAsync(stored.Stamp, cancellationToken));
    }

    private sealed record StoredUnit(
        string Code,
        string Name,
        UnitKind Kind,
        AdministrativeLevel Level,
        bool IsLargeOrMediumEnterprise,
        DateOnly? EstablishedOn,
        string? ParentName,
        bool IsActive,
        DateOnly? ClosedOn,
        VersionStamp Stamp);

    private Task<Unit?> FindForChangeAsync(int id, CancellationToken cancellationToken)
    {
        var visible = jurisdiction.UnitIds();
        return db.Units.SingleOrDefaultAsync(u => u.Id == id && visible.Contains(u.Id), cancellationToken);
    }

    private Task<bool> IsActiveInJurisdictionAsync(int id, CancellationToken cancellationToken)
    {
        var visible = jurisdiction.UnitIds();
        return db.Units.AnyAsync(u => u.Id == id && u.IsActive && visible.Contains(u.Id), cancellationToken);
    }

    // Codes are unique across the province, not only the jurisdiction. "==" compares as the unique index
    // does on each provider (binary on SQLite, the column's collation on SQL Server).
    private Task<bool> CodeTakenAsync(string code, int? exceptId, CancellationToken cancellationToken) =>
        db.Units.AnyAsync(u => u.Code == code && u.Id != exceptId, cancellationToken);

    private FieldError CodeTaken() =>
        new(nameof(UnitInput.Code), l["Another unit already has this code: choose another code."]);

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private IQueryable<Unit> Filtered(UnitListQuery query)
    {
        var visible = jurisdiction.UnitIds();
        var units = db.Units.AsNoTracking().Where(u => visible.Contains(u.Id));
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            units = units.Where(u => u.Name.Contains(term) || u.Code.Contains(term));
        }

        if (query.Kind is UnitKind kind)
        {
            units = units.Where(u => u.Kind == kind);
        }

        if (query.Level is AdministrativeLevel level)
        {
            units = units.Where(u => u.Level == level);
        }

        units = query.Status switch
        {
            UnitStatusFilter.Active => units.Where(u => u.IsActive),
            UnitStatusFilter.Inactive => units.Where(u => !u.IsActive),
            _ => units,
        };
        if (query.ParentId is int parentId)
        {
            units = units.Where(u => u.ParentId == parentId);
        }

        return units;
    }

    private static IQueryable<Unit> Sorted(IQueryable<Unit> units, UnitListQuery query)
    {
        var ordered = query.Sort switch
        {
            UnitSortColumn.Name => units.OrderBy(u => u.Name, query.Direction),
            UnitSortColumn.Kind => units.OrderBy(KindOrder, query.Direction),
            UnitSortColumn.Level => units.OrderBy(LevelOrder, query.Direction),
            _ => units.OrderBy(u => u.Code, query.Direction),
        };

        // The code is unique: a stable order across pages.
        return query.Sort == UnitSortColumn.Code ? ordered : ordered.ThenBy(u => u.Code);
    }

    /// <summary>A parent outside the jurisdiction is not named (issue 14, finding 10): the top unit shows no parent.</summary>
    private static IQueryable<UnitRow> Rows(IQueryable<Unit> units, IQueryable<int> visible) =>
        units.Select(u => new UnitRow(
            u.Id,
            u.Code,
            u.Name,
            u.Kind,
            u.Level,
            u.ParentId != null && visible.Contains(u.ParentId.Value) ? u.Parent!.Name : null,
            u.IsActive,
            u.CreatedAtUtc));

    /// <summary>u => u.X == first ? 0 : u.X == second ? 1 : …, which SQL evaluates as a CASE.</summary>
    private static Expression<Func<Unit, int>> DeclaredOrder<TEnum>(Expression<Func<Unit, TEnum>> property)
        where TEnum : struct, Enum
    {
        var values = Enum.GetValues<TEnum>();
        Expression body = Expression.Constant(values.Length);
        for (var i = values.Length - 1; i >= 0; i--)
        {
            body = Expression.Condition(
                Expression.Equal(property.Body, Expression.Constant(values[i])),
                Expression.Constant(i),
                body);
        }

        return Expression.Lambda<Func<Unit, int>>(body, property.Parameters);
    }
}
