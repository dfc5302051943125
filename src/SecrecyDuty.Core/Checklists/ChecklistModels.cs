using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Catalogue;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Leaders;

namespace SecrecyDuty.Core.Checklists;

public enum ChecklistSort
{
    Unit,
    Leader,
    Role,
    Status,
    SubmittedAt,
}

/// <summary>Where a posting's checklist of the year stands, including "not generated yet", for the list's filter.</summary>
public enum ChecklistProgress
{
    NotGenerated,
    Open,
    Submitted,
    Returned,
    Reviewed,

    /// <summary>The posting is not in scope of art. 2: it keeps no checklist, and none is missing.</summary>
    NotInScope,
}

/// <summary>The list's year, filters and order, as the query string gives them.</summary>
public sealed class ChecklistFilter
{
    /// <summary>Null: the current year.</summary>
    public int? Year { get; set; }

    public int? UnitId { get; set; }

    public ChecklistProgress? Status { get; set; }

    public PostingRole? Role { get; set; }

    /// <summary>Leader's name, posting title or unit name contains this.</summary>
    public string? Search { get; set; }

    public ChecklistSort Sort { get; set; }

    public SortDirection Direction { get; set; }
}

/// <summary>
/// A posting holding during the year with its checklist (<see cref="Status"/> null: not generated yet, or not kept at all
/// when the posting is not in scope of art. 2, <see cref="Scope"/> saying why).
/// </summary>
public sealed record ChecklistListItem(
    int PostingId,
    int Year,
    string UnitCode,
    string UnitName,
    string LeaderName,
    PostingRole Role,
    bool LeadsSecrecyWork,
    ScopeReason Scope,
    string Title,
    ChecklistStatus? Status,
    int Items,
    int Fulfilled,
    int NotApplicable,
    int NotStarted,
    DateTime? SubmittedAtUtc,
    DateTime? ReviewedAtUtc)
{
    public bool IsGenerated => Status is not null;

    public bool InScope => LeaderScope.Includes(Scope);

    public ChecklistProgress Progress => Status switch
    {
        null when !InScope => ChecklistProgress.NotInScope,
        null => ChecklistProgress.NotGenerated,
        ChecklistStatus.Submitted => ChecklistProgress.Submitted,
        ChecklistStatus.Returned => ChecklistProgress.Returned,
        ChecklistStatus.Reviewed => ChecklistProgress.Reviewed,
        _ => ChecklistProgress.Open,
    };
}

/// <summary>
/// The checklists page: the account's own postings of the year (<see cref="Mine"/>, null for an account that is no
/// leader's), and every posting of the jurisdiction holding during the year with its checklist, as far as the account
/// reads them (<see cref="ChecklistAccess"/>).
/// </summary>
public sealed record ChecklistIndex(
    int Year,
    IReadOnlyList<ChecklistListItem>? Mine,
    PagedList<ChecklistListItem> List,
    bool CanGenerate)
{
    /// <summary>The list is the jurisdiction's; otherwise (a unit leader) it holds the leader's own and, for a principal leader, the team's.</summary>
    public bool ReadsJurisdiction { get; init; } = true;
}

/// <summary>
/// The posting a checklist belongs to. <paramref name="LeadsSecrecyWork"/>: the posting also carries the charge of secrecy
/// work (art. 6); <paramref name="Scope"/>: whether it is in scope of art. 2, and why.
/// </summary>
public sealed record ChecklistPosting(
    int Id,
    int LeaderId,
    string LeaderName,
    int UnitId,
    string UnitName,
    PostingRole Role,
    bool LeadsSecrecyWork,
    ScopeReason Scope,
    string Title,
    DateOnly From,
    DateOnly? To)
{
    public bool InScope => LeaderScope.Includes(Scope);
}

/// <summary>An activity of the posting's unit that counts as evidence for an item (its kind maps to the item's code).</summary>
public sealed record ChecklistEvidence(int ActivityId, ActivityKind Kind, DateOnly Date, string Title);

public sealed record ChecklistItemView(
    int Id,
    string Code,
    DutyHolder Holder,
    string Text,
    string SummaryEn,
    int? MinimumPerYear,
    int? ExpectedPerYear,
    ChecklistItemStatus Status,
    string? NotApplicableReason,
    string? SelfAssessment,
    IReadOnlyList<ChecklistEvidence> Evidence)
{
    /// <summary>Art. 4: the personal code of conduct, as opposed to the duties of the role (arts. 5–7).</summary>
    public bool IsCodeOfConduct => Holder == DutyHolder.EveryLeader;

    public FrequencyHint Hint => ChecklistRules.Frequency(MinimumPerYear, ExpectedPerYear, Evidence.Count);
}

public sealed record ChecklistDetails(
    int Id,
    ChecklistStatus Status,
    string RegulationTitle,
    string RegulationVersion,
    DateTime? SubmittedAtUtc,
    DateTime? ReviewedAtUtc,
    string? ReviewedBy,
    string? OrganizationOpinion,
    IReadOnlyList<ChecklistItemView> Items,
    int Version);

/// <summary>
/// A posting's checklist for a year as the page shows it: <see cref="Checklist"/> is null while none is generated
/// (<see cref="Generation"/> says why it was not). <see cref="IsOwnLeader"/>: the account is the posting's leader.
/// </summary>
public sealed record ChecklistView(
    ChecklistPosting Posting,
    int Year,
    ChecklistDetails? Checklist,
    ChecklistGeneration Generation,
    bool IsOwnLeader,
    bool IsReviewer)
{
    public bool CanEdit => IsOwnLeader && Checklist is { } c && ChecklistRules.IsEditable(c.Status);

    public bool CanReview => IsReviewer && !IsOwnLeader && Checklist is { } c && ChecklistRules.CanBeReviewed(c.Status);

    /// <summary>Missing, allowed for the year and the posting, and the account is the leader or the secrecy office.</summary>
    public bool CanGenerate => Checklist is null && Generation == ChecklistGeneration.Allowed && (IsOwnLeader || IsReviewer);
}
