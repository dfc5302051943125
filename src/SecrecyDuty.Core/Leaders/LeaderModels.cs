using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Core.Leaders;

public enum LeaderStatusFilter
{
    Active,
    Deactivated,
    All,
}

public enum LeaderSort
{
    Name,
    StaffNumber,
    Rank,
}

/// <summary>The leader list's search, filters and order, as the query string carries them.</summary>
public sealed class LeaderFilter
{
    /// <summary>Part of a name or a staff number.</summary>
    public string? Search { get; set; }

    public LeaderRank? Rank { get; set; }

    public bool? PartyMember { get; set; }

    /// <summary>In scope of the measure today (art. 2), judged by the postings holding today (<see cref="LeaderScope.ReasonForLeader"/>).</summary>
    public bool? InScope { get; set; }

    /// <summary>The unit that keeps the leaders' records.</summary>
    public int? UnitId { get; set; }

    public LeaderStatusFilter Status { get; set; } = LeaderStatusFilter.Active;

    public LeaderSort Sort { get; set; } = LeaderSort.Name;

    public SortDirection Direction { get; set; } = SortDirection.Ascending;
}

public sealed record LeaderListItem(
    int Id,
    string Name,
    string StaffNumber,
    LeaderRank Rank,
    bool IsPartyMember,
    ScopeReason Scope,
    int UnitId,
    string UnitName,
    string? Phone,
    string? Email,
    bool IsActive)
{
    public bool InScope => LeaderScope.Includes(Scope);
}

/// <summary>
/// One posting in a leader's history. <paramref name="UnitInJurisdiction"/>: whether the unit's pages may be opened;
/// <paramref name="Scope"/>: whether the posting is in scope of art. 2 (and so keeps a duty checklist), and why.
/// </summary>
public sealed record PostingHistoryItem(
    int Id,
    int UnitId,
    string UnitName,
    PostingRole Role,
    bool LeadsSecrecyWork,
    ScopeReason Scope,
    string Title,
    string? Portfolio,
    DateOnly From,
    DateOnly? To,
    bool HoldsToday,
    bool UnitInJurisdiction,
    bool CanEdit);

public sealed record LeaderDetails(
    int Id,
    string Name,
    string StaffNumber,
    LeaderRank Rank,
    bool IsPartyMember,
    string? Phone,
    string? Email,
    int UnitId,
    string UnitName,
    bool IsActive,
    ScopeReason ScopeReason,
    IReadOnlyList<string> SecretHandlingUnits,
    IReadOnlyList<string> SmallEnterprises,
    IReadOnlyList<PostingHistoryItem> Postings,
    bool CanMaintain,
    int Version)
{
    public bool InScope => LeaderScope.Includes(ScopeReason);
}

/// <summary>A leader's fields for the edit form, with the version they are at.</summary>
public sealed record LeaderEditing(LeaderInput Input, int Version);

public sealed record LeaderSummary(int Id, string Name, string StaffNumber, string UnitName);

/// <summary>A new posting's form: for a given leader, or (leader null) from a unit's page, where the leader is given by staff number.</summary>
/// <paramref name="Units"/>: the units the form's unit picker has chosen (at most one), never every unit.
public sealed record NewPostingForm(LeaderSummary? Leader, PostingInput Input, IReadOnlyList<UnitChoice> Units);

/// <summary>A posting's form. <paramref name="Today"/>: the end date the form suggests for a posting that still holds.</summary>
/// <paramref name="Units"/>: the units the form's unit picker has chosen, never every unit.
public sealed record PostingEditForm(int Id, LeaderSummary Leader, PostingInput Input, bool IsOpen, DateOnly Today, IReadOnlyList<UnitChoice> Units, int Version);

/// <summary>
/// A member of a unit's leadership team on a date. <paramref name="LeaderInJurisdiction"/>: the leader's page may be opened;
/// <paramref name="LeadsSecrecyWork"/>: a principal leader or other member who also leads the unit's secrecy work (art. 6).
/// </summary>
public sealed record TeamMember(
    int PostingId,
    int LeaderId,
    string LeaderName,
    LeaderRank Rank,
    bool LeaderInJurisdiction,
    PostingRole Role,
    bool LeadsSecrecyWork,
    string Title,
    string? Portfolio,
    DateOnly From,
    DateOnly? To)
{
    /// <summary>The member leads the unit's secrecy work (art. 6): by the role, or on top of it.</summary>
    public bool ChargesSecrecyWork => Role == PostingRole.SecrecyLeader || LeadsSecrecyWork;
}

/// <summary>
/// A unit's leadership team on <see cref="Date"/>, by role (arts. 5–7): every posting appears once, under its role.
/// <see cref="InChargeOfSecrecyWork"/> names who leads the secrecy work, whichever role carries the charge.
/// </summary>
public sealed record LeadershipTeam(
    int UnitId,
    string UnitName,
    UnitKind UnitKind,
    DateOnly Date,
    IReadOnlyList<TeamMember> PrincipalLeaders,
    IReadOnlyList<TeamMember> SecrecyLeaders,
    IReadOnlyList<TeamMember> OtherMembers,
    bool CanMaintain)
{
    /// <summary>Art. 5: nobody bears overall leadership responsibility on that date.</summary>
    public bool LacksPrincipalLeader => PrincipalLeaders.Count == 0;

    /// <summary>Art. 6: the postings that lead the unit's secrecy work on that date (a leader-in-charge posting, or a flagged one).</summary>
    public IReadOnlyList<TeamMember> InChargeOfSecrecyWork =>
        [.. PrincipalLeaders.Concat(SecrecyLeaders).Concat(OtherMembers).Where(m => m.ChargesSecrecyWork)];

    /// <summary>Art. 6: nobody bears direct leadership responsibility for secrecy work on that date.</summary>
    public bool LacksSecrecyLeader => InChargeOfSecrecyWork.Count == 0;
}

/// <summary>A unit a leader's record or a posting may be placed in.</summary>
public sealed record UnitChoice(int Id, string Code, string Name, bool IsActive);

/// <summary>A leader as a picker offers it.</summary>
public sealed record LeaderLookupItem(int Id, string Name, string StaffNumber, string UnitName);
