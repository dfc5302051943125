namespace SecrecyDuty.Core.Notifications;

/// <summary>One reminder due today for one account: what <see cref="ReminderService"/> computes and stores.</summary>
public sealed record DueItem(
    string UserId,
    NotificationKind Kind,
    NotificationRecord RecordType,
    int RecordId,
    int UnitId,
    string Subject,
    DateOnly DueOn)
{
    /// <summary>Due soon (the clock still runs) rather than late.</summary>
    public bool IsDueSoon => Kind is NotificationKind.OrderDueSoon or NotificationKind.IncidentClockRunning;
}

/// <summary>Which of the account's notifications the list shows.</summary>
public enum NotificationShow
{
    /// <summary>All of them, the unread ones first.</summary>
    All,
    Unread,
}

public sealed record NotificationFilter(NotificationShow Show = NotificationShow.All, int Page = 1, int PageSize = Common.Paging.DefaultPageSize);

/// <summary>A notification as the list shows it.</summary>
public sealed record NotificationRow(
    long Id,
    NotificationKind Kind,
    NotificationRecord RecordType,
    int RecordId,
    string Subject,
    DateOnly DueOn,
    DateTime CreatedAtUtc,
    DateTime? ReadAtUtc)
{
    public bool IsRead => ReadAtUtc is not null;
}

/// <summary>The daily digest of one account: what is due soon and what is overdue today.</summary>
public sealed record Digest(DateOnly Today, IReadOnlyList<DueItem> DueSoon, IReadOnlyList<DueItem> Overdue);

/// <summary>What one run of the reminder job did.</summary>
public sealed record ReminderRun(DateOnly Today, int Due, int Stored);
