using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Notifications;

/// <summary>
/// The signed-in account's own notification preferences (issue 12): which kinds, how by e-mail, in which language. Like
/// the notifications themselves, every account reads and writes its own and nobody else's.
/// </summary>
public sealed class NotificationPreferenceService(ISecrecyDutyDb db, ICurrentUser user)
{
    /// <summary>The languages an e-mail can be written in; null or anything else means the first, Chinese.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["zh-CN", "en"];

    public async Task<NotificationPreferences> GetAsync(CancellationToken cancellationToken = default)
    {
        var userId = RequireUserId();
        var row = await db.NotificationPreferences.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        var muted = row?.Muted() ?? new HashSet<NotificationKind>();
        return new NotificationPreferences(
            [.. Enum.GetValues<NotificationKind>().Where(k => !muted.Contains(k))],
            row?.Email ?? EmailDelivery.Standard,
            Language(row?.Language));
    }

    public async Task SaveAsync(NotificationPreferences preferences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        var userId = RequireUserId();
        var row = await db.NotificationPreferences.FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (row is null)
        {
            row = new NotificationPreference { UserId = userId };
            db.NotificationPreferences.Add(row);
        }

        // Kinds are read from the enum at run time, so a kind added later is on until the account switches it off.
        row.MutedKinds = NotificationPreference.FormatKinds(Enum.GetValues<NotificationKind>().Except(preferences.Kinds));
        row.Email = Enum.IsDefined(preferences.Email) ? preferences.Email : EmailDelivery.Standard;
        row.Language = Language(preferences.Language);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A supported language, Chinese for anything else.</summary>
    public static string Language(string? language) =>
        Languages.FirstOrDefault(l => string.Equals(l, language, StringComparison.OrdinalIgnoreCase)) ?? Languages[0];

    private string RequireUserId()
    {
        AccessDeniedException.ThrowUnless(user.IsAuthenticated && user.UserId is not null);
        return user.UserId!;
    }
}
