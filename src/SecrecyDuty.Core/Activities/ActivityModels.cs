using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Leaders;

namespace SecrecyDuty.Core.Activities;

public enum ActivitySort
{
    Date,
    Kind,
    Unit,
}

/// <summary>The activity list's search, filters and order, as the query string carries them.</summary>
public sealed class ActivityFilter
{
    /// <summary>Part of the title or of the topics.</summary>
    public string? Search { get; set; }

    public int? UnitId { get; set; }

    public ActivityKind? Kind { get; set; }

    public int? Year { get; set; }

    /// <summary>1 (January–June) or 2 (July–December) of <see cref="Year"/>; ignored without a year.</summary>
    public int? Half { get; set; }

    public ActivitySort Sort { get; set; } = ActivitySort.Date;

    /// <summary>The latest first unless asked otherwise.</summary>
    public SortDirection Direction { get; set; } = SortDirection.Descending;
}

public sealed record ActivityListItem(
    int Id,
    DateOnly Date,
    ActivityKind Kind,
    int UnitId,
    string UnitName,
    string Title,
    string Presenters,
    int AttendeeCount,
    int EvidenceCount)
{
    public string DutyCode => ActivityKinds.DutyCode(Kind);
}

/// <summary>A posting present at an activity: who, in which role and post, as it held on the activity's date.</summary>
public sealed record ActivityAttendee(int PostingId, int LeaderId, string LeaderName, PostingRole Role, string PostingTitle);

public sealed record ActivityExportRow(
    int Id,
    DateOnly Date,
    ActivityKind Kind,
    string UnitCode,
    string UnitName,
    string Title,
    string Presenters,
    string Topics,
    string? Decisions,
    string? FollowUpActions,
    string? Audience,
    int? HeadCount,
    string? ReviewedItem,
    string? Reviewer,
    PublicationReviewOutcome? ReviewOutcome,
    IReadOnlyList<ActivityAttendee> Attendees,
    int EvidenceCount)
{
    public string DutyCode => ActivityKinds.DutyCode(Kind);
}

/// <summary>An evidence file as the activity's page lists it (never its bytes). <paramref name="UploadedAt"/> is local time.</summary>
public sealed record EvidenceFileItem(int Id, string FileName, string ContentType, long Size, string Sha256, DateTime UploadedAt, string UploadedBy);

/// <summary>
/// An activity's page. <paramref name="DutyText"/> and <paramref name="DutySummaryEn"/>: the duty item it
/// discharges, from the current regulation (null if the catalogue lacks it).
/// </summary>
public sealed record ActivityDetails(
    int Id,
    ActivityKind Kind,
    string? DutyText,
    string? DutySummaryEn,
    DateOnly Date,
    int UnitId,
    string UnitName,
    string Title,
    string Presenters,
    string Topics,
    string? Decisions,
    string? FollowUpActions,
    string? Audience,
    int? HeadCount,
    string? ReviewedItem,
    string? Reviewer,
    PublicationReviewOutcome? ReviewOutcome,
    IReadOnlyList<ActivityAttendee> Attendees,
    IReadOnlyList<EvidenceFileItem> Evidence,
    bool CanEdit)
{
    public string DutyCode => ActivityKinds.DutyCode(Kind);
}

/// <summary>
/// What the activity form needs: the input, the units the account may record for, and the unit's leadership on
/// the chosen date to pick the attendees from (null until a unit and a date are chosen).
/// <paramref name="ActivityId"/> is null for a new activity.
/// </summary>
public sealed record ActivityForm(int? ActivityId, ActivityInput Input, IReadOnlyList<UnitChoice> Units, LeadershipTeam? Team, int Version = Versions.None);

/// <summary>A file as it arrives from a form: its name as the browser gave it, its announced size, and its content.</summary>
public sealed record EvidenceUpload(string FileName, long Size, Stream Content);

/// <summary>An evidence file to send back: the original name, the type recognized on upload, the bytes.</summary>
public sealed record EvidenceDownload(string FileName, string ContentType, byte[] Content);
