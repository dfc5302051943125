using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Incidents;
using SecrecyDuty.Core.Inspections;

namespace SecrecyDuty.Core.Notifications;

/// <summary>
/// Computes what is due soon and overdue today, and for whom (<see cref="ReminderRules"/>), and stores each reminder as a
/// <see cref="Notification"/> once. The daily job calls <see cref="StoreDueAsync"/>; the digest page asks
/// <see cref="DueAsync"/> for one account. Only records that are due soon or late are read, a few queries in all,
/// whatever the size of the province.
/// </summary>
public sealed class ReminderService(ISecrecyDutyDb db, TimeProvider clock, ReminderSettings settings, IncidentSettings incidentSettings)
{
    /// <summary>A second instance storing the same reminders at the same moment: its save fails on the unique key and is retried this often.</summary>
    private const int SaveAttempts = 3;

    /// <summary>Every reminder due today (for <paramref name="userId"/> alone when given), in a stable order.</summary>
    public async Task<IReadOnlyList<DueItem>> DueAsync(string? userId = null, CancellationToken cancellationToken = default)
    {
        var today = LocalDate.Today(clock);
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var accounts = await RoleAccountsAsync(cancellationToken);
        var items = new List<DueItem>();
        items.AddRange(await OrdersAsync(today, accounts, cancellationToken));
        items.AddRange(await ProposalsAsync(today, accounts, cancellationToken));
        items.AddRange(await IncidentsAsync(nowUtc, accounts, cancellationToken));
        var muted = await MutedKindsAsync(userId, cancellationToken);
        return [.. items
            .Where(i => userId is null || i.UserId == userId)
            .Where(i => !muted.Contains((i.UserId, i.Kind)))
            .OrderBy(i => i.DueOn)
            .ThenBy(i => i.Kind)
            .ThenBy(i => i.RecordId)
            .ThenBy(i => i.UserId, StringComparer.Ordinal)];
    }

    /// <summary>The daily digest of <paramref name="userId"/>: today's reminders, due soon and overdue.</summary>
    public async Task<Digest> DigestAsync(string userId, CancellationToken cancellationToken = default)
    {
        var items = await DueAsync(userId, cancellationToken);
        return new Digest(LocalDate.Today(clock), [.. items.Where(i => i.IsDueSoon)], [.. items.Where(i => !i.IsDueSoon)]);
    }

    /// <summary>
    /// Stores every reminder due today that is not stored yet: running twice, or on two instances at once, stores each
    /// one once (the unique key over account, kind, record and due date decides a race; the loser reads again and adds
    /// only what is still missing).
    /// </summary>
    public async Task<ReminderRun> StoreDueAsync(CancellationToken cancellationToken = default)
    {
        var due = await DueAsync(cancellationToken: cancellationToken);
        var stored = 0;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                stored = await StoreMissingAsync(due, cancellationToken);
                return new ReminderRun(LocalDate.Today(clock), due.Count, stored);
            }
            catch (DbUpdateException) when (attempt < SaveAttempts)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<int> StoreMissingAsync(IReadOnlyList<DueItem> due, CancellationToken cancellationToken)
    {
        if (due.Count == 0)
        {
            return 0;
        }

        var recordIds = due.Select(d => d.RecordId).Distinct().ToList();
        var existing = (await db.Notifications.AsNoTracking()
                .Where(n => recordIds.Contains(n.RecordId))
                .Select(n => new { n.UserId, n.Kind, n.RecordType, n.RecordId, n.DueOn })
                .ToListAsync(cancellationToken))
            .Select(n => (n.UserId, n.Kind, n.RecordType, n.RecordId, n.DueOn))
            .ToHashSet();
        var createdAt = clock.GetUtcNow().UtcDateTime;
        var missing = due.Where(d => !existing.Contains((d.UserId, d.Kind, d.RecordType, d.RecordId, d.DueOn))).ToList();
        db.Notifications.AddRange(missing.Select(d => new Notification
        {
            UserId = d.UserId,
            Kind = d.Kind,
            RecordType = d.RecordType,
            RecordId = d.RecordId,
            UnitId = d.UnitId,
            Subject = d.Subject,
            DueOn = d.DueOn,
            CreatedAtUtc = createdAt,
        }));
        await db.SaveChangesAsync(cancellationToken);
        return missing.Count;
    }

    /// <summary>Art. 15: orders the unit has still to report on, due within the "soon" days or late.</summary>
    private async Task<IEnumerable<DueItem>> OrdersAsync(DateOnly today, RoleAccounts accounts, CancellationToken cancellationToken)
    {
        var horizon = today.AddDays(settings.OrderDueSoonDays);
        var orders = await db.RectificationOrders.AsNoTracking()
            .Where(o => (o.Status == RectificationStatus.Open || o.Status == RectificationStatus.SentBack) && o.Deadline <= horizon)
            .Select(o => new
            {
                o.Id,
                o.UnitId,
                o.Status,
                o.Deadline,
                o.Finding!.InspectionId,
                o.Finding.DeficiencyCode,
                UnitName = db.Units.Where(u => u.Id == o.UnitId).Select(u => u.Name).First(),
                ParentId = db.Units.Where(u => u.Id == o.UnitId).Select(u => u.ParentId).First(),
            })
            .ToListAsync(cancellationToken);
        var inspectionIds = orders.Select(o => o.InspectionId).Distinct().ToList();
        var inspectors = (await db.InspectionInspectors.AsNoTracking()
                .Where(i => inspectionIds.Contains(i.InspectionId))
                .Select(i => new { i.InspectionId, i.UserId })
                .ToListAsync(cancellationToken))
            .ToLookup(i => i.InspectionId, i => i.UserId);
        var items = new List<DueItem>();
        foreach (var order in orders)
        {
            if (ReminderRules.ForOrder(order.Status, order.Deadline, today, settings.OrderDueSoonDays) is not { } kind)
            {
                continue;
            }

            var subject = Subject(order.UnitName, order.DeficiencyCode);
            var recipients = ReminderRules.OrderRecipients(inspectors[order.InspectionId], accounts.SecrecyOfficers, order.UnitId);
            items.AddRange(recipients.Select(u => new DueItem(u, kind, NotificationRecord.RectificationOrder, order.Id, order.UnitId, subject, order.Deadline)));
            if (ReminderRules.Escalates(order.Status, order.Deadline, today, settings.OrderEscalationDays))
            {
                items.AddRange(ReminderRules.EscalationRecipients(accounts.SecrecyOfficers, recipients, order.ParentId)
                    .Select(u => new DueItem(u, NotificationKind.OrderEscalated, NotificationRecord.RectificationOrder, order.Id, order.UnitId, subject, order.Deadline)));
            }
        }

        return items;
    }

    /// <summary>Art. 17: proposals whose feedback is late.</summary>
    private async Task<IEnumerable<DueItem>> ProposalsAsync(DateOnly today, RoleAccounts accounts, CancellationToken cancellationToken)
    {
        var proposals = await db.Proposals.AsNoTracking()
            .Where(p => p.FeedbackOn == null && p.FeedbackDueOn < today)
            .Select(p => new { p.Id, p.UnitId, p.FeedbackDueOn, p.FeedbackOn, p.CreatedBy, LeaderName = p.Leader!.Name, UnitName = p.Unit!.Name })
            .ToListAsync(cancellationToken);
        if (proposals.Count == 0)
        {
            return [];
        }

        var proposerNames = proposals.Select(p => p.CreatedBy).Distinct().ToList();
        var proposers = await db.Users.AsNoTracking()
            .Where(u => proposerNames.Contains(u.UserName!))
            .Select(u => new { u.UserName, u.Id })
            .ToDictionaryAsync(u => u.UserName!, u => u.Id, cancellationToken);
        var ancestors = await AncestorsAsync(proposals.Select(p => p.UnitId), cancellationToken);
        return proposals.SelectMany(p =>
            ReminderRules.ForProposal(p.FeedbackOn, p.FeedbackDueOn, today) is { } kind
                ? ReminderRules.ProposalRecipients(proposers.GetValueOrDefault(p.CreatedBy), accounts.CadreOfficials, ancestors[p.UnitId].ToList())
                    .Select(u => new DueItem(u, kind, NotificationRecord.Proposal, p.Id, p.UnitId, Subject(p.UnitName, p.LeaderName), p.FeedbackDueOn))
                : []);
    }

    /// <summary>S6.10: leaks not reported to the secrecy department yet, while the clock runs and once it has run out.</summary>
    private async Task<IEnumerable<DueItem>> IncidentsAsync(DateTime nowUtc, RoleAccounts accounts, CancellationToken cancellationToken)
    {
        var incidents = await db.Incidents.AsNoTracking()
            .Where(i => i.ReportedToSecrecyDepartmentAtUtc == null && i.Status != IncidentStatus.Closed)
            .Select(i => new { i.Id, i.UnitId, i.Title, i.Status, i.DiscoveredAtUtc, i.RestrictedToNamedAccounts })
            .ToListAsync(cancellationToken);
        if (incidents.Count == 0)
        {
            return [];
        }

        var ids = incidents.Select(i => i.Id).ToList();
        var grants = (await db.IncidentGrants.AsNoTracking()
                .Where(g => ids.Contains(g.IncidentId))
                .Select(g => new { g.IncidentId, g.UserId })
                .ToListAsync(cancellationToken))
            .ToLookup(g => g.IncidentId, g => g.UserId);
        var ancestors = await AncestorsAsync(incidents.Select(i => i.UnitId), cancellationToken);
        var hours = incidentSettings.ReportingHours;
        return incidents.SelectMany(i =>
        {
            if (ReminderRules.ForIncident(i.Status, i.DiscoveredAtUtc, null, hours, nowUtc) is not { } kind)
            {
                return [];
            }

            var dueOn = LocalDate.Of(IncidentRules.ReportDeadline(i.DiscoveredAtUtc, hours), clock)!.Value;
            return ReminderRules.IncidentRecipients(accounts.SecrecyOfficers, grants[i.Id], i.RestrictedToNamedAccounts, ancestors[i.UnitId].ToList())
                .Select(u => new DueItem(u, kind, NotificationRecord.Incident, i.Id, i.UnitId, Truncate(i.Title), dueOn));
        });
    }

    /// <summary>
    /// The kinds each account has switched off (<see cref="NotificationPreference"/>): they are neither stored nor shown
    /// in the digest, so switching a kind on again stores what is due of it at the next run.
    /// </summary>
    private async Task<HashSet<(string UserId, NotificationKind Kind)>> MutedKindsAsync(string? userId, CancellationToken cancellationToken)
    {
        var rows = await db.NotificationPreferences.AsNoTracking()
            .Where(p => p.MutedKinds != "" && (userId == null || p.UserId == userId))
            .Select(p => new { p.UserId, p.MutedKinds })
            .ToListAsync(cancellationToken);
        return [.. rows.SelectMany(r => NotificationPreference.ParseKinds(r.MutedKinds).Select(k => (r.UserId, k)))];
    }

    /// <summary>Each unit with itself and every unit above it, from the closure table.</summary>
    private async Task<ILookup<int, int>> AncestorsAsync(IEnumerable<int> unitIds, CancellationToken cancellationToken)
    {
        var ids = unitIds.Distinct().ToList();
        return (await db.UnitAncestries.AsNoTracking()
                .Where(a => ids.Contains(a.DescendantId))
                .Select(a => new { a.DescendantId, a.AncestorId })
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.DescendantId, a => a.AncestorId);
    }

    /// <summary>The accounts of the roles reminders go to, with their units: one query.</summary>
    private async Task<RoleAccounts> RoleAccountsAsync(CancellationToken cancellationToken)
    {
        var rows = await (
                from userRole in db.UserRoles
                join role in db.Roles on userRole.RoleId equals role.Id
                join user in db.Users on userRole.UserId equals user.Id
                where role.Name == Roles.SecrecyOfficer || role.Name == Roles.CadreOfficial
                select new { role.Name, user.Id, user.UnitId })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return new RoleAccounts(
            [.. rows.Where(r => r.Name == Roles.SecrecyOfficer).Select(r => new ReminderAccount(r.Id, r.UnitId))],
            [.. rows.Where(r => r.Name == Roles.CadreOfficial).Select(r => new ReminderAccount(r.Id, r.UnitId))]);
    }

    private static string Subject(string unitName, string? detail) => Truncate(detail is null ? unitName : $"{unitName} · {detail}");

    private static string Truncate(string text) =>
        text.Length <= NotificationLimits.SubjectMaxLength ? text : text[..NotificationLimits.SubjectMaxLength];

    private sealed record RoleAccounts(IReadOnlyList<ReminderAccount> SecrecyOfficers, IReadOnlyList<ReminderAccount> CadreOfficials);
}
