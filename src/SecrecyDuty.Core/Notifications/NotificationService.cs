using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Notifications;

/// <summary>
/// The signed-in account's own notifications: the bell's count, the list, marking them read, the daily digest. Every
/// account, whatever its role, reads its own and nobody else's: a rule on the record (whose notification it is), so it
/// stays here beside the query rather than in a role matrix (docs/decisions/0014-access-classes-per-area.md).
/// </summary>
public sealed class NotificationService(ISecrecyDutyDb db, ICurrentUser user, TimeProvider clock, ReminderService reminders)
{
    /// <summary>The bell's number: the account's unread notifications (0 for an account that has none to read).</summary>
    public Task<int> UnreadCountAsync(CancellationToken cancellationToken = default) =>
        IsSignedIn()
            ? Own().CountAsync(n => n.ReadAtUtc == null, cancellationToken)
            : Task.FromResult(0);

    /// <summary>A page of the account's notifications: unread first, then the newest; or the unread ones only.</summary>
    public async Task<PagedList<NotificationRow>> ListAsync(NotificationFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        RequireSignedIn();
        var (page, pageSize) = Paging.Normalize(filter.Page, filter.PageSize);
        var query = Own().AsNoTracking();
        if (filter.Show == NotificationShow.Unread)
        {
            query = query.Where(n => n.ReadAtUtc == null);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderBy(n => n.ReadAtUtc == null ? 0 : 1)
            .ThenByDescending(n => n.CreatedAtUtc)
            .ThenByDescending(n => n.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(n => new NotificationRow(n.Id, n.Kind, n.RecordType, n.RecordId, n.Subject, n.DueOn, n.CreatedAtUtc, n.ReadAtUtc))
            .ToListAsync(cancellationToken);
        return new PagedList<NotificationRow>(items, page, pageSize, total);
    }

    /// <summary>Marks one of the account's notifications read; false when it is not the account's (or does not exist).</summary>
    public async Task<bool> MarkReadAsync(long id, CancellationToken cancellationToken = default)
    {
        RequireSignedIn();
        var notification = await Own().FirstOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (notification is null)
        {
            return false;
        }

        notification.ReadAtUtc ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Marks every unread notification of the account read, in one statement; returns how many.</summary>
    public Task<int> MarkAllReadAsync(CancellationToken cancellationToken = default)
    {
        RequireSignedIn();
        var now = clock.GetUtcNow().UtcDateTime;
        return Own().Where(n => n.ReadAtUtc == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), cancellationToken);
    }

    /// <summary>The daily digest of the account: today's due-soon and overdue items, computed by the reminder rules.</summary>
    public Task<Digest> DigestAsync(CancellationToken cancellationToken = default)
    {
        RequireSignedIn();
        return reminders.DigestAsync(user.UserId!, cancellationToken);
    }

    private bool IsSignedIn() => user.IsAuthenticated && user.UserId is not null;

    private void RequireSignedIn() => AccessDeniedException.ThrowUnless(IsSignedIn());

    private IQueryable<Notification> Own()
    {
        var userId = user.UserId ?? "";
        return db.Notifications.Where(n => n.UserId == userId);
    }
}
