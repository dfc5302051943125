using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;

namespace SecrecyDuty.Core.Notifications;

/// <summary>
/// Issue 12: every signed-in account reads and marks its own notifications and digest, whatever its role; nobody reads
/// another account's. What a notification names was chosen for that account by <see cref="ReminderRules"/>.
/// </summary>
public static class NotificationAccess
{
    public static IReadOnlyList<AccessRule> Rules { get; } =
    [
        new("Notifications", nameof(CanReadOwnNotifications), "Issue 12: each account reads its own notifications and daily digest", CanReadOwnNotifications),
    ];

    public static bool CanReadOwnNotifications(ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsAuthenticated && user.UserId is not null && user.Roles.Any(Roles.IsKnown);
    }

    public static void RequireOwnNotifications(ICurrentUser user) => AccessDeniedException.ThrowUnless(CanReadOwnNotifications(user));
}
