using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Notifications;

/// <summary>How an account wants its notifications by e-mail.</summary>
public enum EmailDelivery
{
    /// <summary>The urgent kinds (<see cref="NotificationPreference.IsUrgent"/>) each in a message of its own, the rest in the daily digest.</summary>
    Standard,

    /// <summary>Everything in the daily digest, the urgent kinds too.</summary>
    Digest,

    /// <summary>Every notification in a message of its own as soon as it is stored.</summary>
    Immediate,

    /// <summary>No e-mail: the notification centre only.</summary>
    None,
}

/// <summary>
/// One account's choices (issue 12, per-user preferences): the kinds it does not want, how it wants e-mail and in which
/// language. An account without a row has every kind, <see cref="EmailDelivery.Standard"/> and Chinese. The kinds
/// switched off are stored rather than the kinds wanted, so that a kind added later reaches everybody by default.
/// </summary>
public class NotificationPreference : IVersioned
{
    public string UserId { get; set; } = "";

    /// <summary>The <see cref="NotificationKind"/> names switched off, comma-separated (short: a few of a handful of kinds).</summary>
    public string MutedKinds { get; set; } = "";

    public EmailDelivery Email { get; set; }

    /// <summary>The culture of the account's e-mail (zh-CN or en); null means Chinese.</summary>
    public string? Language { get; set; }

    public IReadOnlySet<NotificationKind> Muted() => ParseKinds(MutedKinds);

    public static string FormatKinds(IEnumerable<NotificationKind> kinds) =>
        string.Join(',', kinds.Distinct().Order().Select(k => k.ToString()));

    public static IReadOnlySet<NotificationKind> ParseKinds(string? kinds) =>
        (kinds ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(k => Enum.TryParse<NotificationKind>(k, out var kind) ? kind : (NotificationKind?)null)
            .OfType<NotificationKind>()
            .ToHashSet();

    /// <summary>The events the issue wants mailed at once: the incident reporting clock (S6.10) and late or escalated orders (art. 15).</summary>
    public static bool IsUrgent(NotificationKind kind) =>
        kind is NotificationKind.IncidentClockRunning or NotificationKind.IncidentReportOverdue
            or NotificationKind.OrderOverdue or NotificationKind.OrderEscalated;

    public const int MutedKindsMaxLength = 1000;

    public const int LanguageMaxLength = 16;

    /// <summary>Optimistic concurrency (<see cref="IVersioned"/>): raised by each save.</summary>
    public int Version { get; set; } = Versions.First;

    public DateTime? SavedAtUtc { get; set; }

    public string? SavedBy { get; set; }
}
