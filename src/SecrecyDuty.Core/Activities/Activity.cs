using SecrecyDuty.Core.Auditing;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Core.Activities;

/// <summary>The activities that discharge duties, each tied to the duty item it satisfies.</summary>
public enum ActivityKind
{
    /// <summary>P5.3: the principal leaders hear the secrecy organization's report (听取保密组织的情况汇报).</summary>
    Briefing,

    /// <summary>S6.5: a secrecy organization member meeting chaired by the leader in charge.</summary>
    MemberMeeting,

    /// <summary>S6.2: conveying and studying a new directive.</summary>
    DirectiveStudy,

    /// <summary>S6.3: secrecy education or training, with audience and head count.</summary>
    Training,

    /// <summary>S6.7: a protection plan for an important activity, meeting or project.</summary>
    ProtectionPlan,

    /// <summary>S6.9: secrecy review before information is published or given out.</summary>
    PublicationReview,
}

public static class ActivityKinds
{
    /// <summary>The duty item each kind of activity satisfies (its evidence on the checklist).</summary>
    public static string DutyCode(ActivityKind kind) => kind switch
    {
        ActivityKind.Briefing => "P5.3",
        ActivityKind.MemberMeeting => "S6.5",
        ActivityKind.DirectiveStudy => "S6.2",
        ActivityKind.Training => "S6.3",
        ActivityKind.ProtectionPlan => "S6.7",
        ActivityKind.PublicationReview => "S6.9",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static IReadOnlyList<ActivityKind> ForDutyCode(string code) =>
        [.. Enum.GetValues<ActivityKind>().Where(k => DutyCode(k) == code)];
}

/// <summary>A recorded activity of a unit. It records that it happened, never secret content.</summary>
public class Activity : IAudited, IVersioned
{
    public int Id { get; set; }

    public int UnitId { get; set; }

    public Unit? Unit { get; set; }

    public ActivityKind Kind { get; set; }

    public DateOnly Date { get; set; }

    public string Title { get; set; } = "";

    /// <summary>Who presented or reported (e.g. the head of the secrecy office).</summary>
    public string Presenters { get; set; } = "";

    public string Topics { get; set; } = "";

    public string? Decisions { get; set; }

    public string? FollowUpActions { get; set; }

    /// <summary>Training (S6.3): who was trained.</summary>
    public string? Audience { get; set; }

    /// <summary>Training (S6.3): how many took part.</summary>
    public int? HeadCount { get; set; }

    /// <summary>Publication review (S6.9): the item reviewed.</summary>
    public string? ReviewedItem { get; set; }

    /// <summary>Publication review (S6.9): who reviewed it.</summary>
    public string? Reviewer { get; set; }

    /// <summary>Publication review (S6.9): approved, approved with changes, refused.</summary>
    public string? ReviewOutcome { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public ICollection<ActivityAttendance> Attendance { get; set; } = [];

    public ICollection<EvidenceFile> Evidence { get; set; } = [];

    /// <summary>Optimistic concurrency (<see cref="IVersioned"/>): raised by each save.</summary>
    public int Version { get; set; } = Versions.First;

    public DateTime? SavedAtUtc { get; set; }

    public string? SavedBy { get; set; }

    int? IAudited.AuditUnitId => UnitId;
}

/// <summary>A posting present at an activity (chosen from the unit's leadership on that date).</summary>
/// <summary>One leader at an activity; adding or removing one is in the audit trail under the activity's unit.</summary>
public class ActivityAttendance : IAudited
{
    public int ActivityId { get; set; }

    public int PostingId { get; set; }

    public Posting? Posting { get; set; }

    int? IAudited.AuditUnitId => null;
}

/// <summary>
/// An evidence file of an activity, of a unit's rectification report, or of a unit's self-assessment (exactly one of
/// the three). Its bytes are in
/// <see cref="EvidenceContent"/>, in the database, so one backup holds them.
/// </summary>
public class EvidenceFile : IAudited
{
    public int Id { get; set; }

    public int? ActivityId { get; set; }

    public int? RectificationOrderId { get; set; }

    /// <summary>The self-assessment (自查自评) score sheet the unit submits this file with.</summary>
    public int? ScoreSheetId { get; set; }

    public string FileName { get; set; } = "";

    /// <summary>The type recognized from the content (not the name): application/pdf, image/png, …</summary>
    public string ContentType { get; set; } = "";

    public long Size { get; set; }

    /// <summary>SHA-256 of the content, hex.</summary>
    public string Sha256 { get; set; } = "";

    public DateTime UploadedAtUtc { get; set; }

    public string UploadedBy { get; set; } = "";

    public EvidenceContent? Content { get; set; }

    // Its entry takes the unit of the activity, order or score sheet it belongs to; the bytes are never in the trail.
    int? IAudited.AuditUnitId => null;
}

public class EvidenceContent
{
    public int EvidenceFileId { get; set; }

    public byte[] Bytes { get; set; } = [];
}
