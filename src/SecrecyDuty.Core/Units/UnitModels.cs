using SecrecyDuty.Core.Common;
namespace SecrecyDuty.Core.Units;

/// <summary>A unit as a list of children shows it.</summary>
public sealed record UnitListItem(int Id, string Code, string Name, string? ParentName, bool IsActive);

/// <summary>A row of the unit list and of its export.</summary>
public sealed record UnitRow(
    int Id,
    string Code,
    string Name,
    UnitKind Kind,
    AdministrativeLevel Level,
    string? ParentName,
    bool IsActive,
    DateTime CreatedAtUtc);

/// <summary>
/// A unit's overview. <see cref="ParentId"/> and <see cref="ParentName"/> are set only when the parent is in the
/// jurisdiction: the name of a unit above it is not shown either (issue 14, finding 10).
/// </summary>
public sealed record UnitDetails(
    int Id,
    string Code,
    string Name,
    int? ParentId,
    string? ParentName,
    bool IsActive,
    IReadOnlyList<UnitListItem> Children,
    UnitKind Kind,
    AdministrativeLevel Level,
    bool IsLargeOrMediumEnterprise,
    DateOnly? EstablishedOn,
    DateOnly? ClosedOn,
    DateTime CreatedAtUtc,
    bool CanMaintain,
    bool IsJurisdictionRoot,
    DateOnly Today,
    int Version)
{
    /// <summary>Moving or deactivating the root of one's own jurisdiction would take it out of one's hands.</summary>
    public bool CanMoveOrDeactivate => CanMaintain && !IsJurisdictionRoot;
}

/// <summary>The current values of a unit, to fill its edit form, with the version they are at.</summary>
public sealed record UnitEditing(int Id, string Code, string Name, UnitKind Kind, AdministrativeLevel Level, bool IsLargeOrMediumEnterprise, DateOnly? EstablishedOn, int Version);

/// <summary>A unit about to move, and the new parent its form has chosen so far (none yet: null).</summary>
public sealed record UnitMoving(
    int Id,
    string Code,
    string Name,
    string? ParentName,
    bool IsJurisdictionRoot,
    UnitLookupItem? NewParent,
    int Version);

public enum UnitStatusFilter
{
    All,
    Active,
    Inactive,
}

public enum UnitSortColumn
{
    Code,
    Name,
    Kind,
    Level,
}

/// <summary>The filters and order of the unit list (and of its export).</summary>
public sealed record UnitListQuery(
    string? Search = null,
    UnitKind? Kind = null,
    AdministrativeLevel? Level = null,
    UnitStatusFilter Status = UnitStatusFilter.All,
    int? ParentId = null,
    UnitSortColumn Sort = UnitSortColumn.Code,
    SortDirection Direction = SortDirection.Ascending);
