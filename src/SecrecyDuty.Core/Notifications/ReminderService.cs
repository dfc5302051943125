using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Checklists;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Compliance;
using SecrecyDuty.Core.Incidents;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Core.Leaders;

namespace SecrecyDuty.Core.Notifications;

/// <summary>
/// Computes what is due soon and overdue today, and for whom (<see cref="ReminderRules"/>), and stores each reminder as a
/// <see cref="Notification"/> once. The daily job calls <see cref="StoreDueAsync"/>; the digest page asks
/// <see cref="DueAsync"/> for one account. Only records that are due soon or late are read, a few queries in all,
/// whatever the size of the province; for one account, only the records it may be told of (<see cref="Audience"/>), so
/// that the digest page costs what the account's share costs, not the province's.
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
        Audience? audience = null;
        if (userId is not null)
        {
            audience = await db.Users.AsNoTracking()
                .Where(u => u.Id == userId)
                .Select(u => new Audience(u.Id, u.UserName ?? "", u.UnitId))
                .SingleOrDefaultAsync(cancellationToken);
            if (audience is null)
            {
                return [];
            }
        }

        var accounts = await RoleAccountsAsync(cancellationToken);
        var items = new List<DueItem>();
        items.AddRange(await OrdersAsync(today, accounts, audience, cancellationToken));
        items.AddRange(await ProposalsAsync(today, accounts, audience, cancellationToken));
        items.AddRange(await IncidentsAsync(nowUtc, accounts, audience, cancellationToken));
        items.AddRange(await FrequencyRulesAsync(today, audience, cancellationToken));
        items.AddRange(await CadreTrainingsAsync(today, accounts, audience, cancellationToken));
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
    private async Task<IEnumerable<DueItem>> OrdersAsync(DateOnly today, RoleAccounts accounts, Audience? audience, CancellationToken cancellationToken)
    {
        var horizon = today.AddDays(settings.OrderDueSoonDays);
        var due = db.RectificationOrders.AsNoTracking()
            .Where(o => (o.Status == RectificationStatus.Open || o.Status == RectificationStatus.SentBack) && o.Deadline <= horizon);
        if (audience is { } a)
        {
            // Told of an order: the unit's officers, its inspectors, and on escalation the officers one level up.
            due = due.Where(o => o.UnitId == a.UnitId
                || db.Units.Any(u => u.Id == o.UnitId && u.ParentId == a.UnitId)
                || db.InspectionInspectors.Any(i => i.InspectionId == o.Finding!.InspectionId && i.UserId == a.UserId));
        }

        var orders = await due
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
    private async Task<IEnumerable<DueItem>> ProposalsAsync(DateOnly today, RoleAccounts accounts, Audience? audience, CancellationToken cancellationToken)
    {
        var late = db.Proposals.AsNoTracking().Where(p => p.FeedbackOn == null && p.FeedbackDueOn < today);
        if (audience is { } a)
        {
            // Told of a proposal: its proposer and the cadre officials at its unit or above.
            late = late.Where(p => p.CreatedBy == a.UserName || db.UnitAncestries.Any(x => x.AncestorId == a.UnitId && x.DescendantId == p.UnitId));
        }

        var proposals = await late
            .Select(p => new { p.Id, p.UnitId, p.FeedbackDueOn, p.FeedbackOn, p.CreatedBy, LeaderName = p.Leader!.Name, UnitName = p.Unit!.Name })
            .ToListAsync(cancellationToken);

        // No early return when nothing is late: the page runs as many commands whatever the province holds.
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
    private async Task<IEnumerable<DueItem>> IncidentsAsync(DateTime nowUtc, RoleAccounts accounts, Audience? audience, CancellationToken cancellationToken)
    {
        var unreported = db.Incidents.AsNoTracking().Where(i => i.ReportedToSecrecyDepartmentAtUtc == null && i.Status != IncidentStatus.Closed);
        if (audience is { } a)
        {
            // Told of a file's clock: the accounts named on it and the officers at its unit or above.
            unreported = unreported.Where(i => db.IncidentGrants.Any(g => g.IncidentId == i.Id && g.UserId == a.UserId)
                || db.UnitAncestries.Any(x => x.AncestorId == a.UnitId && x.DescendantId == i.UnitId));
        }

        var incidents = await unreported
            .Select(i => new { i.Id, i.UnitId, i.Title, i.Status, i.DiscoveredAtUtc, i.RestrictedToNamedAccounts })
            .ToListAsync(cancellationToken);

        // No early return when nothing is late: the page runs as many commands whatever the province holds.
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
    /// The leaders' own periodic duties, judged by the compliance engine's rules over this year's counts: P5.3 (the
    /// half-year briefing, to the principal leaders), S6.5 (member meetings, to the leader in charge of secrecy) and the
    /// posting's checklist of the year (art. 9, to its leader). Only leaders with an account are told, so the queries
    /// start from the accounts linked to a leader.
    /// </summary>
    private async Task<IEnumerable<DueItem>> FrequencyRulesAsync(DateOnly today, Audience? audience, CancellationToken cancellationToken)
    {
        // Told of a leader's own duties: the leader's account alone.
        var audienceId = audience?.UserId;
        var leaderAccounts = await db.Users.AsNoTracking()
            .Where(u => u.LeaderId != null && (audienceId == null || u.Id == audienceId))
            .Select(u => new LeaderAccount(u.Id, u.LeaderId!.Value))
            .ToListAsync(cancellationToken);
        if (leaderAccounts.Count == 0)
        {
            return [];
        }

        var leaderIds = leaderAccounts.Select(a => a.LeaderId).Distinct().ToList();
        var postings = await db.Postings.AsNoTracking()
            .Where(LeaderScope.PostingInScope)
            .Where(p => leaderIds.Contains(p.LeaderId) && p.From <= today && (p.To == null || p.To >= today))
            .Select(p => new
            {
                p.Id,
                p.LeaderId,
                p.UnitId,
                p.Role,
                UnitName = p.Unit!.Name,
                p.Unit.EstablishedOn,
                p.Unit.ClosedOn,
                LeaderName = p.Leader!.Name,
                Checklist = db.DutyChecklists.Where(c => c.PostingId == p.Id && c.Year == today.Year).Select(c => (ChecklistStatus?)c.Status).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var items = new List<DueItem>();
        foreach (var p in postings)
        {
            if (p.Checklist is { } status && ReminderRules.ChecklistDueOn(status, today, settings.YearEndDueSoonDays) is { } checklistDue)
            {
                items.AddRange(ReminderRules.LeaderRecipients(leaderAccounts, [p.LeaderId])
                    .Select(u => new DueItem(u, NotificationKind.ChecklistNotSubmitted, NotificationRecord.Posting, p.Id, p.UnitId, Subject(p.UnitName, p.LeaderName), checklistDue)));
            }
        }

        var units = postings.Where(p => p.Role is PostingRole.PrincipalLeader or PostingRole.SecrecyLeader).GroupBy(p => p.UnitId).ToList();
        if (units.Count == 0)
        {
            return items;
        }

        // P5.3 and S6.5 as the compliance engine reads them from the current regulation.
        var frequencies = await ComplianceComputation.FrequenciesAsync(db, cancellationToken);
        var unitIds = units.Select(u => u.Key).ToList();
        var periods = frequencies.Briefings.PeriodsPerYear;
        var monthsPerPeriod = 12 / periods;
        var yearStart = new DateOnly(today.Year, 1, 1);
        var counts = (await db.Activities.AsNoTracking()
                .Where(a => unitIds.Contains(a.UnitId) && a.Date >= yearStart && a.Date <= today
                    && (a.Kind == ActivityKind.Briefing || a.Kind == ActivityKind.MemberMeeting))
                .GroupBy(a => new { a.UnitId, a.Kind, Period = a.Kind == ActivityKind.Briefing ? (a.Date.Month - 1) / monthsPerPeriod : 0 })
                .Select(g => new { g.Key.UnitId, g.Key.Kind, g.Key.Period, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .ToLookup(c => (c.UnitId, c.Kind));
        foreach (var unit in units)
        {
            var first = unit.First();
            var period = new AssessmentPeriod(today.Year, today, first.EstablishedOn, first.ClosedOn);
            var briefings = new int[periods];
            foreach (var c in counts[(unit.Key, ActivityKind.Briefing)])
            {
                briefings[c.Period] += c.Count;
            }

            var practice = ComplianceRules.PracticePeriods(period, frequencies.Briefings, briefings);
            if (ReminderRules.BriefingDueOn(practice, today, settings.BriefingDueSoonDays) is { } briefingDue)
            {
                items.AddRange(ReminderRules.LeaderRecipients(leaderAccounts, unit.Where(p => p.Role == PostingRole.PrincipalLeader).Select(p => p.LeaderId))
                    .Select(u => new DueItem(u, NotificationKind.BriefingDueSoon, NotificationRecord.Unit, unit.Key, unit.Key, Subject(first.UnitName, ComplianceFrequencies.BriefingsCode), briefingDue)));
            }

            var meetings = ComplianceRules.MemberMeetings(period, frequencies.MemberMeetings, counts[(unit.Key, ActivityKind.MemberMeeting)].Sum(c => c.Count));
            if (ReminderRules.MemberMeetingsDueOn(meetings, today, settings.YearEndDueSoonDays) is { } meetingsDue)
            {
                items.AddRange(ReminderRules.LeaderRecipients(leaderAccounts, unit.Where(p => p.Role == PostingRole.SecrecyLeader).Select(p => p.LeaderId))
                    .Select(u => new DueItem(u, NotificationKind.MemberMeetingsDueSoon, NotificationRecord.Unit, unit.Key, unit.Key, Subject(first.UnitName, ComplianceFrequencies.MemberMeetingsCode), meetingsDue)));
            }
        }

        return items;
    }

    /// <summary>P5.2: secrecy cadres whose training is due again, for the secrecy officers of the unit.</summary>
    private async Task<IEnumerable<DueItem>> CadreTrainingsAsync(DateOnly today, RoleAccounts accounts, Audience? audience, CancellationToken cancellationToken)
    {
        var trainedBefore = today.AddMonths(-settings.CadreTrainingMonths);

        // Told of a cadre's training: the officers of the unit.
        var audienceUnit = audience?.UnitId;
        var organizations = await db.SecrecyOrganizations.AsNoTracking()
            .Where(o => o.Cadres.Any(c => c.LastTrainedOn == null || c.LastTrainedOn <= trainedBefore))
            .Where(o => audienceUnit == null || o.UnitId == audienceUnit)
            .Select(o => new
            {
                o.Id,
                o.UnitId,
                UnitName = o.Unit!.Name,
                Cadres = o.Cadres.Where(c => c.LastTrainedOn == null || c.LastTrainedOn <= trainedBefore).Select(c => new { c.Name, c.LastTrainedOn }).ToList(),
            })
            .ToListAsync(cancellationToken);
        var cadres = organizations.SelectMany(o => o.Cadres.Select(c => new { OrganizationId = o.Id, o.UnitId, o.UnitName, c.Name, c.LastTrainedOn }));
        return cadres.SelectMany(c =>
            ReminderRules.CadreTrainingDueOn(c.LastTrainedOn, today, settings.CadreTrainingMonths) is { } due
                ? ReminderRules.UnitOfficeRecipients(accounts.SecrecyOfficers, c.UnitId)
                    .Select(u => new DueItem(u, NotificationKind.CadreTrainingDue, NotificationRecord.SecrecyOrganization, c.OrganizationId, c.UnitId, Subject(c.UnitName, c.Name), due))
                : []);
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

    /// <summary>
    /// The one account whose reminders are asked for: each query keeps only the records whose recipients could include it
    /// (a superset of its share; <see cref="DueAsync"/> still keeps the items addressed to it).
    /// </summary>
    private sealed record Audience(string UserId, string UserName, int UnitId);

    private sealed record RoleAccounts(IReadOnlyList<ReminderAccount> SecrecyOfficers, IReadOnlyList<ReminderAccount> CadreOfficials);
}
