using SecrecyDuty.Core.Checklists;
using SecrecyDuty.Core.Compliance;
using SecrecyDuty.Core.Incidents;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Core.Proposals;

namespace SecrecyDuty.Core.Notifications;

/// <summary>The "Reminders" configuration section (docs/configuration.md, docs/reminders.md).</summary>
public sealed record ReminderSettings(
    int OrderDueSoonDays = ReminderRules.DefaultOrderDueSoonDays,
    int OrderEscalationDays = ReminderRules.DefaultOrderEscalationDays,
    int BriefingDueSoonDays = ReminderRules.DefaultBriefingDueSoonDays,
    int YearEndDueSoonDays = ReminderRules.DefaultYearEndDueSoonDays,
    int CadreTrainingMonths = ReminderRules.DefaultCadreTrainingMonths);

/// <summary>
/// Which records are due soon or overdue, and who is told, as pure functions over plain inputs. The state of each
/// record comes from its own area's rules (<see cref="RectificationRules"/>, <see cref="ProposalRules"/>,
/// <see cref="IncidentRules"/>), so a reminder never disagrees with the record's page.
/// </summary>
public static class ReminderRules
{
    public const int DefaultOrderDueSoonDays = 7;

    public const int DefaultOrderEscalationDays = 14;

    public const int DefaultBriefingDueSoonDays = 30;

    public const int DefaultYearEndDueSoonDays = 30;

    public const int DefaultCadreTrainingMonths = 12;

    /// <summary>
    /// P5.3, the province's half-year practice on top of art. 5 (三): the period of <paramref name="periods"/> (as
    /// <see cref="ComplianceRules.PracticePeriods"/> judges them, so the reminder never disagrees with the compliance page)
    /// that holds <paramref name="today"/>, when it is still not yet due and ends within <paramref name="dueSoonDays"/>
    /// days (today counts). Null when nothing is due soon. The due date is the period's end.
    /// </summary>
    public static DateOnly? BriefingDueOn(IEnumerable<PracticePeriod> periods, DateOnly today, int dueSoonDays)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var current = periods.FirstOrDefault(p => p.Start <= today && today <= p.End);
        return current is { State: ComplianceState.NotYetDue } && current.End.DayNumber - today.DayNumber <= dueSoonDays ? current.End : null;
    }

    /// <summary>
    /// S6.5 (art. 6 (五): "每年2次以上", no half-year split): the compliance engine's judgement of the year
    /// (<see cref="ComplianceRules.MemberMeetings"/>) still not met and not yet due, and its due date (the year's end, or the
    /// unit's closing) within <paramref name="dueSoonDays"/> days.
    /// </summary>
    public static DateOnly? MemberMeetingsDueOn(ComplianceResult judged, DateOnly today, int dueSoonDays)
    {
        ArgumentNullException.ThrowIfNull(judged);
        return judged is { State: ComplianceState.NotYetDue, DueOn: { } due } && due.DayNumber - today.DayNumber <= dueSoonDays ? due : null;
    }

    /// <summary>
    /// Art. 9: the posting's checklist of the year is not submitted (open or returned) and the year ends within
    /// <paramref name="dueSoonDays"/> days; a submitted or reviewed one is the secrecy office's, not the leader's.
    /// </summary>
    public static DateOnly? ChecklistDueOn(ChecklistStatus status, DateOnly today, int dueSoonDays)
    {
        var yearEnd = new DateOnly(today.Year, 12, 31);
        return status is ChecklistStatus.Open or ChecklistStatus.Returned && yearEnd.DayNumber - today.DayNumber <= dueSoonDays ? yearEnd : null;
    }

    /// <summary>
    /// P5.2 (art. 5 (二): staff the organization with qualified secrecy cadres): a cadre's training is due again
    /// <paramref name="renewalMonths"/> months after the last; never trained is due since 1 January (a due date that does
    /// not move from day to day, so that the cadre is named once a year, not every day). The due date is the renewal date;
    /// null while it is in the future.
    /// </summary>
    public static DateOnly? CadreTrainingDueOn(DateOnly? lastTrainedOn, DateOnly today, int renewalMonths)
    {
        var due = lastTrainedOn?.AddMonths(renewalMonths) ?? new DateOnly(today.Year, 1, 1);
        return due <= today ? due : null;
    }

    /// <summary>
    /// The leader's own duties go to the unit leader accounts linked (<c>AppUser.LeaderId</c>) to the leaders holding the
    /// postings that answer for them: P5.3 the principal leaders (art. 5), S6.5 the leader in charge of secrecy (art. 6),
    /// a checklist its posting's leader.
    /// </summary>
    public static IReadOnlyList<string> LeaderRecipients(IEnumerable<LeaderAccount> accounts, IEnumerable<int> leaderIds)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var leaders = leaderIds.ToHashSet();
        return [.. accounts.Where(a => leaders.Contains(a.LeaderId)).Select(a => a.UserId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>The office's duties (P5.2 cadre training) go to the secrecy officers of the unit.</summary>
    public static IReadOnlyList<string> UnitOfficeRecipients(IEnumerable<ReminderAccount> secrecyOfficers, int unitId)
    {
        ArgumentNullException.ThrowIfNull(secrecyOfficers);
        return [.. secrecyOfficers.Where(o => o.UnitId == unitId).Select(o => o.UserId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Art. 15 (限期整改): an order the unit still has to report on is due soon from <paramref name="dueSoonDays"/> days
    /// before its deadline to the deadline itself, and overdue after it. An order reported (with the inspector) or
    /// verified is nobody's reminder.
    /// </summary>
    public static NotificationKind? ForOrder(RectificationStatus status, DateOnly deadline, DateOnly today, int dueSoonDays)
    {
        if (status is not (RectificationStatus.Open or RectificationStatus.SentBack))
        {
            return null;
        }

        if (RectificationRules.IsOverdue(status, deadline, today))
        {
            return NotificationKind.OrderOverdue;
        }

        return RectificationRules.DaysLeft(deadline, today) <= dueSoonDays ? NotificationKind.OrderDueSoon : null;
    }

    /// <summary>Overdue by more than <paramref name="escalationDays"/> days: the secrecy office one level up is told as well.</summary>
    public static bool Escalates(RectificationStatus status, DateOnly deadline, DateOnly today, int escalationDays) =>
        RectificationRules.IsOverdue(status, deadline, today) && -RectificationRules.DaysLeft(deadline, today) > escalationDays;

    /// <summary>Art. 17: the organ holding cadre-management authority must feed back; after the due date it is late.</summary>
    public static NotificationKind? ForProposal(DateOnly? feedbackOn, DateOnly feedbackDueOn, DateOnly today) =>
        ProposalRules.StateOn(feedbackOn, feedbackDueOn, today) == ProposalState.FeedbackOverdue ? NotificationKind.ProposalFeedbackOverdue : null;

    /// <summary>
    /// S6.10: a leak is reported promptly to the secrecy department. While it is not reported the clock runs, then it is
    /// overdue (D15.8); a reported or closed file is nobody's reminder, and the clock starts at the discovery.
    /// </summary>
    public static NotificationKind? ForIncident(IncidentStatus status, DateTime discoveredAtUtc, DateTime? reportedAtUtc, int reportingHours, DateTime nowUtc) =>
        status == IncidentStatus.Closed || nowUtc < discoveredAtUtc ? null
        : IncidentRules.ClockOn(discoveredAtUtc, reportedAtUtc, reportingHours, nowUtc) switch
        {
            ReportClockState.Running => NotificationKind.IncidentClockRunning,
            ReportClockState.Overdue => NotificationKind.IncidentReportOverdue,
            _ => null,
        };

    /// <summary>
    /// Who answers for an order (art. 15): the inspectors of the inspection that found the deficiency, who verify the
    /// rectification, and the secrecy officers of the ordered unit, who see that it is done.
    /// </summary>
    public static IReadOnlyList<string> OrderRecipients(IEnumerable<string> inspectors, IEnumerable<ReminderAccount> secrecyOfficers, int unitId)
    {
        ArgumentNullException.ThrowIfNull(secrecyOfficers);
        return [.. secrecyOfficers.Where(o => o.UnitId == unitId).Select(o => o.UserId).Concat(inspectors).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Who is told of an escalation: the secrecy officers of the unit one level up (the parent), except those already told of
    /// the order itself.
    /// </summary>
    public static IReadOnlyList<string> EscalationRecipients(IEnumerable<ReminderAccount> secrecyOfficers, IReadOnlyCollection<string> orderRecipients, int? parentUnitId)
    {
        ArgumentNullException.ThrowIfNull(secrecyOfficers);
        return parentUnitId is { } parent
            ? [.. secrecyOfficers.Where(o => o.UnitId == parent && !orderRecipients.Contains(o.UserId)).Select(o => o.UserId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]
            : [];
    }

    /// <summary>
    /// Art. 17: the proposer waits for the feedback and the cadre officials of the jurisdiction owe it: those whose unit
    /// is the proposal's unit or above it (<paramref name="unitAndAncestors"/>).
    /// </summary>
    public static IReadOnlyList<string> ProposalRecipients(string? proposerUserId, IEnumerable<ReminderAccount> cadreOfficials, IReadOnlyCollection<int> unitAndAncestors)
    {
        ArgumentNullException.ThrowIfNull(cadreOfficials);
        ArgumentNullException.ThrowIfNull(unitAndAncestors);
        var recipients = cadreOfficials.Where(c => unitAndAncestors.Contains(c.UnitId)).Select(c => c.UserId);
        if (proposerUserId is not null)
        {
            recipients = recipients.Append(proposerUserId);
        }

        return [.. recipients.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Who is told about a file's clock: the accounts named on it and, unless it is limited to them (need to know, as
    /// <see cref="IncidentAccess.MayOpen"/> says), the secrecy officers of its jurisdiction (the file's unit or above it).
    /// Nobody is told of a file he or she could not open.
    /// </summary>
    public static IReadOnlyList<string> IncidentRecipients(
        IEnumerable<ReminderAccount> secrecyOfficers,
        IEnumerable<string> namedAccounts,
        bool restrictedToNamedAccounts,
        IReadOnlyCollection<int> unitAndAncestors)
    {
        ArgumentNullException.ThrowIfNull(secrecyOfficers);
        ArgumentNullException.ThrowIfNull(unitAndAncestors);
        var recipients = namedAccounts;
        if (!restrictedToNamedAccounts)
        {
            recipients = recipients.Concat(secrecyOfficers.Where(o => unitAndAncestors.Contains(o.UnitId)).Select(o => o.UserId));
        }

        return [.. recipients.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }
}

/// <summary>A unit leader account linked to its leader record.</summary>
public readonly record struct LeaderAccount(string UserId, int LeaderId);

/// <summary>An account in a role that reminders go to, with its unit.</summary>
public readonly record struct ReminderAccount(string UserId, int UnitId);
