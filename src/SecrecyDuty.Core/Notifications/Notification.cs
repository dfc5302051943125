namespace SecrecyDuty.Core.Notifications;

/// <summary>What a notification says about its record.</summary>
public enum NotificationKind
{
    /// <summary>Art. 15: a rectification order's deadline is within the days the settings give as "soon".</summary>
    OrderDueSoon,

    /// <summary>Art. 15: the deadline has passed and the unit has not reported its rectification.</summary>
    OrderOverdue,

    /// <summary>The order is overdue by more than the escalation days: the secrecy office one level up is told.</summary>
    OrderEscalated,

    /// <summary>Art. 17: the cadre-management organ has not fed back by the proposal's due date.</summary>
    ProposalFeedbackOverdue,

    /// <summary>S6.10: a leak is not reported yet and the time allowed is running.</summary>
    IncidentClockRunning,

    /// <summary>S6.10, D15.8: the time allowed has passed without a report.</summary>
    IncidentReportOverdue,

    /// <summary>P5.3 (art. 5 (三)), the province's half-year practice: the half-year ends soon and no briefing is recorded in it.</summary>
    BriefingDueSoon,

    /// <summary>S6.5 (art. 6 (五), "每年2次以上"): the year ends soon with fewer member meetings than the regulation asks for.</summary>
    MemberMeetingsDueSoon,

    /// <summary>Art. 9: the year ends soon and the posting's checklist of the year is not submitted.</summary>
    ChecklistNotSubmitted,

    /// <summary>P5.2 (art. 5 (二)): a secrecy cadre's last training is older than the renewal months.</summary>
    CadreTrainingDue,
}

/// <summary>The kind of record a notification is about; with its id it names the page that shows it.</summary>
public enum NotificationRecord
{
    RectificationOrder,
    Proposal,
    Incident,

    /// <summary>A unit's requirement of the year (P5.3, S6.5): the unit's compliance page.</summary>
    Unit,

    /// <summary>A posting's checklist of the due date's year.</summary>
    Posting,

    /// <summary>A unit's secrecy organization and its cadres.</summary>
    SecrecyOrganization,
}

/// <summary>
/// A reminder stored for one account by the daily reminder job: it is about one record, for one due date, and stored
/// once whatever runs the job and however often (a unique key over account, kind, record and due date).
/// </summary>
public class Notification
{
    public long Id { get; set; }

    /// <summary>The account the notification is for.</summary>
    public string UserId { get; set; } = "";

    public NotificationKind Kind { get; set; }

    public NotificationRecord RecordType { get; set; }

    public int RecordId { get; set; }

    /// <summary>The record's unit, as it was when the notification was made.</summary>
    public int UnitId { get; set; }

    /// <summary>What the record is, in a few words (the unit and the order's deficiency, the proposal's leader, the file's title).</summary>
    public string Subject { get; set; } = "";

    /// <summary>The date the record is due: an order's deadline, a proposal's feedback date, the day the report of a leak is due.</summary>
    public DateOnly DueOn { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Null while unread.</summary>
    public DateTime? ReadAtUtc { get; set; }

    /// <summary>
    /// When the notification went out by e-mail (in the digest or alone); null while not sent. Recorded in the database
    /// so that a restart or another instance never sends it twice.
    /// </summary>
    public DateTime? EmailedAtUtc { get; set; }
}

public static class NotificationLimits
{
    public const int SubjectMaxLength = 200;
}
