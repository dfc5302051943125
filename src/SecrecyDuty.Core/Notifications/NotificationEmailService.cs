using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Notifications;

/// <summary>
/// The e-mail outbox over the stored notifications: which are still to be sent to whom, and recording what has been sent
/// (<see cref="Notification.EmailedAtUtc"/>), so that nothing goes out twice across runs, restarts and instances. The
/// sending itself (SMTP) is the web host's background job.
/// </summary>
public sealed class NotificationEmailService(ISecrecyDutyDb db, TimeProvider clock)
{
    /// <summary>
    /// The accounts with an e-mail address and unread notifications not e-mailed yet, with their preferences; accounts that
    /// chose no e-mail are left out. Two queries whatever the number of accounts.
    /// </summary>
    public async Task<IReadOnlyList<PendingEmail>> PendingAsync(CancellationToken cancellationToken = default)
    {
        var rows = await (
                from n in db.Notifications
                join u in db.Users on n.UserId equals u.Id
                where n.EmailedAtUtc == null && n.ReadAtUtc == null && u.Email != null && u.Email != ""
                orderby n.UserId, n.DueOn, n.Kind, n.Id
                select new { n.UserId, u.Email, u.DisplayName, n.Id, n.Kind, n.RecordType, n.RecordId, n.Subject, n.DueOn })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var userIds = rows.Select(r => r.UserId).Distinct().ToList();
        var preferences = await db.NotificationPreferences.AsNoTracking()
            .Where(p => userIds.Contains(p.UserId))
            .ToDictionaryAsync(p => p.UserId, cancellationToken);
        return [.. rows
            .GroupBy(r => r.UserId)
            .Select(g =>
            {
                var preference = preferences.GetValueOrDefault(g.Key);
                var first = g.First();
                return new PendingEmail(
                    g.Key,
                    first.Email!,
                    first.DisplayName,
                    preference?.Email ?? EmailDelivery.Standard,
                    NotificationPreferenceService.Language(preference?.Language),
                    [.. g.Select(r => new PendingNotification(r.Id, r.Kind, r.RecordType, r.RecordId, r.Subject, r.DueOn))]);
            })
            .Where(p => p.Delivery != EmailDelivery.None)];
    }

    /// <summary>Records that these notifications have gone out; right after each message, so a failure later in the run does not resend it.</summary>
    public Task<int> MarkSentAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Notifications
            .Where(n => ids.Contains(n.Id) && n.EmailedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailedAtUtc, now), cancellationToken);
    }
}
