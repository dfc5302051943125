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

/// <summary>An account's choices as the preferences page shows and saves them: the kinds wanted, e-mail, language.</summary>
/// <summary><paramref name="Version"/>: the stored preferences', <see cref="Common.Versions.None"/> while the account has kept the defaults.</summary>
public sealed record NotificationPreferences(IReadOnlyList<NotificationKind> Kinds, EmailDelivery Email, string Language, int Version = Common.Versions.None);

/// <summary>A notification waiting to be e-mailed.</summary>
public sealed record PendingNotification(long Id, NotificationKind Kind, NotificationRecord RecordType, int RecordId, string Subject, DateOnly DueOn);

/// <summary>One account's notifications waiting to be e-mailed, with where and how to send them.</summary>
public sealed record PendingEmail(
    string UserId,
    string Address,
    string DisplayName,
    EmailDelivery Delivery,
    string Language,
    IReadOnlyList<PendingNotification> Notifications)
{
    /// <summary>What goes in a message of its own by the account's choice; the rest waits for the digest.</summary>
    public IReadOnlyList<PendingNotification> Immediate => Delivery switch
    {
        EmailDelivery.Immediate => Notifications,
        EmailDelivery.Standard => [.. Notifications.Where(n => NotificationPreference.IsUrgent(n.Kind))],
        _ => [],
    };

    public IReadOnlyList<PendingNotification> ForDigest => [.. Notifications.Except(Immediate)];
}
