using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Checklists;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Core.Appraisals;

public enum AppraisalSort
{
    Name,
    Unit,
}

/// <summary>The appraisal list's year, search, filters and order, as the query string carries them.</summary>
public sealed class AppraisalFilter
{
    /// <summary>The year appraised; the current year when empty or not appraisable.</summary>
    public int? Year { get; set; }

    /// <summary>Part of a leader's name or staff number.</summary>
    public string? Search { get; set; }

    /// <summary>The unit keeping the leaders' records.</summary>
    public int? UnitId { get; set; }

    public AppraisalStatus? Status { get; set; }

    public AppraisalSort Sort { get; set; } = AppraisalSort.Name;

    public SortDirection Direction { get; set; } = SortDirection.Ascending;
}

public sealed record AppraisalListItem(
    int LeaderId,
    string Name,
    string StaffNumber,
    LeaderRank Rank,
    string UnitName,
    AppraisalStatus Status,
    AppraisalGrade? Grade,
    DateOnly? FinalizedOn);

/// <summary>One page of the list for <paramref name="Year"/> (the year actually shown).</summary>
public sealed record AppraisalList(int Year, IReadOnlyList<int> YearChoices, PagedList<AppraisalListItem> Appraisals);

/// <summary>A posting held (at least partly) during the appraised year.</summary>
public sealed record AppraisalPosting(int UnitId, string UnitName, PostingRole Role, string Title, string? Portfolio, DateOnly From, DateOnly? To);

/// <summary>A leader's appraisal for a year, with what the current account may write.</summary>
public sealed record AppraisalDetails(
    int LeaderId,
    string LeaderName,
    string StaffNumber,
    LeaderRank Rank,
    string UnitName,
    int Year,
    IReadOnlyList<int> YearChoices,
    AppraisalStatus Status,
    string? DutyReportSection,
    string? OrganizationOpinion,
    AppraisalGrade? Grade,
    string? Commendation,
    DateOnly? FinalizedOn,
    string? FinalizedBy,
    IReadOnlyList<AppraisalPosting> Postings,
    bool IsOwn,
    bool CanWriteDutyReport,
    bool CanWriteOpinion,
    bool CanDecide,
    int Version)
{
    public bool IsFinalized => Status == AppraisalStatus.Finalized;

    /// <summary>Art. 9: the appraisal cannot be finalized before the secrecy organization's opinion is given.</summary>
    public bool HasOpinion => !string.IsNullOrWhiteSpace(OrganizationOpinion);
}

/// <summary>The print view of an appraisal: everything the A4 document shows, from one service call.</summary>
public sealed record AppraisalPrint(
    int Year,
    DateOnly PrintedOn,
    string? RegulationTitle,
    string? RegulationTitleEn,
    PrintLeader Leader,
    IReadOnlyList<AppraisalPosting> Postings,
    IReadOnlyList<PrintChecklist> Checklists,
    IReadOnlyList<PrintActivity> Activities,
    IReadOnlyList<PrintUnitActivityCount> UnitActivityCounts,
    IReadOnlyList<PrintRectificationOrder> RectificationOrders,
    AppraisalStatus Status,
    string? DutyReportSection,
    string? OrganizationOpinion,
    AppraisalGrade? Grade,
    string? Commendation,
    DateOnly? FinalizedOn);

public sealed record PrintLeader(string Name, string StaffNumber, LeaderRank Rank, bool IsPartyMember, string UnitName, UnitKind UnitKind);

/// <summary>The duty checklist of one posting for the year, with the secrecy organization's review opinion.</summary>
public sealed record PrintChecklist(
    string UnitName,
    PostingRole Role,
    string Title,
    ChecklistStatus Status,
    DateOnly? SubmittedOn,
    DateOnly? ReviewedOn,
    string? OrganizationOpinion,
    IReadOnlyList<PrintChecklistItem> Items);

public sealed record PrintChecklistItem(
    string Code,
    string Text,
    string TextEn,
    ChecklistItemStatus Status,
    string? NotApplicableReason,
    string? SelfAssessment);

/// <summary>An activity of the year the leader attended through one of his or her postings, while that posting held.</summary>
public sealed record PrintActivity(DateOnly Date, ActivityKind Kind, string Title, string UnitName);

/// <summary>A stretch of the appraised year.</summary>
public sealed record PrintPeriod(DateOnly Start, DateOnly End);

/// <summary>
/// How many briefings (P5.3) and member meetings (S6.5) a unit the leader served in held while the leader held a
/// posting there (<see cref="Periods"/>: the parts of the year covered, not the predecessor's or successor's months).
/// </summary>
public sealed record PrintUnitActivityCount(string UnitName, IReadOnlyList<PrintPeriod> Periods, int Briefings, int MemberMeetings);

/// <summary>
/// A rectification order (art. 15) on a finding that names a posting of the appraised leader as responsible: from an
/// inspection of the year, or of an earlier year and still open when the year began. Overdue as of the day printed
/// (<see cref="RectificationRules.IsOverdue"/>).
/// </summary>
public sealed record PrintRectificationOrder(
    string UnitName,
    string? DeficiencyCode,
    string? OtherDeficiency,
    string FindingDescription,
    DateOnly Deadline,
    RectificationStatus Status,
    DateOnly? VerifiedOn,
    bool IsOverdue,
    int DaysOverdue);
